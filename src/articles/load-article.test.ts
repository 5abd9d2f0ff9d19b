import { AppError } from '../../types/errors';

const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));

import { articleLoader } from './load-article';

describe('loading an article opened from a share card', () => {
  beforeEach(() => mockCall.mockReset());

  it('passes the sharer once, not again on a reload (the host would count another visit)', async () => {
    mockCall.mockResolvedValue({ id: 'demo-dongfang-water' });
    const load = articleLoader('demo-dongfang-water', 'u42');
    await load();
    await load();
    expect(mockCall.mock.calls).toEqual([
      ['articles.get', { id: 'demo-dongfang-water', sharer: 'u42', device: expect.stringMatching(/^[0-9a-z]{24}$/) }],
      ['articles.get', { id: 'demo-dongfang-water' }],
    ]);
  });

  it('keeps the sharer for the retry when the first load failed', async () => {
    mockCall.mockRejectedValueOnce(new AppError('INTERNAL')).mockResolvedValue({ id: 'a' });
    const load = articleLoader('a', 'u42');
    await expect(load()).rejects.toBeInstanceOf(AppError);
    await load();
    expect(mockCall).toHaveBeenLastCalledWith('articles.get', { id: 'a', sharer: 'u42', device: expect.any(String) });
  });

  it('sends no sharer for an article opened from a list', async () => {
    mockCall.mockResolvedValue({ id: 'a' });
    await articleLoader('a', undefined)();
    expect(mockCall).toHaveBeenCalledWith('articles.get', { id: 'a' });
  });
});
