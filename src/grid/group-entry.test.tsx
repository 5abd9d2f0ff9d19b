import { renderHook, waitFor } from '@testing-library/react';
import { installFakeWechat, type FakeWechat } from '../testing/fake-wechat';

const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));
jest.mock('../hooks/use-session', () => ({ useSession: () => ({ status: 'signedIn', userId: 'resident-1' }) }));

import { useGroupEntry } from './group-entry';

let wx: FakeWechat;
const taroEnv = process.env.TARO_ENV;
beforeEach(() => {
  mockCall.mockReset().mockResolvedValue({ counted: true });
  wx = installFakeWechat();
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  wx.restore();
  process.env.TARO_ENV = taroEnv;
});

/** Lets the hook's async work (login, group data, the call) run to its end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a resident opens a grid worker’s card from a group chat (scene 1008)', () => {
  it('logs in first for a fresh code, then reads the group data by callback, and sends both to the host once', async () => {
    wx.scene = 1008;
    wx.group = { encryptedData: 'b64-group-data', iv: 'b64-iv' };
    const { rerender } = renderHook(() => useGroupEntry('event', 'demo-event-clinic', 'grid-1'));
    await waitFor(() => expect(mockCall).toHaveBeenCalled());
    rerender();
    await settle();
    expect(wx.calls.map((c) => c.api)).toEqual(['getEnterOptionsSync', 'login', 'getGroupEnterInfo']);
    // getGroupEnterInfo has no promise form: it must be given callbacks.
    expect(wx.calls[2]!.args).toEqual({ success: expect.any(Function), fail: expect.any(Function) });
    expect(mockCall.mock.calls).toEqual([
      ['shares.enterGroup', { targetKind: 'event', targetId: 'demo-event-clinic', sharer: 'grid-1', code: wx.codes[0], encryptedData: 'b64-group-data', iv: 'b64-iv' }],
    ]);
    expect(wx.refusals).toEqual([]);
  });

  it('sends nothing, and shows nothing wrong, when the resident has left the group (65206)', async () => {
    wx.scene = 1008;
    wx.leftGroup = true;
    renderHook(() => useGroupEntry('honor', 'h1', 'grid-1'));
    await waitFor(() => expect(wx.refusals).toHaveLength(1));
    await settle();
    expect(wx.refusals[0]!.errMsg).toContain('not in group');
    expect(mockCall).not.toHaveBeenCalled();
  });
});

describe('opened anywhere else', () => {
  it.each([
    [1007, 'a one-to-one chat'],
    [1154, 'Moments (朋友圈)'],
    [1047, 'a poster’s mini-program code'],
  ])('scene %i (%s): no login, no group data (WeChat would answer 40097), no call', async (scene) => {
    wx.scene = scene;
    renderHook(() => useGroupEntry('event', 'e1', 'grid-1'));
    await settle();
    expect(wx.calls.map((c) => c.api)).toEqual(['getEnterOptionsSync']);
    expect(mockCall).not.toHaveBeenCalled();
  });

  it('a card without a sharer, or the H5 preview, asks WeChat nothing', async () => {
    wx.scene = 1008;
    renderHook(() => useGroupEntry('event', 'e1', undefined));
    process.env.TARO_ENV = 'h5';
    renderHook(() => useGroupEntry('event', 'e1', 'grid-1'));
    await settle();
    expect(wx.calls).toEqual([]);
    expect(mockCall).not.toHaveBeenCalled();
  });
});

describe('the WeChat double refuses as WeChat does', () => {
  it('getGroupEnterInfo called promise-style answers nothing; outside a group it fails with 40097', async () => {
    const Taro = jest.requireActual<Record<string, (o?: unknown) => unknown>>('@tarojs/taro');
    expect(Taro.getGroupEnterInfo!()).toBeUndefined();
    const fail = jest.fn();
    wx.scene = 1001;
    Taro.getGroupEnterInfo!({ success: jest.fn(), fail });
    expect(fail).toHaveBeenCalledWith({ errMsg: 'getGroupEnterInfo:fail scene error', errCode: 40097 });
  });
});
