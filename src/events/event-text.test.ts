import type { EventDetail, MyRegistration } from '../../types/events-model';
import { ERRORS } from '../../types/errors';
import {
  codeGroups,
  normalizeCode,
  registrantStatusText,
  seatsText,
  signupAction,
} from './event-text';

const seats = { requiresSignup: true, capacity: 150, seatsLeft: 148, waitlistLength: 0, status: 'open' as const };

describe('the seats line of a card', () => {
  it('counts what is left out of how many', () => {
    expect(seatsText(seats)).toBe('剩余148个名额（共150个）');
  });

  it('says how many wait once it is full', () => {
    expect(seatsText({ ...seats, seatsLeft: 0, waitlistLength: 3, status: 'full' })).toBe('名额已满，3人在候补');
    expect(seatsText({ ...seats, seatsLeft: 0, status: 'full' })).toBe('名额已满，可以排队候补');
    // Where the waitlist has its own line, the seats line does not repeat it.
    expect(seatsText({ ...seats, seatsLeft: 0, waitlistLength: 3, status: 'full' }, { waitlistApart: true })).toBe('名额已满（共150个）');
  });

  it('says there is no limit, or no sign-up at all', () => {
    expect(seatsText({ ...seats, capacity: 0, seatsLeft: null })).toBe('名额不限');
    expect(seatsText({ ...seats, requiresSignup: false, seatsLeft: null, status: 'noSignup' })).toBe('无需报名，到时直接到场');
  });

  it('gives only the size of an event that is over, and no invitation to come', () => {
    expect(seatsText({ ...seats, seatsLeft: 0, status: 'ended' })).toBe('共150个名额');
    expect(seatsText({ ...seats, requiresSignup: false, seatsLeft: null, status: 'ended' })).toBe('无需报名');
  });
});

function detail(over: Partial<EventDetail>): Pick<EventDetail, 'status' | 'mine' | 'signupOpensAt' | 'cancelCutoffAt' | 'cancelReason'> {
  return {
    status: 'open',
    mine: null,
    signupOpensAt: new Date('2026-03-20T01:00:00Z'),
    cancelCutoffAt: new Date('2026-03-22T00:30:00Z'),
    cancelReason: null,
    ...over,
  };
}

function mine(over: Partial<MyRegistration>): MyRegistration {
  return {
    id: 'r1',
    status: 'confirmed',
    statusText: '已报名',
    waitlistPosition: null,
    checkinCode: 'AB3D7KMN',
    checkedInAt: null,
    canCancel: true,
    ...over,
  };
}

describe('what the detail page offers', () => {
  it('offers 报名 while open and 候补 when full, to a signed-in resident', () => {
    expect(signupAction(detail({}), true)).toEqual({ kind: 'register' });
    expect(signupAction(detail({ status: 'full' }), true)).toEqual({ kind: 'waitlist' });
  });

  it('asks a visitor to sign in first', () => {
    expect(signupAction(detail({ status: 'full' }), false)).toEqual({ kind: 'signIn', waitlist: true });
  });

  it('offers to cancel a seat or a place in line until the cut-off', () => {
    expect(signupAction(detail({ status: 'full', mine: mine({}) }), true)).toEqual({ kind: 'cancel', waitlisted: false });
    expect(signupAction(detail({ status: 'full', mine: mine({ status: 'waitlisted' }) }), true)).toEqual({ kind: 'cancel', waitlisted: true });
  });

  it('after the cut-off, says until when it could be cancelled (Shanghai time)', () => {
    const action = signupAction(detail({ status: 'signupClosed', mine: mine({ canCancel: false }) }), true);
    expect(action).toEqual({ kind: 'none', note: '已过取消截止时间（3月22日 08:30），如不能参加请联系社区' });
  });

  it('lets a resident who cancelled sign up again', () => {
    expect(signupAction(detail({ mine: mine({ status: 'cancelled', canCancel: false }) }), true)).toEqual({ kind: 'register' });
  });

  it('tells a removed resident why there is no button', () => {
    expect(signupAction(detail({ mine: mine({ status: 'removed', canCancel: false }) }), true)).toEqual({
      kind: 'none',
      note: ERRORS.EVENT_REGISTRATION_REMOVED.message,
    });
  });

  it('says when sign-up opens, and why a cancelled event takes none', () => {
    expect(signupAction(detail({ status: 'upcoming' }), true)).toEqual({ kind: 'none', note: '报名将于3月20日 09:00开始，请到时再来' });
    expect(signupAction(detail({ status: 'cancelled', cancelReason: '天气原因' }), true)).toEqual({ kind: 'none', note: '活动已取消：天气原因' });
  });
});

describe('the check-in code', () => {
  it('is read aloud in two groups of four', () => {
    expect(codeGroups('AB3D7KMN')).toEqual(['AB3D', '7KMN']);
  });

  it('is taken as staff type it: lower case, with spaces or a dash', () => {
    expect(normalizeCode('ab3d 7kmn')).toBe('AB3D7KMN');
    expect(normalizeCode('AB3D-7KMN')).toBe('AB3D7KMN');
  });

  it('shows on the staff list whether the resident has arrived', () => {
    expect(registrantStatusText({ status: 'confirmed', waitlistPosition: null, checkedInAt: new Date('2026-03-22T01:12:00Z') })).toBe('已签到 09:12');
    expect(registrantStatusText({ status: 'confirmed', waitlistPosition: null, checkedInAt: null })).toBe('已报名 · 未签到');
    expect(registrantStatusText({ status: 'waitlisted', waitlistPosition: 2, checkedInAt: null })).toBe('候补第2位');
  });
});
