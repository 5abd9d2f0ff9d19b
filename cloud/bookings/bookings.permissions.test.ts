import type { RoleGrant } from '../../types';
import { narrowScope } from '../core/scope';
import { bookingAdminCommunities, bookingDeskCommunities, mayMarkNoShow, mayReachBooking, residentChangeRefusal, residentMayChange, suspendsAfterNoShows } from './bookings.permissions';

const start = '2026-06-01T09:00:00+08:00';
const at = (iso: string) => new Date(iso);
const booking = { user_id: 'resident', community_id: 'chaoyang', status: 'approved', step: null, slot_start: start };
const grid: RoleGrant[] = [{ role: 'gridWorker', scopeId: 'chaoyang' }];
const admin: RoleGrant[] = [{ role: 'communityAdmin', scopeId: 'chaoyang' }];

describe('who may cancel or move a booking, and until when', () => {
  // Cut-off 120 minutes: the last moment to cancel is 06:59:59.
  it.each([
    ['its owner, before the cut-off', 'resident', {}, '2026-06-01T06:59:00+08:00', null],
    ['its owner, at the cut-off', 'resident', {}, '2026-06-01T07:00:00+08:00', 'BOOKING_CANCEL_CUTOFF'],
    ['someone else', 'neighbour', {}, '2026-06-01T06:00:00+08:00', 'NOT_FOUND'],
    ['its owner, still pending', 'resident', { status: 'pending' }, '2026-06-01T06:00:00+08:00', null],
    ['its owner, already arrived', 'resident', { status: 'checked_in' }, '2026-06-01T06:00:00+08:00', 'BOOKING_NOT_ALLOWED_NOW'],
    ['its owner, already cancelled', 'resident', { status: 'cancelled' }, '2026-06-01T06:00:00+08:00', 'BOOKING_NOT_ALLOWED_NOW'],
    ['its owner, a hall matter not started', 'resident', { step: 'booked' }, '2026-06-01T06:00:00+08:00', null],
    ['its owner, a hall matter under way', 'resident', { step: 'processing' }, '2026-06-01T06:00:00+08:00', 'BOOKING_NOT_ALLOWED_NOW'],
  ])('%s: %s', (_case, viewer, over, now, refusal) => {
    expect(residentChangeRefusal('cancel', { id: viewer }, { ...booking, ...over }, 120, at(now))?.kind ?? null).toBe(refusal);
    // The buttons a list shows (residentMayChange) follow the same rule, both ways.
    for (const action of ['cancel', 'reschedule'] as const) {
      expect(residentMayChange(action, { id: viewer }, { ...booking, ...over }, 120, at(now))).toBe(residentChangeRefusal(action, { id: viewer }, { ...booking, ...over }, 120, at(now)) === null);
    }
    expect(residentMayChange('cancel', { id: viewer }, { ...booking, ...over }, 120, at(now))).toBe(refusal === null);
  });
});

describe('who reaches a booking, as whom', () => {
  it.each([
    ['the owner as owner', { id: 'resident', grants: [] }, 'owner', true],
    ['a neighbour as owner', { id: 'neighbour', grants: [] }, 'owner', false],
    ['a grid worker as staff', { id: 'g', grants: grid }, 'staff', true],
    ['a grid worker as admin', { id: 'g', grants: grid }, 'admin', false],
    ['the community admin as admin', { id: 'a', grants: admin }, 'admin', true],
    ['another community’s admin as staff', { id: 'k', grants: [{ role: 'communityAdmin', scopeId: 'kangle' }] }, 'staff', false],
  ] as const)('%s: %s', (_case, viewer, who, allowed) => {
    expect(mayReachBooking({ id: viewer.id, grants: [...viewer.grants] as RoleGrant[] }, booking, who)).toBe(allowed);
  });

  it('lists cover the desk’s or the admin’s communities, narrowed to one of theirs on request', () => {
    expect([bookingDeskCommunities(grid), bookingAdminCommunities(grid), bookingAdminCommunities(admin)]).toEqual([['chaoyang'], [], ['chaoyang']]);
    expect([narrowScope(['chaoyang'], undefined), narrowScope(['chaoyang'], 'chaoyang'), narrowScope(['chaoyang'], 'kangle'), narrowScope('all', 'kangle')]).toEqual([['chaoyang'], ['chaoyang'], null, ['kangle']]);
  });
});

describe('no-shows', () => {
  it('are marked from 15 minutes after the start', () => {
    expect([mayMarkNoShow(booking, at('2026-06-01T09:14:00+08:00')), mayMarkNoShow(booking, at('2026-06-01T09:15:00+08:00'))]).toEqual([false, true]);
  });

  it.each([
    ['room', 2, false],
    ['room', 3, true],
    ['hall', 5, false],
  ])('%s with %i no-shows in 30 days suspends: %s', (kind, count, suspends) => {
    expect(suspendsAfterNoShows(kind, count)).toBe(suspends);
  });
});
