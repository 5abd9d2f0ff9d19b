import type { ArticleSummary } from '../../types/articles';
import type { Profile } from '../../types/users';

const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));

import { feedScope, fetchArticlesPage, latestWithoutPinned, loadHomeFeed } from './feed';

function item(id: string, pinned = false): ArticleSummary {
  return {
    id,
    title: id,
    summary: '',
    coverUrl: null,
    category: '社区动态',
    scopeId: 'chaoyang',
    scopeName: '朝阳社区',
    scopeLevel: 'community',
    pinned,
    status: 'published',
    publishAt: new Date('2026-03-22T01:00:00Z'),
    pledgeCount: null,
  };
}

const profile = { homeCommunityId: 'chaoyang', homeCommunityName: '朝阳社区' } as Profile;

describe('whose feed 首页 shows', () => {
  it("a resident's home community", () => {
    expect(feedScope('signedIn', { status: 'ready', profile })).toEqual({ status: 'ready', communityId: 'chaoyang', communityName: '朝阳社区' });
  });

  it('everything to a visitor, and to a resident who has not chosen a community', () => {
    expect(feedScope('signedOut', { status: 'idle', profile: null })).toMatchObject({ status: 'ready', communityId: undefined });
    const noHome = { ...profile, homeCommunityId: null, homeCommunityName: null } as Profile;
    expect(feedScope('signedIn', { status: 'ready', profile: noHome })).toMatchObject({ status: 'ready', communityId: undefined });
  });

  it('waits while it is not known who is reading, instead of loading everything first', () => {
    expect(feedScope('restoring', { status: 'idle', profile: null })).toEqual({ status: 'pending' });
    expect(feedScope('signedIn', { status: 'loading', profile: null })).toEqual({ status: 'pending' });
  });

  it('keeps the community through a silent re-login, and shows everything when the profile cannot load', () => {
    expect(feedScope('signingIn', { status: 'ready', profile })).toMatchObject({ communityId: 'chaoyang' });
    expect(feedScope('signedIn', { status: 'error', profile: null })).toMatchObject({ status: 'ready', communityId: undefined });
  });
});

describe('the home feed', () => {
  beforeEach(() => mockCall.mockReset());

  it('asks for the pinned items and the latest of the same community, leaving the pinned out of the latest', async () => {
    mockCall.mockImplementation(async (_name: string, input: { pinnedOnly?: boolean }) =>
      input.pinnedOnly
        ? { items: [item('notice', true)], nextCursor: null }
        : { items: [item('notice', true), ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => item(id))], nextCursor: 'more' },
    );
    const feed = await loadHomeFeed('chaoyang');
    expect(mockCall).toHaveBeenCalledWith('articles.list', expect.objectContaining({ communityId: 'chaoyang', pinnedOnly: true }));
    expect(mockCall).toHaveBeenCalledWith('articles.list', expect.objectContaining({ communityId: 'chaoyang', limit: 20 }));
    expect(feed.pinned.map((a) => a.id)).toEqual(['notice']);
    expect(feed.latest.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('latestWithoutPinned keeps the order it was given', () => {
    expect(latestWithoutPinned([item('p', true), item('x'), item('q', true), item('y')], 5).map((a) => a.id)).toEqual(['x', 'y']);
  });
});

describe('a page of the list', () => {
  beforeEach(() => mockCall.mockReset());

  it('passes the filter and the cursor, and hands back the next cursor', async () => {
    mockCall.mockResolvedValue({ items: [item('a')], nextCursor: 'c2' });
    const page = await fetchArticlesPage({ category: '倡议' }, 'c1');
    expect(mockCall).toHaveBeenCalledWith('articles.list', { category: '倡议', cursor: 'c1', limit: 20 });
    expect(page).toEqual({ items: [item('a')], next: 'c2' });
  });

  it('sends no empty filter on the first page', async () => {
    mockCall.mockResolvedValue({ items: [], nextCursor: null });
    const page = await fetchArticlesPage({}, null);
    expect(mockCall).toHaveBeenCalledWith('articles.list', { limit: 20 });
    expect(page.next).toBeNull();
  });
});
