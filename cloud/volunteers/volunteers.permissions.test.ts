import { mayChangeVolunteering, mayCorrectHours, mayScanVolunteer, placesEditable, scanWindow } from './volunteers.permissions';

const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00+08:00`);
const event = { startsAt: at('09:00'), endsAt: at('11:00') };

describe('volunteering: from which state, until when', () => {
  it.each([
    ['draft', true],
    ['published', true],
    ['cancelled', false],
    ['closed', false],
  ])('places of a %s event can be changed: %s', (state, editable) => {
    expect(placesEditable({ state })).toBe(editable);
  });

  it.each([
    ['a confirmed volunteer, event on', 'published', 'confirmed', 'ok'],
    ['a confirmed volunteer, event cancelled', 'cancelled', 'confirmed', 'cancelled'],
    ['one who stepped back', 'published', 'cancelled', 'unknown'],
  ])('scanning %s: %s', (_case, state, status, verdict) => {
    expect(mayScanVolunteer({ state }, { status })).toBe(verdict);
  });

  it.each([
    ['06:59', 'early'],
    ['07:00', 'open'],
    ['13:00', 'open'],
    ['13:01', 'late'],
  ])('a scan at %s is %s (two hours either side)', (time, window) => {
    expect(scanWindow(event, at(time))).toBe(window);
  });

  it.each([
    ['published, before the start, not checked in', 'published', '08:59', null, true],
    ['published, at the start', 'published', '09:00', null, false],
    ['checked in already', 'published', '08:00', at('07:30'), false],
    ['cancelled', 'cancelled', '08:00', null, false],
  ])('signing up or stepping back, %s: %s', (_case, state, time, checkedInAt, allowed) => {
    expect(mayChangeVolunteering({ state, startsAt: event.startsAt }, { checkedInAt }, at(time))).toBe(allowed);
  });

  it('hours are corrected only for a volunteer still signed up', () => {
    expect([mayCorrectHours({ status: 'confirmed' }), mayCorrectHours({ status: 'cancelled' })]).toEqual([true, false]);
  });
});
