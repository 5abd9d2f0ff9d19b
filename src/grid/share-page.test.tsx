import { render, screen, waitFor } from '@testing-library/react';
import type { PreparedCard } from '../../types/grid-model';
import { installFakeWechat, type FakeWechat } from '../testing/fake-wechat';

jest.mock('@tarojs/taro', () => jest.requireActual('../testing/fake-wechat').taroWithFakePageHooks());
const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));
jest.mock('../hooks/use-session', () => ({ useSession: () => ({ status: 'signedIn', userId: 'grid-1' }) }));
jest.mock('../account/profile', () => ({
  useProfile: () => ({ status: 'ready', profile: { roles: [{ role: 'gridWorker', scopeId: 'chaoyang' }] }, error: null }),
  reloadProfile: () => Promise.resolve(),
}));

import SharePage from '../packages/staff/share/index';
import { armShareMenu } from './share';

const LIVE: PreparedCard = {
  title: '爱心义诊进社区｜剩余 105 个名额',
  path: '/packages/events/detail/index?id=demo-event-clinic&sharer=grid-1',
  timelineQuery: 'id=demo-event-clinic&sharer=grid-1',
  imageUrl: '/api/share-cards/event/demo-event-clinic.png',
  live: {
    activityId: 'act-7f3a',
    expiresAt: new Date('2026-03-23T08:00:00Z'),
    parameters: [
      { name: 'member_count', value: '45' },
      { name: 'room_limit', value: '150' },
    ],
  },
};

let wx: FakeWechat;
const taroEnv = process.env.TARO_ENV;
beforeEach(() => {
  mockCall.mockReset().mockImplementation((name: string) => (name === 'shares.prepareCard' ? Promise.resolve(LIVE) : Promise.reject(new Error(name))));
  wx = installFakeWechat();
  wx.params = { kind: 'event', id: 'demo-event-clinic' };
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  wx.restore();
  process.env.TARO_ENV = taroEnv;
});

describe('分享卡片 for an event with seats, in WeChat', () => {
  it('arms the next 转发 as a 动态消息 with the host’s activity id and count, asking for a shareTicket', async () => {
    render(<SharePage />);
    await waitFor(() => expect(wx.calls.some((c) => c.api === 'updateShareMenu')).toBe(true));
    expect(mockCall).toHaveBeenCalledWith('shares.prepareCard', { targetKind: 'event', targetId: 'demo-event-clinic' });
    expect(wx.calls.filter((c) => c.api === 'updateShareMenu').map((c) => c.args)).toEqual([
      {
        withShareTicket: true,
        isUpdatableMessage: true,
        activityId: 'act-7f3a',
        templateInfo: {
          parameterList: [
            { name: 'member_count', value: '45' },
            { name: 'room_limit', value: '150' },
          ],
        },
      },
    ]);
    expect(wx.refusals).toEqual([]);
    await screen.findByText('转发到群聊');
  });

  it('gives WeChat a 转发 with the sharer in a path from the root and the host’s 5:4 card as an absolute URL', async () => {
    render(<SharePage />);
    await screen.findByText('群里看到的卡片');
    const chat = wx.shareAppMessage('button');
    expect(chat).toEqual({
      title: '爱心义诊进社区｜剩余 105 个名额',
      path: '/packages/events/detail/index?id=demo-event-clinic&sharer=grid-1',
      imageUrl: 'http://127.0.0.1:3999/api/share-cards/event/demo-event-clinic.png',
    });
  });

  it('gives 朋友圈 the query alone (no path, no "?"), which opens this same page', async () => {
    render(<SharePage />);
    await screen.findByText('群里看到的卡片');
    const moments = wx.shareTimeline();
    expect(moments).toEqual({
      title: '爱心义诊进社区｜剩余 105 个名额',
      query: 'id=demo-event-clinic&sharer=grid-1',
      imageUrl: 'http://127.0.0.1:3999/api/share-cards/event/demo-event-clinic.png',
    });
    expect(moments).not.toHaveProperty('path');
  });
});

describe('a card without a live count (an article, an event without seats, or WeChat gave no id)', () => {
  it('asks only for the shareTicket: nothing WeChat would refuse as a half-made 动态消息', async () => {
    await armShareMenu({ ...LIVE, live: null });
    expect(wx.calls.map((c) => c.args)).toEqual([{ withShareTicket: true }]);
    expect(wx.refusals).toEqual([]);
  });
});

describe('the WeChat double refuses as WeChat does', () => {
  it('refuses an updatable message without its id, with a count as a number, or without room_limit', async () => {
    const Taro = jest.requireActual<{ updateShareMenu(o: unknown): Promise<unknown> }>('@tarojs/taro');
    await expect(Taro.updateShareMenu({ withShareTicket: true, isUpdatableMessage: true })).rejects.toEqual({ errMsg: expect.stringContaining('activityId') });
    await expect(
      Taro.updateShareMenu({ isUpdatableMessage: true, activityId: 'a', templateInfo: { parameterList: [{ name: 'member_count', value: 45 }] } }),
    ).rejects.toEqual({ errMsg: 'updateShareMenu:fail parameter error: parameter.templateInfo.parameterList[0].value should be String instead of Number;' });
    await expect(
      Taro.updateShareMenu({ isUpdatableMessage: true, activityId: 'a', templateInfo: { parameterList: [{ name: 'member_count', value: '45' }] } }),
    ).rejects.toEqual({ errMsg: expect.stringContaining('room_limit') });
    await expect(Taro.updateShareMenu({ withShareTicket: 'yes' })).rejects.toEqual({
      errMsg: 'updateShareMenu:fail parameter error: parameter.withShareTicket should be Boolean instead of String;',
    });
    expect(wx.refusals).toHaveLength(4);
  });
});
