import { AppError } from '../../types';
import { bindPhone } from '../../types/users';
import { defineFunction } from '../core/define-function';
import { WechatError, WECHAT_CODE_INVALID, WECHAT_CODE_USED } from '../wechat/client';
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
  await updateUser(
    services.db,
    caller.id,
    { phone_enc: services.cipher.encrypt(phone), phone_index: services.cipher.blindIndex(phone) },
    services.clock.now(),
  );
  return loadProfile(services, caller.id);
});
