import { AppError } from '../../types';
import { bindPhone } from '../../types/users';
import { defineFunction } from '../core/define-function';
import { WechatError, WECHAT_CODE_INVALID, WECHAT_CODE_USED } from '../wechat/client';
import { claimByPhone } from '../petitions/petitions.storage';
import { loadProfile } from './profile';
import { updateUser } from './users.storage';

export default defineFunction(bindPhone, async (input, { services, caller }) => {
  let phone: string;
  try {
    ({ phoneNumber: phone } = await services.wechat.getPhoneNumber(input.code));
  } catch (error) {
    if (error instanceof WechatError && [WECHAT_CODE_INVALID, WECHAT_CODE_USED].includes(error.errcode)) {
      throw new AppError('PHONE_CODE_INVALID');
    }
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  const phoneIndex = services.cipher.blindIndex(phone);
  await updateUser(services.db, caller.id, { phone_enc: services.cipher.encrypt(phone), phone_index: phoneIndex, phone_tail: phone.slice(-4) }, services.clock.now());
  // Petitions staff filed for this number (for someone without a smartphone) become theirs.
  await claimByPhone(services.db, caller.id, phoneIndex);
  return loadProfile(services, caller.id);
});
