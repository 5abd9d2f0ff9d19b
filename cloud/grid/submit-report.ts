import { AppError } from '../../types';
import { submitReport } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { filePetition } from '../petitions/lib/file-petition';
import { petitionDetailFor } from '../petitions/lib/load-petition';
import { insertGridReport } from './grid.storage';
import { nearbyReportsFor } from './nearby';
import { reportPlace } from './report-community';

/**
 * 随手拍 → a petition (category 网格上报) in the community's normal flow, with the place and
 * the worker's grid beside it. Photos and a picked location are optional. Possible
 * duplicates (100 m, 7 days) are refused until the reporter has seen them and says it is
 * another matter.
 */
export default defineFunction(submitReport, async (input, { services, caller }) => {
  const { communityId, gridId } = await reportPlace(services, caller, input.communityId);
  if (!input.notDuplicate && (await nearbyReportsFor(services, communityId, input.place)).length > 0) throw new AppError('GRID_REPORT_DUPLICATE');
  const hasPoint = input.place.latitude !== undefined && input.place.longitude !== undefined;
  const id = await filePetition(
    services,
    {
      kind: 'request',
      category: '网格上报',
      title: input.title,
      description: input.description,
      photoIds: input.photoIds,
      location: hasPoint ? { latitude: input.place.latitude!, longitude: input.place.longitude!, address: input.place.address } : null,
      contactPhone: input.contactPhone,
      anonymous: false,
      communityId,
    },
    { submitterId: caller.id, filedBy: null, onBehalfName: null, photoOwner: caller.id },
  );
  await insertGridReport(services.db, {
    petition_id: id,
    grid_id: gridId,
    community_id: communityId,
    reporter_id: caller.id,
    latitude: hasPoint ? input.place.latitude! : null,
    longitude: hasPoint ? input.place.longitude! : null,
    place: input.place.address,
    created_at: services.clock.now().toISOString(),
  });
  return petitionDetailFor(services, id, caller);
});
