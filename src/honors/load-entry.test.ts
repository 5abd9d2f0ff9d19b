import type { HonorEntry } from '../../types/honors-model';
import { AppError } from '../../types/errors';
import { entryLoader, withLike } from './load-entry';

const entry = { id: 'demo-honor-husband', likes: 4, likedByMe: false } as HonorEntry;

describe('loading a profile opened from a share card', () => {
  it('passes the sharer on the first load only, so one opening counts one visit', async () => {
    const get = jest.fn().mockResolvedValue(entry);
    const load = entryLoader('demo-honor-husband', 'grid-user', get);
    await load();
    await load();
    expect(get.mock.calls).toEqual([[{ id: 'demo-honor-husband', sharer: 'grid-user', device: expect.stringMatching(/^[0-9a-z]{24}$/) }], [{ id: 'demo-honor-husband' }]]);
  });

  it('keeps the sharer for the retry after a failed first load', async () => {
    const get = jest.fn().mockRejectedValueOnce(new AppError('INTERNAL')).mockResolvedValue(entry);
    const load = entryLoader('demo-honor-husband', 'grid-user', get);
    await expect(load()).rejects.toThrow();
    await load();
    expect(get).toHaveBeenLastCalledWith({ id: 'demo-honor-husband', sharer: 'grid-user', device: expect.any(String) });
  });

  it('sends no sharer when the page was not opened from a card', async () => {
    const get = jest.fn().mockResolvedValue(entry);
    await entryLoader('demo-honor-husband', '', get)();
    expect(get).toHaveBeenCalledWith({ id: 'demo-honor-husband' });
  });
});

describe('after a like', () => {
  it('shows the host’s count and 已点赞 without a reload', () => {
    expect(withLike(entry, { likes: 6, likedByMe: true })).toMatchObject({ likes: 6, likedByMe: true });
    expect(withLike(entry, null)).toBe(entry);
  });
});
