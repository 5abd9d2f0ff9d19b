import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { STORAGE_KEYS, readString, writeString } from '../platform/storage';

/**
 * 用户隐私保护指引. On weapp WeChat keeps the resident's consent and refuses covered APIs
 * (getPhoneNumber, chooseMedia, getLocation, addPhoneCalendar, saveImageToPhotosAlbum...)
 * until the resident agrees through a button with open-type="agreePrivacyAuthorization".
 * The H5 preview has none of these APIs; consent is remembered on the device so the
 * same screens behave the same way.
 */
export const PRIVACY_CONTRACT_NAME = '《邻里通小程序隐私保护指引》';
/** Bump when the policy adds a kind of data: H5 then asks again, as WeChat does. */
export const PRIVACY_POLICY_VERSION = '2026-11-26';
/** The id of the agree button in the consent sheet, which WeChat checks was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'linli-privacy-agree';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Whether the resident still has to agree before a covered API may be used. */
export function checkConsentNeeded(): Promise<boolean> {
  if (!isWeapp) return Promise.resolve(readString(STORAGE_KEYS.privacyConsent) !== PRIVACY_POLICY_VERSION);
  // Base libraries before 2.32.3 have no privacy API and do not gate anything.
  if (typeof Taro.getPrivacySetting !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    const asked: unknown = Taro.getPrivacySetting({
      success: (res) => resolve(res.needAuthorization),
      fail: () => resolve(false),
    });
    // Taro may also return a promise for it; `fail` has already answered its rejection.
    if (asked instanceof Promise) asked.catch(() => undefined);
  });
}

/** H5: the resident tapped 同意. On weapp WeChat records it from the button itself. */
export function recordConsent(): void {
  if (!isWeapp) writeString(STORAGE_KEYS.privacyConsent, PRIVACY_POLICY_VERSION);
  consentListeners.forEach((l) => l());
}

const consentListeners = new Set<() => void>();

/**
 * Whether consent is still needed (null while asking WeChat), re-checked when consent is
 * given anywhere in the app.
 */
export function useConsentNeeded(): { needed: boolean | null; agreed: () => void } {
  const [needed, setNeeded] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    const check = () => void checkConsentNeeded().then((n) => alive && setNeeded(n));
    check();
    consentListeners.add(check);
    return () => {
      alive = false;
      consentListeners.delete(check);
    };
  }, []);
  const agreed = useCallback(() => {
    setNeeded(false);
    recordConsent();
  }, []);
  return { needed, agreed };
}

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

/**
 * A covered API was called before consent: WeChat holds the call until `answerPending`.
 * Kept outside React because the event arrives for whichever page is showing.
 */
let pending: Resolve | null = null;
const pendingListeners = new Set<() => void>();

function setPending(next: Resolve | null): void {
  pending = next;
  pendingListeners.forEach((l) => l());
}

/** Once, at launch. A later registration would replace this one (WeChat keeps only one). */
export function installPrivacyListener(): void {
  if (!isWeapp || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // A second request while one is open: the first one's API fails, as WeChat would.
    pending?.({ event: 'disagree' });
    setPending(resolve);
  });
}

export function usePendingConsent(): boolean {
  return useSyncExternalStore(
    (l) => {
      pendingListeners.add(l);
      return () => pendingListeners.delete(l);
    },
    () => pending !== null,
    () => false,
  );
}

/** Tells WeChat the consent sheet is on screen (it counts exposures). */
export function reportExposure(): void {
  pending?.({ event: 'exposureAuthorization' });
}

/** The resident answered the consent sheet; WeChat resumes (or fails) the held call. */
export function answerPending(agreed: boolean): void {
  const resolve = pending;
  setPending(null);
  if (!resolve) return;
  if (agreed) {
    resolve({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
    recordConsent();
  } else {
    resolve({ event: 'disagree' });
  }
}
