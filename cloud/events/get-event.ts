import { getEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { recordVisitFromShare } from '../shares/record-visit';
import { eventDetail, visibleEvent } from './lib/load-event';

export default defineFunction(getEvent, async (input, { services, caller, ip }) => {
  const row = await visibleEvent(services, input.id, caller);
  if (input.sharer && row.state !== 'draft') {
    await recordVisitFromShare(services, { targetKind: 'event', targetId: row.id, sharerId: input.sharer, visitorId: caller?.id ?? null, ip, device: input.device });
  }
  return eventDetail(services, row, caller);
});
