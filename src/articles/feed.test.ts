import type { ArticleSummary } from '../../types/articles-model';
import type { Profile } from '../../types/users';

const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));

import { LATEST_ON_HOME, PINNED_ON_HOME, feedScope, fetchArticlesPage, loadHomeFeed } from './feed';

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

  it('asks for the pinned items, and for the latest of the same community without the pinned ones', async () => {
    mockCall.mockImplementation(async (_name: string, input: { pinnedOnly?: boolean }) =>
      input.pinnedOnly
        ? { items: [item('notice', true)], nextCursor: null }
        : { items: ['a', 'b', 'c', 'd', 'e'].map((id) => item(id)), nextCursor: 'more' },
    );
    const feed = await loadHomeFeed('chaoyang');
    expect(mockCall).toHaveBeenCalledTimes(2);
    expect(mockCall).toHaveBeenCalledWith('articles.list', { communityId: 'chaoyang', pinnedOnly: true, limit: PINNED_ON_HOME });
    // Not a page of 20 to filter here: the host leaves the pinned out and 5 are enough.
    expect(mockCall).toHaveBeenCalledWith('articles.list', { communityId: 'chaoyang', excludePinned: true, limit: LATEST_ON_HOME });
    expect(feed.pinned.map((a) => a.id)).toEqual(['notice']);
    expect(feed.latest.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("asks for everyone's items when there is no community", async () => {
    mockCall.mockResolvedValue({ items: [], nextCursor: null });
    const feed = await loadHomeFeed(undefined);
    expect(mockCall).toHaveBeenCalledWith('articles.list', expect.objectContaining({ communityId: undefined, excludePinned: true }));
    expect(feed).toEqual({ pinned: [], latest: [] });
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
