import { AppError } from '../../types';
import { removeScreen } from '../../types/screens';
import { defineFunction } from '../core/define-function';
import { mayManageScreens } from './screens.permissions';
import { deleteScreen, getScreenRow } from './screens.storage';

export default defineFunction(removeScreen, async (input, { services, caller }) => {
  const screen = await getScreenRow(services.db, input.id);
  if (!screen || !mayManageScreens(caller.grants, screen.community_id)) throw new AppError('NOT_FOUND');
  return { removed: await deleteScreen(services.db, screen.id) };
});
