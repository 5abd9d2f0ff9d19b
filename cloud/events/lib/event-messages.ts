import { formatFullDateTime } from '../../../types/time';
import type { Config } from '../../config';
import { DAY, HOUR } from '../../core/clock';
import type { OutgoingMessage } from '../../notifications/outbox.storage';
import { templateFor, thing } from '../../notifications/templates';
import type { EventsTable, EventRegistrationsTable } from '../../storage/schema';

type EventFacts = Pick<EventsTable, 'id' | 'title' | 'venue' | 'starts_at'>;
type Reg = Pick<EventRegistrationsTable, 'id' | 'user_id' | 'updated_at'>;

export const EVENT_PAGE = 'packages/events/detail/index';

/**
 * An event's start as its messages say it, formatted once per start time: a sign-up's three
 * messages and every sign-up of one event say the same (dayjs formatting was ~5% of a
 * sign-up's CPU). A pure function of the time, so the cache is only ever cleared for size.
 */
const startText = new Map<string, string>();
function startOf(startsAt: string): string {
  let text = startText.get(startsAt);
  if (text === undefined) {
    if (startText.size >= 1000) startText.clear();
    startText.set(startsAt, (text = formatFullDateTime(startsAt)));
  }
  return text;
}

/** What, when and where, as every event message says them. */
function fields(event: EventFacts, note: string): Record<string, string> {
  return {
    thing1: thing(event.title),
    time2: startOf(event.starts_at),
    thing3: thing(event.venue),
    thing4: thing(note),
  };
}

/**
 * The messages a confirmed seat brings: the news itself, and reminders a day and an hour
 * before the start (only those still ahead). Keys carry the moment the seat was given, so
 * a resident who cancels and registers again is told again.
 */
export function seatMessages(_config: Pick<Config, 'templates'>, event: EventFacts, reg: Reg, kind: 'confirmed' | 'promoted', now: Date): OutgoingMessage[] {
  const page = `${EVENT_PAGE}?id=${event.id}`;
  const base = `event:${event.id}:reg:${reg.id}`;
  const messages: OutgoingMessage[] = [
    {
      dedupeKey: `${base}:${kind}:${reg.updated_at}`,
      userId: reg.user_id,
      template: templateFor(kind === 'confirmed' ? 'event.confirmed' : 'event.promoted'),
      page,
      data: fields(event, kind === 'confirmed' ? '报名成功，请准时参加' : '候补成功，已为您保留名额'),
      notBefore: now,
    },
  ];
  return [...messages, ...reminderMessages(_config, event, reg, now)];
}

export function reminderMessages(_config: Pick<Config, 'templates'>, event: EventFacts, reg: Reg, now: Date): OutgoingMessage[] {
  const start = new Date(event.starts_at).getTime();
  const page = `${EVENT_PAGE}?id=${event.id}`;
  return (
    [
      // In time order: with one reminder credit the day-before one goes out and the
      // hour-before one finds none (未订阅); a resident who accepted twice gets both.
      ['day', start - DAY, '明天就要开始了'],
      ['hour', start - HOUR, '1小时后开始，请带好签到码'],
    ] as const
  )
    .filter(([, at]) => at > now.getTime())
    .map(([which, at, note]) => ({
      dedupeKey: `event:${event.id}:reg:${reg.id}:remind-${which}:${event.starts_at}:${reg.updated_at}`,
      userId: reg.user_id,
      template: templateFor(which === 'day' ? 'event.remindDay' : 'event.remindHour'),
      page,
      data: fields(event, note),
      notBefore: new Date(at),
    }));
}

export function cancellationMessages(_config: Pick<Config, 'templates'>, event: EventFacts, regs: Reg[], reason: string, now: Date): OutgoingMessage[] {
  return regs.map((reg) => ({
    dedupeKey: `event:${event.id}:cancelled:${reg.id}`,
    userId: reg.user_id,
    template: templateFor('event.cancelled'),
    page: `${EVENT_PAGE}?id=${event.id}`,
    data: fields(event, `活动已取消：${reason}`),
    notBefore: now,
  }));
}
