/**
 * Every error a client can receive, declared once. The host answers each with its HTTP
 * status and `{ code, error }`, where `error` is the message below: plain Chinese a
 * resident can read. 211 is LeanCloud's "invalid session" and the SDK relies on it.
 */
export const ERRORS = {
  INTERNAL: { code: 1, status: 500, message: '服务器开小差了，请稍后再试' },
  INVALID_JSON: { code: 107, status: 400, message: '请求格式不正确' },
  INVALID_INPUT: { code: 142, status: 400, message: '填写的内容有误，请检查后再提交' },
  RATE_LIMITED: { code: 155, status: 429, message: '操作太频繁了，请稍等一会儿再试' },
  LOGIN_FAILED: { code: 210, status: 400, message: '用户名或密码不正确' },
  SESSION_INVALID: { code: 211, status: 401, message: '登录已失效，请重新登录' },
  ACCOUNT_LOCKED: { code: 219, status: 429, message: '密码错误次数过多，账号已暂时锁定，请稍后再试' },
  APP_SIGNATURE_INVALID: { code: 401, status: 401, message: '应用签名无效，请检查应用配置或设备时间' },
  ROLE_REQUIRED: { code: 403, status: 403, message: '您没有使用这项功能的权限' },
  NOT_FOUND: { code: 404, status: 404, message: '内容不存在或已被删除' },
  FUNCTION_NOT_FOUND: { code: 405, status: 404, message: '没有这项功能，请更新小程序后再试' },
  PAYLOAD_TOO_LARGE: { code: 413, status: 413, message: '提交的内容太大了' },
  // A LeanCloud REST route this host does not serve: "not here", never "deleted" (404).
  API_NOT_SERVED: { code: 501, status: 501, message: '此服务器不提供该接口' },
  JSON_TOO_DEEP: { code: 108, status: 400, message: '请求内容的层级太深，无法处理' },
  OUT_OF_SCOPE: { code: 1403, status: 403, message: '只能办理本人管辖范围内的事务' },
  ROLE_NOT_GRANTABLE: { code: 1404, status: 403, message: '您不能授予或收回这个角色' },
  WECHAT_CODE_INVALID: { code: 1101, status: 400, message: '微信登录凭证无效或已使用，请重新进入小程序' },
  WECHAT_UNAVAILABLE: { code: 1102, status: 502, message: '微信服务暂时不可用，请稍后再试' },
  PHONE_CODE_INVALID: { code: 1103, status: 400, message: '手机号授权已失效，请重新授权' },
  COMMUNITY_NOT_FOUND: { code: 1201, status: 400, message: '所选社区不存在，请重新选择' },
  USER_NOT_FOUND: { code: 1202, status: 404, message: '找不到这位用户' },
  EVENT_CANCELLED: { code: 2001, status: 409, message: '活动已取消，不能报名' },
  EVENT_NO_SIGNUP: { code: 2002, status: 409, message: '这个活动无需报名，直接到场参加即可' },
  EVENT_SIGNUP_NOT_OPEN: { code: 2003, status: 409, message: '报名还没有开始，请到时再来' },
  EVENT_SIGNUP_CLOSED: { code: 2004, status: 409, message: '报名已经截止' },
  EVENT_REGISTRATION_REMOVED: { code: 2005, status: 409, message: '您已被工作人员移出本次活动，如有疑问请联系社区' },
  EVENT_CANCEL_CUTOFF_PASSED: { code: 2006, status: 409, message: '已过取消截止时间，如不能参加请联系社区' },
  CHECKIN_UNKNOWN_CODE: { code: 2007, status: 404, message: '签到码不正确，请核对后重新输入' },
  CHECKIN_ALREADY: { code: 2008, status: 409, message: '这个签到码已经签到过了' },
  CHECKIN_NOT_OPEN: { code: 2009, status: 409, message: '活动开始前1小时才能签到' },
  CHECKIN_CLOSED: { code: 2010, status: 409, message: '活动已结束，不能再签到' },
  CHECKIN_NOT_CONFIRMED: { code: 2011, status: 409, message: '这位居民还在候补或已取消报名，不能签到' },
  EVENT_TIME_INVALID: { code: 2012, status: 400, message: '结束时间要晚于开始时间，报名截止不能晚于开始' },
  EVENT_CAPACITY_TOO_SMALL: { code: 2013, status: 409, message: '名额不能少于已报名的人数' },
  EVENT_NOT_EDITABLE: { code: 2014, status: 409, message: '活动已取消或已结束，不能再修改' },
  EVENT_NOT_ENDED: { code: 2015, status: 409, message: '活动结束后才能登记到场和服务人数' },
  EVENT_NOT_DRAFT: { code: 2016, status: 409, message: '活动已经发布，不能删除；如需停办，请撤销活动' },
  BOOKING_SLOT_TAKEN: { code: 3001, status: 409, message: '这个时段已被预约，请换一个时段' },
  BOOKING_WINDOW_FULL: { code: 3002, status: 409, message: '这个时段已约满，请换一个时段' },
  BOOKING_NOT_A_SLOT: { code: 3003, status: 400, message: '所选时间不在开放时段内' },
  BOOKING_CLOSED_DATE: { code: 3004, status: 409, message: '这一天暂停开放' },
  BOOKING_TOO_SOON: { code: 3005, status: 409, message: '预约时间太近了，请选择稍晚的时段' },
  BOOKING_TOO_FAR: { code: 3006, status: 409, message: '还不能预约这么远的日期' },
  BOOKING_PAST: { code: 3007, status: 409, message: '这个时段已经过去了' },
  BOOKING_QUOTA: { code: 3008, status: 409, message: '本周的预约次数已用完' },
  BOOKING_SUSPENDED: { code: 3009, status: 409, message: '因多次预约未到，功能室预约暂停使用' },
  BOOKING_CANCEL_CUTOFF: { code: 3010, status: 409, message: '已过取消截止时间，如不能前来请联系社区' },
  BOOKING_NOT_ALLOWED_NOW: { code: 3011, status: 409, message: '预约当前的状态不能进行这个操作' },
  BOOKING_NOSHOW_TOO_EARLY: { code: 3012, status: 409, message: '开始15分钟后仍未到场，才能记为未到' },
  BOOKING_PARTY_TOO_LARGE: { code: 3013, status: 400, message: '人数超过了功能室的容量' },
  BOOKING_RESOURCE_INVALID: { code: 3014, status: 400, message: '开放时间或时段设置有误' },
  PETITION_NOT_ALLOWED_NOW: { code: 4001, status: 409, message: '事项当前的状态不能进行这个操作' },
  PETITION_ID_REQUIRED: { code: 4002, status: 400, message: '信访代办需要填写信访人的身份证号' },
  PETITION_ID_INVALID: { code: 4003, status: 400, message: '身份证号不正确，请核对后重新填写' },
  PETITION_PHONE_INVALID: { code: 4004, status: 400, message: '手机号不正确，请填写11位手机号' },
  PETITION_ASSIGNED_TO_OTHER: { code: 4005, status: 409, message: '这件事已分派给其他代办员' },
  PETITION_REOPEN_USED: { code: 4006, status: 409, message: '每件事只能重新打开一次，如仍未解决请重新提交' },
  PETITION_REOPEN_EXPIRED: { code: 4007, status: 409, message: '办结超过7天，已自动结案，如仍未解决请重新提交' },
  PETITION_NOT_AN_AGENT: { code: 4008, status: 400, message: '只能分派给本社区的代办员' },
  HONOR_CATEGORY_UNKNOWN: { code: 5001, status: 400, message: '这个榜单没有这个类别' },
  NOMINATION_NOT_PENDING: { code: 5002, status: 409, message: '这条推荐已经审核过了' },
  THANKS_NOT_ALLOWED_NOW: { code: 5003, status: 409, message: '这条感谢当前的状态不能进行这个操作' },
  THANKS_TARGET_UNKNOWN: { code: 5004, status: 400, message: '找不到要感谢的工作人员' },
  FILE_TYPE_NOT_ALLOWED: { code: 4101, status: 400, message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
  FILE_TOO_LARGE: { code: 4102, status: 413, message: '照片不能超过 10MB' },
  FILE_NOT_FOUND: { code: 4103, status: 404, message: '照片不存在或链接已过期' },
  FILE_UNUSABLE: { code: 4104, status: 400, message: '照片已被使用或不属于您，请重新上传' },
  IMAGE_TOO_MANY_PIXELS: { code: 4105, status: 413, message: '照片的像素太多了，请缩小后再上传' },
  VOLUNTEER_NOT_RECRUITING: { code: 7101, status: 409, message: '这个活动不招募志愿者' },
  VOLUNTEER_FULL: { code: 7102, status: 409, message: '志愿者名额已满，感谢您的热心' },
  VOLUNTEER_SIGNUP_CLOSED: { code: 7103, status: 409, message: '活动已开始或已结束，不能再报名或取消志愿者' },
  VOLUNTEER_UNKNOWN_CODE: { code: 7104, status: 404, message: '志愿者码不正确，请核对后重新输入' },
  VOLUNTEER_SCAN_NOT_OPEN: { code: 7105, status: 409, message: '活动开始前2小时才能为志愿者签到' },
  VOLUNTEER_SCAN_CLOSED: { code: 7106, status: 409, message: '活动结束超过2小时，不能再签到签退，请由管理员核定时长' },
  VOLUNTEER_ALREADY_OUT: { code: 7107, status: 409, message: '这位志愿者已经签退了' },
  VOLUNTEER_CAPACITY_TOO_SMALL: { code: 7108, status: 409, message: '志愿者名额不能少于已报名的人数' },
  VOLUNTEER_NOT_SIGNED_UP: { code: 7109, status: 409, message: '您还没有报名当这个活动的志愿者' },
  ELDER_CARD_NOT_FOUND: { code: 7201, status: 404, message: '这张卡无法识别或已停用。请拨打110，或联系附近的社区' },
  ELDER_CARD_REVOKED: { code: 7202, status: 409, message: '这张卡已停用，不能再修改' },
  SCREEN_NOT_FOUND: { code: 7301, status: 404, message: '屏幕地址无效或已更换，请在后台重新复制屏幕地址' },
  GRID_NOT_ASSIGNED: { code: 6001, status: 403, message: '您没有被分配到这个网格' },
  GRID_NOT_FOUND: { code: 6002, status: 404, message: '网格不存在' },
  GRID_NOT_A_WORKER: { code: 6003, status: 400, message: '只能分配本社区的网格员' },
  GRID_VISIT_NO_FOLLOW_UP: { code: 6004, status: 409, message: '这次走访没有标为需跟进' },
  GRID_VISIT_ALREADY_PETITION: { code: 6005, status: 409, message: '这次走访已经转为诉求了' },
  GRID_HOUSEHOLD_EXISTS: { code: 6006, status: 409, message: '这个地址已在住户名单中，请从名单中选择' },
  GRID_PHONE_NEEDED: { code: 6007, status: 400, message: '住户没有留电话，请填写联系电话' },
  GRID_GROUP_DATA_INVALID: { code: 6008, status: 400, message: '群信息无法识别，请从群聊里重新打开' },
  GRID_REPORT_DUPLICATE: { code: 6009, status: 409, message: '附近7天内已有相同位置的上报，请先看看是不是同一件事' },
  GRID_IMPORT_INVALID: { code: 6010, status: 400, message: '无法读取这个 Excel 文件，请使用导入模板' },
  SHARE_TARGET_UNAVAILABLE: { code: 6011, status: 404, message: '要分享的内容不存在或还未发布' },
} as const;

export type ErrorName = keyof typeof ERRORS;
export type ErrorCode = (typeof ERRORS)[ErrorName]['code'];

/** A problem with one field of the input, in Chinese, with the field's path. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one error type handlers throw. The host turns it into the protocol's error reply;
 * the mini-program and the console turn the SDK's error back into it.
 *
 * @example throw new AppError('NOT_FOUND')
 * @example throw new AppError('INVALID_INPUT', '开始时间不能晚于结束时间', [{ path: 'startsAt', message: '...' }])
 */
export class AppError extends Error {
  readonly code: number;
  readonly status: number;
  override readonly name = 'AppError';

  constructor(
    readonly kind: ErrorName,
    message?: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message ?? ERRORS[kind].message);
    this.code = ERRORS[kind].code;
    this.status = ERRORS[kind].status;
  }
}

