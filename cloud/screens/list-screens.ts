import { listScreens } from '../../types/screens';
import { defineFunction } from '../core/define-function';
import { toScreenSetting } from './screen-view';
import { screenCommunities } from './screens.permissions';
import { screensIn } from './screens.storage';

export default defineFunction(listScreens, async (_input, { services, caller }) =>
  (await screensIn(services.db, screenCommunities(caller.grants))).map(toScreenSetting),
);
