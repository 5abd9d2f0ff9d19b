import type { RoleGrant } from '../../types';
import { checkInRefusal, eventConsoleScopes, hasEnded, mayCancelRegistration, mayManageEvent, mayMoveEvent, mayReadEvent, mayRemoveRegistrant, mayWorkEvent } from './events.permissions';

const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00+08:00`);
const resident: RoleGrant[] = [];
const chaoyangAdmin: RoleGrant[] = [{ role: 'communityAdmin', scopeId: 'chaoyang' }];
const chaoyangGrid: RoleGrant[] = [{ role: 'gridWorker', scopeId: 'chaoyang' }];
const kangleAgent: RoleGrant[] = [{ role: 'agent', scopeId: 'kangle' }];
const district: RoleGrant[] = [{ role: 'districtAdmin', scopeId: 'shangjie' }];
const chaoyang = { id: 'chaoyang', level: 'community' };
const wholeDistrict = { id: 'shangjie', level: 'district' };

describe('who manages and who works an event', () => {
  it.each([
    ['the community admin', chaoyangAdmin, chaoyang, true, true],
    ['a grid worker of the community', chaoyangGrid, chaoyang, false, true],
    ['an agent of another community', kangleAgent, chaoyang, false, false],
    ['an agent of another community, district-wide event', kangleAgent, wholeDistrict, false, true],
    ['a community admin, district-wide event', chaoyangAdmin, wholeDistrict, false, true],
    ['a district admin', district, chaoyang, true, true],
    ['a resident', resident, chaoyang, false, false],
  ])('%s: manages %#', (_who, grants, place, manages, works) => {
    expect([mayManageEvent(grants, place), mayWorkEvent(grants, place)]).toEqual([manages, works]);
  });

  it('reads a draft only when managing it; anything else is public', () => {
    expect([
      mayReadEvent({ state: 'draft' }, null, chaoyang),
      mayReadEvent({ state: 'draft' }, { grants: chaoyangGrid }, chaoyang),
      mayReadEvent({ state: 'draft' }, { grants: chaoyangAdmin }, chaoyang),
      mayReadEvent({ state: 'published' }, null, chaoyang),
      mayReadEvent({ state: 'cancelled' }, null, chaoyang),
    ]).toEqual([false, false, true, true, true]);
    expect([eventConsoleScopes(chaoyangAdmin), eventConsoleScopes(district), eventConsoleScopes(chaoyangGrid)]).toEqual([['chaoyang'], 'all', []]);
  });
});

describe('which admin command starts from which state', () => {
  // move:       draft  published  cancelled  closed
  const TABLE = {
    publish: [true, true, false, false],
    edit: [true, true, false, false],
    cancel: [true, true, false, false],
    close: [false, true, false, true],
  } as const;
  it.each(Object.entries(TABLE))('%s', (move, row) => {
    expect(['draft', 'published', 'cancelled', 'closed'].map((s) => mayMoveEvent(move as keyof typeof TABLE, s))).toEqual(row);
  });
});

describe('time windows', () => {
  const event = { state: 'published', startsAt: at('09:00'), endsAt: at('11:00'), cancelCutoffAt: at('07:00') };

  it.each([
    ['confirmed, before the cut-off', 'confirmed', '06:59', true],
    ['confirmed, at the cut-off', 'confirmed', '07:00', false],
    ['waitlisted, after the cut-off', 'waitlisted', '08:00', false],
    ['already cancelled, after the cut-off (no change)', 'cancelled', '08:00', true],
  ])('stepping back %s: %s', (_case, status, time, allowed) => {
    expect(mayCancelRegistration({ status }, event, at(time))).toBe(allowed);
  });

  it.each([
    ['confirmed, 61 minutes before', 'confirmed', false, '07:59', 'published', 'CHECKIN_NOT_OPEN'],
    ['confirmed, an hour before', 'confirmed', false, '08:00', 'published', null],
    ['confirmed, during', 'confirmed', false, '10:00', 'published', null],
    ['confirmed, at the end', 'confirmed', false, '11:00', 'published', 'CHECKIN_CLOSED'],
    ['confirmed, event cancelled', 'confirmed', false, '10:00', 'cancelled', 'CHECKIN_CLOSED'],
    ['waitlisted', 'waitlisted', false, '10:00', 'published', 'CHECKIN_NOT_CONFIRMED'],
    ['checked in already', 'confirmed', true, '10:00', 'published', 'CHECKIN_ALREADY'],
  ])('check-in, %s: %s', (_case, status, checkedIn, time, state, refusal) => {
    expect(checkInRefusal({ status, checkedIn }, { ...event, state }, at(time))).toBe(refusal);
  });

  it('closing waits for the end; a registrant is removed only while published and before the start', () => {
    expect([hasEnded(event, at('10:59')), hasEnded(event, at('11:00'))]).toEqual([false, true]);
    expect([
      mayRemoveRegistrant({ state: 'published', startsAt: event.startsAt }, at('08:59')),
      mayRemoveRegistrant({ state: 'published', startsAt: event.startsAt }, at('09:00')),
      mayRemoveRegistrant({ state: 'cancelled', startsAt: event.startsAt }, at('08:00')),
    ]).toEqual([true, false, false]);
  });
});
