import Taro from '@tarojs/taro';

/**
 * Small preferences the app keeps on the device. The SDK keeps the session itself
 * (AV/<appId>/currentUser); these are ours.
 */
export const STORAGE_KEYS = {
  careMode: 'linli.careMode',
  /** Set when the resident signed out, so the app does not sign them in again by itself. */
  signedOut: 'linli.signedOut',
  /** The persona code the H5 preview signed in with, for re-login after a 211. */
  devPersona: 'linli.devPersona',
  /** H5 only: WeChat keeps privacy consent itself on weapp. */
  privacyConsent: 'linli.privacyConsent',
} as const;

type Key = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

// Storage can throw (quota, private mode); a preference that cannot be read is simply unset.
export function readString(key: Key): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function writeString(key: Key, value: string | null): void {
  try {
    if (value === null) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, value);
  } catch {
    // Losing a preference is better than breaking the action that set it.
  }
}
