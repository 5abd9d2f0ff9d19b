import { AppError } from '../../types';
import { renewScreenKey } from '../../types/screens';
import { defineFunction } from '../core/define-function';
import { newScreenKey, toScreenSetting } from './screen-view';
import { mayManageScreens } from './screens.permissions';
import { getScreenRow, setScreenKey } from './screens.storage';

/** A new address when the old one got out (photographed, sent around): the old stops at once. */
export default defineFunction(renewScreenKey, async (input, { services, caller }) => {
  const screen = await getScreenRow(services.db, input.id);
  if (!screen || !mayManageScreens(caller.grants, screen.community_id)) throw new AppError('NOT_FOUND');
  // A screen removed meanwhile gets no new address.
  if (!(await setScreenKey(services.db, screen.id, newScreenKey(), services.clock.now()))) throw new AppError('NOT_FOUND');
  return toScreenSetting((await getScreenRow(services.db, screen.id))!);
});
