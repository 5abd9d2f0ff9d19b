import { render } from '@testing-library/react';
import { installFakeWechat, type FakeWechat } from '../testing/fake-wechat';
import { useShareCards } from './share-cards';

jest.mock('@tarojs/taro', () => jest.requireActual('../testing/fake-wechat').taroWithFakePageHooks());
jest.mock('../cloud/client', () => ({ call: () => Promise.reject(new Error('no call expected')) }));
jest.mock('../hooks/use-session', () => ({ useSession: () => ({ status: 'signedIn', userId: 'grid-1' }) }));
jest.mock('../cloud/session', () => ({ getSession: () => ({ status: 'signedIn', userId: 'grid-1' }) }));

const path = (sharer: string | null) => `/packages/articles/detail/index?id=demo-water${sharer ? `&sharer=${sharer}` : ''}`;

function SharedArticle() {
  useShareCards('article', 'demo-water', undefined, { title: () => '节水爱水 你我同行', timelineTitle: () => '节水倡议', path });
  return null;
}

let wx: FakeWechat;
beforeEach(() => {
  wx = installFakeWechat();
});
afterEach(() => wx.restore());

describe('a shared page’s cards (useShareCards)', () => {
  it('gives 转发 the title, the path with whoever is signed in as the sharer, and the host’s card image', () => {
    render(<SharedArticle />);
    expect(wx.shareAppMessage('menu')).toEqual({
      title: '节水爱水 你我同行',
      path: '/packages/articles/detail/index?id=demo-water&sharer=grid-1',
      imageUrl: 'http://127.0.0.1:3999/api/share-cards/article/demo-water.png',
    });
  });

  it('gives 朋友圈 its own title and the same page as a query alone', () => {
    render(<SharedArticle />);
    expect(wx.shareTimeline()).toEqual({ title: '节水倡议', query: 'id=demo-water&sharer=grid-1' });
  });
});
