import type { Booking } from '../../types/bookings-model';
import { headline, staffActions, stepsAhead } from './progress';

const start = new Date('2026-03-06T02:00:00Z');
const at = (minutesAfterStart: number) => new Date(start.getTime() + minutesAfterStart * 60_000);

type Shape = Pick<Booking, 'kind' | 'status' | 'step' | 'start'>;
const hall = (over: Partial<Shape>): Shape => ({ kind: 'hall', status: 'approved', step: 'booked', start, ...over });
const room = (over: Partial<Shape>): Shape => ({ kind: 'room', status: 'approved', step: null, start, ...over });

describe('the steps ahead of a hall matter', () => {
  it('runs 已到场 → 受理中 → 已办结 from a fresh booking', () => {
    expect(stepsAhead(hall({})).map((s) => s.text)).toEqual(['已到场', '受理中', '已办结']);
  });

  it('goes back through 受理中 when materials are missing', () => {
    expect(stepsAhead(hall({ status: 'checked_in', step: 'needs_material' })).map((s) => s.text)).toEqual(['受理中', '已办结']);
  });

  it('has nothing ahead once done, cancelled, or for a room', () => {
    expect(stepsAhead(hall({ status: 'checked_in', step: 'done' }))).toEqual([]);
    expect(stepsAhead(hall({ status: 'cancelled' }))).toEqual([]);
    expect(stepsAhead(room({}))).toEqual([]);
  });
});

describe('what the front desk may do', () => {
  it('offers 到场 for a booking that is due, and 未到 only 15 minutes after its start', () => {
    expect(staffActions(room({}), at(14))).toMatchObject({ checkIn: true, noShow: false, noShowFrom: at(15) });
    expect(staffActions(room({}), at(15))).toMatchObject({ checkIn: true, noShow: true, noShowFrom: null });
  });

  it('offers nothing for a booking awaiting approval or already ended', () => {
    for (const status of ['pending', 'cancelled', 'no_show', 'rejected'] as const) {
      expect(staffActions(room({ status }), at(30))).toEqual({ checkIn: false, noShow: false, noShowFrom: null, steps: [] });
    }
  });

  it('after arrival at the hall, offers the next steps of HALL_STEPS and no second arrival', () => {
    const arrived = staffActions(hall({ status: 'checked_in', step: 'arrived' }), at(5));
    expect(arrived).toMatchObject({ checkIn: false, noShow: false });
    expect(arrived.steps.map((s) => s.text)).toEqual(['受理中']);
    expect(staffActions(hall({ status: 'checked_in', step: 'processing' }), at(5)).steps.map((s) => s.step)).toEqual(['done', 'needs_material']);
    expect(staffActions(hall({ status: 'checked_in', step: 'done' }), at(5)).steps).toEqual([]);
  });
});

describe('the headline of a booking', () => {
  it("is a live hall matter's step, and otherwise the status", () => {
    const base = { statusText: '已预约', stepText: '受理中' };
    expect(headline({ ...base, kind: 'hall', status: 'checked_in' })).toBe('受理中');
    expect(headline({ ...base, kind: 'hall', status: 'cancelled', statusText: '已取消' })).toBe('已取消');
    expect(headline({ ...base, kind: 'room', status: 'approved', stepText: null })).toBe('已预约');
  });
});
