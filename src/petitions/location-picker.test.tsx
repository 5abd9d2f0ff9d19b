import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

jest.mock('../cloud/client', () => ({ call: jest.fn(() => new Promise(() => undefined)) }));

import { LocationPicker, locationFailure, type Location } from './components/petition-form';

/**
 * The petition form's place on weapp, where WeChat's map picker can fail: WeChat's real
 * errMsg forms stand in for a resident who refuses location or the privacy consent.
 */
const taro = Taro as unknown as Record<string, unknown>;
const saved = { chooseLocation: taro.chooseLocation, openSetting: taro.openSetting, getPrivacySetting: taro.getPrivacySetting };

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  // Consent already given: the map button calls chooseLocation straight away.
  taro.getPrivacySetting = ({ success }: { success: (r: { needAuthorization: boolean }) => void }) => success({ needAuthorization: false });
});
afterEach(() => {
  Object.assign(taro, saved);
  delete process.env.TARO_ENV;
});

function renderPicker() {
  const changes: Array<Location | null> = [];
  const view = render(<LocationPicker value={null} onChange={(l) => changes.push(l)} />);
  const button = (text: string) => [...view.container.querySelectorAll('.nut-button')].find((b) => b.textContent === text);
  return { ...view, changes, button };
}

async function tapMapWith(errMsg: string) {
  taro.chooseLocation = jest.fn().mockRejectedValue({ errMsg });
  const picker = renderPicker();
  expect(picker.container.querySelector('[aria-label="地点"]')).toBeNull();
  await act(async () => {
    fireEvent.click(picker.button('在地图上选择地点')!);
  });
  return picker;
}

describe('when the resident refuses location for 邻里通', () => {
  it.each(['chooseLocation:fail auth deny', 'chooseLocation:fail:auth denied', 'chooseLocation:fail authorize no response'])(
    '%s: says why the map did not open, opens the box to type the place, and offers 设置',
    async (errMsg) => {
      const picker = await tapMapWith(errMsg);
      expect(screen.getByRole('alert').textContent).toBe('您没有允许“邻里通”使用位置信息，所以打不开地图。没关系，请在下面直接写出地点；想用地图，可以点“打开位置权限”。');
      // Taro's web component draws its <input> once it is attached.
      const input = await waitFor(() => picker.container.querySelector('input') ?? Promise.reject(new Error('no input yet')));
      fireEvent.input(input, { target: { value: '幸福路与建设路路口' } });
      expect(picker.changes.at(-1)).toEqual({ latitude: null, longitude: null, address: '幸福路与建设路路口' });

      // 设置 turns 位置信息 back on: the message goes, the map can be tried again.
      taro.openSetting = jest.fn().mockResolvedValue({ errMsg: 'openSetting:ok', authSetting: { 'scope.userLocation': true } });
      await act(async () => {
        fireEvent.click(picker.button('打开位置权限')!);
      });
      expect(taro.openSetting).toHaveBeenCalledTimes(1);
      expect(screen.queryByRole('alert')).toBeNull();
    },
  );
});

describe('when the resident has not agreed to the privacy guide', () => {
  it.each(['chooseLocation:fail privacy permission is not authorized', 'chooseLocation:fail api scope is not declared in the privacy agreement'])(
    '%s: names the privacy guide and lets the place be typed',
    async (errMsg) => {
      const picker = await tapMapWith(errMsg);
      expect(screen.getByRole('alert').textContent).toBe('您还没有同意《隐私保护指引》，所以打不开地图。没关系，请在下面直接写出地点。');
      expect(picker.container.querySelector('[aria-label="地点"]')).not.toBeNull();
      expect(picker.button('打开位置权限')).toBeUndefined();
    },
  );
});

describe('when the phone does not let WeChat use location', () => {
  it('says where to switch it on, and lets the place be typed', async () => {
    const picker = await tapMapWith('chooseLocation:fail system permission denied');
    expect(screen.getByRole('alert').textContent).toContain('手机没有允许微信使用定位');
    expect(picker.container.querySelector('[aria-label="地点"]')).not.toBeNull();
  });
});

describe('when the resident just closes the map', () => {
  it('says nothing and keeps the form as it was', async () => {
    const picker = await tapMapWith('chooseLocation:fail cancel');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(picker.container.querySelector('[aria-label="地点"]')).toBeNull();
    expect(locationFailure('chooseLocation:fail cancel')).toBe('cancel');
  });
});
