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
  /** H5 preview with demo sign-in: 'on' when the developer wants the stand-in subscribe sheet. */
  previewSubscribeSheet: 'linli.previewSubscribeSheet',
  /** A random id of this phone, sent with share-card visits (see deviceId). */
  deviceId: 'linli.deviceId',
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

/**
 * A random id this phone keeps, sent as `device` with every call that carries a `sharer`:
 * the host counts an anonymous visit from a share card once per card and device (and a few
 * devices at most per address, since the id is the client's word). Not a secret and not
 * tied to the person: it only tells two phones apart. Made once, on the first visit.
 */
export function deviceId(): string {
  const kept = readString(STORAGE_KEYS.deviceId);
  if (kept && /^[0-9a-z]{16,64}$/.test(kept)) return kept;
  // Math.random is enough to tell phones apart; nothing is protected by this id.
  let id = '';
  while (id.length < 24) id += Math.random().toString(36).slice(2);
  id = id.slice(0, 24);
  writeString(STORAGE_KEYS.deviceId, id);
  return id;
}

/** What a call opened from a share card adds: who shared it, and this phone's id. */
export function shareVisit(sharer: string): { sharer: string; device: string } {
  return { sharer, device: deviceId() };
}
