import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useMemo, type CSSProperties, type ReactNode } from 'react';
import type { TabKey } from '../routes';
import { useCareMode } from '../theme/care-mode';
import { themeVariables } from '../theme/tokens';
import { BackBar } from './back-bar';
import { CareTabBar } from './care-tab-bar';
import { PrivacyPrompt } from './privacy-prompt';
import './page.scss';

/** CSS px at 375 wide → the platform's unit (rpx on weapp, rem in H5), design width 750. */
export function toPlatformLength(px: number): string {
  return Taro.pxTransform(px * 2);
}

/**
 * The root of every page: applies the theme (standard or 长辈模式) as CSS variables that
 * our styles and NutUI's read, and holds the privacy consent prompt. On a tab page in
 * 长辈模式 it swaps WeChat's tab bar (whose small text cannot be enlarged) for ours.
 */
export function Page({ tab, children }: { tab?: TabKey; children: ReactNode }) {
  const care = useCareMode();
  const style = useMemo(() => themeVariables(care.theme, toPlatformLength) as CSSProperties, [care.theme]);
  const ownTabBar = tab !== undefined && care.enabled;

  const syncTabBar = () => {
    if (tab === undefined) return;
    const change = ownTabBar ? Taro.hideTabBar : Taro.showTabBar;
    // Fails only when the tab bar is already in that state or not yet mounted (H5).
    Promise.resolve(change({ animation: false })).catch(() => undefined);
  };
  useDidShow(syncTabBar);
  // H5: Taro's page container is the element that scrolls; keyboard users must be able to
  // reach it to scroll (axe scrollable-region-focusable). WeChat has no such container.
  useDidShow(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    document.querySelectorAll('.taro_page').forEach((el) => {
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    });
  });
  // Again when the resident switches 长辈模式 on this very page.
  useEffect(syncTabBar, [ownTabBar]);

  const className = ['lt-page', care.enabled ? 'lt-page--care' : '', ownTabBar ? 'lt-page--own-tab-bar' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <View className={className} style={style}>
      {/* Only the H5 preview: in WeChat the navigation bar has its own back. */}
      {process.env.TARO_ENV === 'h5' && tab === undefined ? <BackBar /> : null}
      <PrivacyPrompt />
      {children}
      {ownTabBar ? <CareTabBar current={tab} /> : null}
    </View>
  );
}
