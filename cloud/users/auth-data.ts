/**
 * A WeChat user's `authData` the way LeanCloud returned it, which app code reads
 * (`AV.User.current().get('authData').lc_weapp.openid`): the openid, the unionid when
 * known, and `_weixin_unionid` as LeanCloud stores a unionid for platform "weixin".
 * WeChat's session_key is never part of it.
 */
export interface AuthData {
  lc_weapp: { openid: string; unionid?: string };
  _weixin_unionid?: { uid: string };
}

export function authDataFrom(user: { openid: string | null; unionid: string | null } | undefined): AuthData | undefined {
  if (!user?.openid) return undefined;
  return {
    lc_weapp: { openid: user.openid, ...(user.unionid && { unionid: user.unionid }) },
    ...(user.unionid && { _weixin_unionid: { uid: user.unionid } }),
  };
}
