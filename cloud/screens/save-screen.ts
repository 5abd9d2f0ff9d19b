import { AppError } from '../../types';
import { saveScreen } from '../../types/screens';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { newScreenKey, toScreenSetting } from './screen-view';
import { mayManageScreens } from './screens.permissions';
import { getScreenRow, saveScreenRow } from './screens.storage';

export default defineFunction(saveScreen, async (input, { services, caller }) => {
  const community = await getRegion(services.db, input.communityId);
  if (!community || community.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND');
  if (!mayManageScreens(caller.grants, community.id)) throw new AppError('OUT_OF_SCOPE');
  const existing = input.id ? await getScreenRow(services.db, input.id) : undefined;
  if (input.id && (!existing || !mayManageScreens(caller.grants, existing.community_id))) throw new AppError('NOT_FOUND');
  const at = services.clock.now().toISOString();
  const id = existing?.id ?? newId();
  const saved = await saveScreenRow(
    services.db,
    {
      id,
      community_id: community.id,
      name: input.name,
      screen_key: existing?.screen_key ?? newScreenKey(),
      orientation: input.orientation,
      // The order chosen is the order shown; a module chosen twice shows once.
      modules: JSON.stringify([...new Set(input.modules)]),
      rotate_seconds: input.rotateSeconds,
      created_at: existing?.created_at ?? at,
      updated_at: at,
    },
    !existing,
  );
  // A screen removed meanwhile stays removed.
  if (!saved) throw new AppError('NOT_FOUND');
  return toScreenSetting((await getScreenRow(services.db, id))!);
});