const byCode = new Map<number, ErrorName>(
  (Object.keys(ERRORS) as ErrorName[]).map((name) => [ERRORS[name].code, name]),
);

/** The declared error with this code, if any. */
export function errorNameOf(code: number): ErrorName | undefined {
  return byCode.get(code);
}

/** Shown when a request never got an answer from the host. */
export const NETWORK_MESSAGE = '网络连接不上，请检查网络后再试';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * Turns whatever the SDK (or a platform API) rejected with into AppError, for the
 * mini-program and the console alike. The host's messages are plain Chinese and kept; the
 * SDK's own (network failures, "request:fail …", English) become a plain message instead.
 *
 * @example try { await call('events.publish', { id }) } catch (e) { show(toAppError(e).message) }
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    rawMessage?: unknown;
    fields?: unknown;
  };
  const code = typeof e.code === 'number' ? e.code : undefined;
  const raw = typeof e.rawMessage === 'string' && e.rawMessage ? e.rawMessage : typeof e.message === 'string' ? e.message : '';
  const message = HAS_CHINESE.test(raw) ? raw : undefined;
  const fields = Array.isArray(e.fields) ? e.fields.filter(isFieldError) : [];

  const name = code === undefined ? undefined : errorNameOf(code);
  if (name) return new AppError(name, message, fields);
  if (message) return new AppError('INTERNAL', message, fields);
  // The SDK reports a request that got no reply as code -1 (or none at all).
  if (code === undefined || code === -1) return new AppError('INTERNAL', NETWORK_MESSAGE);
  return new AppError('INTERNAL', ERRORS.INTERNAL.message);
}

function isFieldError(value: unknown): value is FieldError {
  const f = value as FieldError | null;
  return typeof f === 'object' && f !== null && typeof f.path === 'string' && typeof f.message === 'string';
}
