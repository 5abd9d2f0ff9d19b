import { deviceId, shareVisit, STORAGE_KEYS } from './storage';

afterEach(() => localStorage.clear());

describe("this phone's id for share-card visits", () => {
  it('is made once and kept, so every card opened on this phone names the same device', () => {
    const first = deviceId();
    expect(first).toMatch(/^[0-9a-z]{24}$/);
    expect(deviceId()).toBe(first);
    expect(shareVisit('grid-user')).toEqual({ sharer: 'grid-user', device: first });
  });

  it('differs between two phones (two storages)', () => {
    const one = deviceId();
    localStorage.clear();
    expect(deviceId()).not.toBe(one);
  });

  it('replaces a kept value that is not one of ours', () => {
    localStorage.setItem(STORAGE_KEYS.deviceId, JSON.stringify({ data: '<b>x</b>' }));
    expect(deviceId()).toMatch(/^[0-9a-z]{24}$/);
  });
});
