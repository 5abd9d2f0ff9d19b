import { myVolunteerHours, VOLUNTEER_STAGE_TEXT, type VolunteerYear } from '../../types/volunteers';
import { inShanghai } from '../../types/time';
import { defineFunction } from '../core/define-function';
import { countedMinutes, stageOf } from './volunteer-view';
import { servicesOf } from './volunteers.storage';

export default defineFunction(myVolunteerHours, async (input, { services, caller }) => {
  const now = services.clock.now();
  const rows = await servicesOf(services.db, caller.id);
  const byYear = new Map<number, VolunteerYear>();
  const records = rows.map((r) => {
    const stage = stageOf(r, r, now);
    const minutes = countedMinutes(r, r, now);
    const year = inShanghai(r.starts_at).year();
    const y = byYear.get(year) ?? { year, minutes: 0, services: 0 };
    if (minutes !== null && minutes > 0) {
      y.minutes += minutes;
      y.services += 1;
    }
    byYear.set(year, y);
    return {
      year,
      record: {
        id: r.id,
        eventId: r.event_id,
        eventTitle: r.title,
        venue: r.venue,
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        stage,
        stageText: VOLUNTEER_STAGE_TEXT[stage],
        minutes,
        correctionReason: r.correction_reason,
      },
    };
  });
  const years = [...byYear.values()].sort((a, b) => b.year - a.year);
  const year = input.year ?? years[0]?.year ?? inShanghai(now).year();
  return { years, year, records: records.filter((r) => r.year === year).map((r) => r.record) };
});
