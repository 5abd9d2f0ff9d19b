import { AppError } from '../../types';
import type { WeeklyHours } from '../../types/bookings';
import { showScreen, type ScreenContent, type ScreenModule, type ScreenOrientation } from '../../types/screens';
import { inShanghai, shanghaiTime } from '../../types/time';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { getDistrict } from '../communities/communities.storage';
import { hallHoursOn, screenEventStatus } from './screen-view';
import { screenByKey, screenEvents, screenHall, screenHonors, screenNotices, screenRoomUse } from './screens.storage';

/**
 * A screen's content, by its key and without sign-in: public facts only (titles, times,
 * places, counts). Who booked a room, who registered, who pledged never appear.
 */
export default defineFunction(showScreen, async (input, { services }) => {
  const screen = await screenByKey(services.db, input.key);
  if (!screen) throw new AppError('SCREEN_NOT_FOUND');
  const now = services.clock.now();
  const modules = JSON.parse(screen.modules) as ScreenModule[];
  const district = await getDistrict(services.db);
  const scopes = district ? [screen.community_id, district.id] : [screen.community_id];
  const today = inShanghai(now).format('YYYY-MM-DD');
  const dayStart = shanghaiTime(today, '00:00');
  const dayEnd = new Date(dayStart.getTime() + DAY);
  const weekEnd = new Date(dayStart.getTime() + 7 * DAY);
  const has = (m: ScreenModule) => modules.includes(m);

  const [notices, events, rooms, hall, honors] = await Promise.all([
    has('notices') ? screenNotices(services.db, scopes, now, 8) : [],
    has('events') ? screenEvents(services.db, scopes, now, weekEnd, 20) : [],
    has('rooms') ? screenRoomUse(services.db, screen.community_id, dayStart, dayEnd) : [],
    has('hall') ? screenHall(services.db, screen.community_id) : null,
    has('honors') ? screenHonors(services.db, scopes, 24) : null,
  ]);
  const screenEvent = (e: (typeof events)[number]) => ({
    id: e.id,
    title: e.title,
    venue: e.venue,
    startsAt: new Date(e.starts_at),
    endsAt: new Date(e.ends_at),
    ...screenEventStatus(e, now),
  });
  const content: ScreenContent = {
    name: screen.name,
    communityName: screen.community_name,
    orientation: screen.orientation as ScreenOrientation,
    rotateSeconds: screen.rotate_seconds,
    modules,
    generatedAt: now,
    notices: notices.map((n) => ({
      id: n.id,
      title: n.title,
      category: n.category,
      summary: n.summary,
      pledge: n.pledge_prompt ? { prompt: n.pledge_prompt, count: n.pledge_count } : null,
    })),
    events: {
      today: events.filter((e) => e.starts_at < dayEnd.toISOString()).map(screenEvent),
      week: events.filter((e) => e.starts_at >= dayEnd.toISOString()).map(screenEvent),
    },
    rooms: rooms.map((r) => ({ name: r.name, uses: r.uses.map((u) => ({ startsAt: new Date(u.slot_start), endsAt: new Date(u.slot_end) })) })),
    hall: hall && {
      centerName: hall.center.name,
      address: hall.center.address,
      phone: hall.center.phone,
      // ISO weekday: Monday 1 … Sunday 7 (dayjs counts Sunday as 0).
      hoursToday: hallHoursOn(((inShanghai(now).day() + 6) % 7) + 1, hall.items.map((i) => JSON.parse(i.hours) as WeeklyHours)),
      services: hall.items.map((i) => i.name),
    },
    honors: honors && { title: honors.list.title, year: honors.list.year, entries: honors.entries },
  };
  return content;
});
