import { z } from 'zod';
import { PUBLIC, SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import {
  ELDER_CONTACTS_MAX,
  ELDER_NAME_MAX,
  ELDER_NOTE_MAX,
  type ElderAlertResult,
  type ElderCardPublic,
  type ElderCardSummary,
  type ElderCardView,
} from './elder-cards-model';

export * from './elder-cards-model';

const id = z.string().min(1, '不能为空').max(64);
/** The code printed in the QR: 26 characters of Crockford base32 (128 random bits). */
const code = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '二维码无法识别，请重新扫描'));

const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号');

export const ElderContactInput = z
  .object({
    name: z.string().trim().min(1, '请填写联系人称呼').max(10, '称呼最多10个字'),
    relation: z.string().trim().min(1, '请填写与老人的关系').max(6, '关系最多6个字'),
    /** Left out when editing to keep the number stored for the contact at `keep`. */
    phone: phone.optional(),
    /** The `seq` of a stored contact whose number stays (staff see it masked and need not retype it). */
    keep: z.number().int().min(1).max(ELDER_CONTACTS_MAX).optional(),
  })
  .refine((c) => c.phone !== undefined || c.keep !== undefined, { message: '请填写11位手机号', path: ['phone'] });

export const SaveElderCardInput = z.object({
  /** Absent for a new card. */
  id: id.optional(),
  communityId: id,
  displayName: z.string().trim().min(1, '请填写称呼，如“王奶奶”').max(ELDER_NAME_MAX, `称呼最多${ELDER_NAME_MAX}个字，不写全名`),
  note: z.string().trim().max(ELDER_NOTE_MAX, `给好心人的提示最多${ELDER_NOTE_MAX}字`).default(''),
  photoFileId: id.nullable().optional(),
  /** Staff registering for a family who is not in the app; the community's staff then look after it. */
  onBehalf: z.boolean().default(false),
  contacts: z.array(ElderContactInput).min(1, '至少填写一位紧急联系人').max(ELDER_CONTACTS_MAX, `最多${ELDER_CONTACTS_MAX}位紧急联系人`),
});
export const saveElderCard = defineContract({
  name: 'elderCards.save',
  summary: '家属（或工作人员代家属）登记、修改防走失卡',
  kind: 'command',
  access: SIGNED_IN,
  input: SaveElderCardInput,
}).returns<ElderCardView>();

export const myElderCards = defineContract({
  name: 'elderCards.mine',
  summary: '我登记的防走失卡与扫码情况',
  kind: 'query',
  access: SIGNED_IN,
  input: z.object({}),
}).returns<ElderCardSummary[]>();

export const communityElderCards = defineContract({
  name: 'elderCards.ofCommunity',
  summary: '本社区登记的防走失卡（工作人员）',
  kind: 'query',
  access: rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin'),
  input: z.object({ communityId: id.optional() }),
}).returns<ElderCardSummary[]>();

export const getElderCard = defineContract({
  name: 'elderCards.get',
  summary: '防走失卡详情与每次扫码记录（家属与本社区工作人员）',
  kind: 'query',
  access: SIGNED_IN,
  input: z.object({ id }),
}).returns<ElderCardView>();

export const printElderCard = defineContract({
  name: 'elderCards.print',
  summary: '可打印的防走失卡与小贴纸图片（小程序码与网址二维码）',
  kind: 'query',
  access: SIGNED_IN,
  input: z.object({ id }),
}).returns<{ card: string; sticker: string; url: string }>();

export const reissueElderCard = defineContract({
  name: 'elderCards.reissue',
  summary: '卡丢了：旧二维码立即失效，换发新码',
  kind: 'command',
  access: SIGNED_IN,
  input: z.object({ id }),
}).returns<ElderCardView>();

export const revokeElderCard = defineContract({
  name: 'elderCards.revoke',
  summary: '停用防走失卡，二维码立即失效',
  kind: 'command',
  access: SIGNED_IN,
  input: z.object({ id }),
}).returns<ElderCardView>();

export const scanElderCard = defineContract({
  name: 'elderCards.scan',
  summary: '扫码看到的求助页（无需登录，只显示称呼与提示）',
  kind: 'command',
  access: PUBLIC,
  input: z.object({ code }),
}).returns<ElderCardPublic>();

export const alertElderFamily = defineContract({
  name: 'elderCards.alert',
  summary: '通知家属和社区网格员，并显示一位家属的电话',
  kind: 'command',
  access: PUBLIC,
  input: z.object({
    code,
    location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullable().default(null),
    note: z.string().trim().max(60, '留言最多60字').optional(),
  }),
}).returns<ElderAlertResult>();

export const elderCardsContracts = [
  saveElderCard,
  myElderCards,
  communityElderCards,
  getElderCard,
  printElderCard,
  reissueElderCard,
  revokeElderCard,
  scanElderCard,
  alertElderFamily,
] as const;
