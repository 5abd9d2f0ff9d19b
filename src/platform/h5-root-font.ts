/**
 * The H5 preview's root font size (Taro turns rpx into rem against it). Taro puts this as an
 * inline <script> into index.html; the host's CSP allows no inline script, so the same rule
 * runs here, first thing in the app bundle. The numbers are what Taro computes for this
 * project's pxtransform (design width 750, base font 20 → root 40, clamped to 20…40 px).
 */
const DESIGN_WIDTH = 750;
const ROOT_VALUE = 40;
const MIN = 20;
const MAX = 40;

export function installRootFontSize(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  const fit = () => {
    const el = document.documentElement;
    const r = el.getBoundingClientRect();
    const w = Math.min(...[r.width, r.height].filter(Boolean));
    const x = (ROOT_VALUE * w) / DESIGN_WIDTH;
    el.style.fontSize = x >= MAX ? `${MAX}px` : x <= MIN ? `${MIN}px` : `${x}px`;
  };
  window.addEventListener('resize', () => {
    fit();
    setTimeout(fit, 500);
  });
  fit();
}

installRootFontSize();
