import { EVENT_STATUS_TEXT, eventStatus, type EventTiming } from './events';

const at = (s: string) => new Date(`2026-03-22T${s}:00+08:00`);
const base: EventTiming = {
  state: 'published',
  requiresSignup: true,
  startsAt: at('09:00'),
  endsAt: at('11:00'),
  signupOpensAt: at('00:00'),
  signupClosesAt: at('08:00'),
  capacity: 2,
  confirmedCount: 0,
};
const text = (e: Partial<EventTiming>, now: string) => EVENT_STATUS_TEXT[eventStatus({ ...base, ...e }, at(now))];

describe('event status text, computed in one place', () => {
  it.each([
    ['报名中', {}, '07:00'],
    ['已满·可候补', { confirmedCount: 2 }, '07:00'],
    ['报名中', { capacity: 0, confirmedCount: 500 }, '07:00'],
    ['报名截止', {}, '08:30'],
    ['即将开放报名', { signupOpensAt: at('06:00') }, '05:00'],
    ['无需报名', { requiresSignup: false }, '07:00'],
    ['进行中', {}, '09:30'],
    ['已结束', {}, '11:00'],
    ['已结束', { state: 'closed' as const }, '07:00'],
    ['已取消', { state: 'cancelled' as const }, '07:00'],
  ])('%s', (expected, event, now) => {
    expect(text(event, now)).toBe(expected);
  });
});
