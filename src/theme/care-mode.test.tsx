import Taro from '@tarojs/taro';
import { STORAGE_KEYS } from '../platform/storage';
import { initialCareMode } from './care-mode';

function withFontSetting(fontSizeSetting: number | undefined) {
  return jest.spyOn(Taro, 'getAppBaseInfo').mockReturnValue({ fontSizeSetting } as unknown as ReturnType<typeof Taro.getAppBaseInfo>);
}

afterEach(() => {
  jest.restoreAllMocks();
  localStorage.clear();
});

describe('whether 长辈模式 starts on', () => {
  it('turns on by itself when WeChat’s font is large', () => {
    withFontSetting(24);
    expect(initialCareMode()).toEqual({ enabled: true, automatic: true });
  });

  it('stays off at WeChat’s standard size (17)', () => {
    withFontSetting(17);
    expect(initialCareMode()).toEqual({ enabled: false, automatic: true });
  });

  it('stays off where the font size is unknown (H5)', () => {
    withFontSetting(undefined);
    expect(initialCareMode()).toEqual({ enabled: false, automatic: true });
  });

  it('follows the resident’s own switch over WeChat’s font size', () => {
    withFontSetting(24);
    Taro.setStorageSync(STORAGE_KEYS.careMode, 'off');
    expect(initialCareMode()).toEqual({ enabled: false, automatic: false });
    Taro.setStorageSync(STORAGE_KEYS.careMode, 'on');
    withFontSetting(17);
    expect(initialCareMode()).toEqual({ enabled: true, automatic: false });
  });
});
