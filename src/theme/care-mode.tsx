import Taro from '@tarojs/taro';
import { createContext, useCallback, useContext, useMemo, useState, type PropsWithChildren } from 'react';
import { STORAGE_KEYS, readString, writeString } from '../platform/storage';
import { CARE, LARGE_FONT_SETTING, STANDARD, type Theme } from './tokens';

export interface CareMode {
  enabled: boolean;
  /** True while the mode follows WeChat's font size rather than the resident's switch. */
  automatic: boolean;
  theme: Theme;
  setEnabled: (on: boolean) => void;
}

/** Whether WeChat (or its care mode) is set to large text. Unknown on H5: no. */
export function systemPrefersLargeText(): boolean {
  try {
    // WeChat returns fontSizeSetting here; Taro's type for the result leaves it out.
    const info = Taro.getAppBaseInfo?.() as { fontSizeSetting?: number } | undefined;
    const size = info?.fontSizeSetting;
    return typeof size === 'number' && size >= LARGE_FONT_SETTING;
  } catch {
    return false;
  }
}

export function initialCareMode(): { enabled: boolean; automatic: boolean } {
  const saved = readString(STORAGE_KEYS.careMode);
  if (saved === 'on' || saved === 'off') return { enabled: saved === 'on', automatic: false };
  return { enabled: systemPrefersLargeText(), automatic: true };
}

const CareModeContext = createContext<CareMode>({
  enabled: false,
  automatic: true,
  theme: STANDARD,
  setEnabled: () => undefined,
});

export function CareModeProvider({ children }: PropsWithChildren) {
  const [mode, setMode] = useState(initialCareMode);
  const setEnabled = useCallback((on: boolean) => {
    writeString(STORAGE_KEYS.careMode, on ? 'on' : 'off');
    setMode({ enabled: on, automatic: false });
  }, []);
  const value = useMemo<CareMode>(
    () => ({ ...mode, theme: mode.enabled ? CARE : STANDARD, setEnabled }),
    [mode, setEnabled],
  );
  return <CareModeContext.Provider value={value}>{children}</CareModeContext.Provider>;
}

export function useCareMode(): CareMode {
  return useContext(CareModeContext);
}
