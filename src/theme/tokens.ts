/**
 * The two themes of the mini-program: standard, and 长辈模式 (care mode) for elderly
 * residents. Every size is in CSS px at a 375 px wide screen (WeChat's dp/pt); pages never
 * write sizes of their own but read these through CSS variables (see `themeVariables`).
 *
 * Care mode follows 适老化 (MIIT 2021) with margin: main text >= 18 (we use 22, WeChat's
 * own care mode renders about 24), no text below 18, touch targets >= 60x60, line spacing
 * >= 1.3 and contrast >= 4.5:1. theme.test.ts holds the numbers to these rules.
 */
export type ThemeName = 'standard' | 'care';

export interface Theme {
  name: ThemeName;
  font: {
    /** The smallest text on screen: notes, labels, tab names. */
    caption: number;
    body: number;
    button: number;
    title: number;
    headline: number;
  };
  lineHeight: number;
  space: { xs: number; s: number; m: number; l: number; xl: number };
  /** Minimum width and height of anything a finger taps. */
  touchTarget: number;
  radius: number;
  /** Tab bar drawn by the app in care mode (the native one cannot grow its text). */
  tabBarHeight: number;
  color: {
    text: string;
    textMuted: string;
    background: string;
    surface: string;
    border: string;
    primary: string;
    onPrimary: string;
    danger: string;
    onDanger: string;
    link: string;
    notice: string;
    onNotice: string;
  };
}

export const STANDARD: Theme = {
  name: 'standard',
  font: { caption: 13, body: 16, button: 16, title: 19, headline: 23 },
  lineHeight: 1.5,
  space: { xs: 4, s: 8, m: 12, l: 16, xl: 24 },
  touchTarget: 44,
  radius: 8,
  tabBarHeight: 0,
  color: {
    text: '#1f1f1f',
    textMuted: '#5c5c5c',
    background: '#f4f5f7',
    surface: '#ffffff',
    border: '#dcdfe4',
    primary: '#b3261e',
    onPrimary: '#ffffff',
    danger: '#c62828',
    onDanger: '#ffffff',
    link: '#1a5fb4',
    notice: '#fff4e0',
    onNotice: '#7a5200',
  },
};

export const CARE: Theme = {
  name: 'care',
  font: { caption: 18, body: 22, button: 22, title: 26, headline: 30 },
  lineHeight: 1.5,
  space: { xs: 6, s: 12, m: 16, l: 20, xl: 28 },
  touchTarget: 64,
  radius: 10,
  tabBarHeight: 76,
  color: {
    text: '#000000',
    textMuted: '#333333',
    background: '#f2f2f2',
    surface: '#ffffff',
    border: '#8c8c8c',
    primary: '#a1231b',
    onPrimary: '#ffffff',
    danger: '#a1231b',
    onDanger: '#ffffff',
    link: '#0b4a99',
    notice: '#fff4e0',
    onNotice: '#5c3d00',
  },
};

export const THEMES: Record<ThemeName, Theme> = { standard: STANDARD, care: CARE };

/** WeChat's standard text size is 17; its 大字体 settings report 20 and up. */
export const LARGE_FONT_SETTING = 20;

/**
 * The CSS variables a page root sets: ours (`--lt-*`) and NutUI's, so that NutUI's
 * widgets (whose defaults go down to 11 px and whose primary red fails 4.5:1 on white
 * text) follow the theme too.
 *
 * @param toLength turns CSS px at 375 width into the platform's unit (rpx on weapp, rem
 *   in H5); tests pass `px => px + 'px'`.
 * @example themeVariables(CARE, (px) => Taro.pxTransform(px * 2))
 */
export function themeVariables(theme: Theme, toLength: (px: number) => string): Record<string, string> {
  const { font, space, color } = theme;
  const len = toLength;
  const controlHeight = theme.touchTarget;
  const vars: Record<string, string> = {
    '--lt-font-caption': len(font.caption),
    '--lt-font-body': len(font.body),
    '--lt-font-button': len(font.button),
    '--lt-font-title': len(font.title),
    '--lt-font-headline': len(font.headline),
    '--lt-line-height': String(theme.lineHeight),
    '--lt-space-xs': len(space.xs),
    '--lt-space-s': len(space.s),
    '--lt-space-m': len(space.m),
    '--lt-space-l': len(space.l),
    '--lt-space-xl': len(space.xl),
    '--lt-touch': len(theme.touchTarget),
    '--lt-radius': len(theme.radius),
    '--lt-tab-bar-height': len(theme.tabBarHeight),
    '--lt-color-text': color.text,
    '--lt-color-text-muted': color.textMuted,
    '--lt-color-background': color.background,
    '--lt-color-surface': color.surface,
    '--lt-color-border': color.border,
    '--lt-color-primary': color.primary,
    '--lt-color-on-primary': color.onPrimary,
    '--lt-color-danger': color.danger,
    '--lt-color-on-danger': color.onDanger,
    '--lt-color-link': color.link,
    '--lt-color-notice': color.notice,
    '--lt-color-on-notice': color.onNotice,

    '--nutui-color-primary': color.primary,
    '--nutui-color-primary-stop-1': color.primary,
    '--nutui-color-primary-stop-2': color.primary,
    '--nutui-color-danger': color.danger,
    '--nutui-color-title': color.text,
    '--nutui-color-text': color.textMuted,
    '--nutui-color-text-help': color.textMuted,
    '--nutui-color-border': color.border,
    '--nutui-font-size-xxs': len(font.caption),
    '--nutui-font-size-xs': len(font.caption),
    '--nutui-font-size-s': len(font.caption),
    '--nutui-font-size-base': len(font.body),
    '--nutui-font-size-l': len(font.button),
    '--nutui-font-size-xl': len(font.title),
    '--nutui-button-default-height': len(controlHeight),
    '--nutui-button-default-font-size': len(font.button),
    '--nutui-button-large-height': len(controlHeight),
    '--nutui-button-large-font-size': len(font.button),
    '--nutui-button-small-height': len(controlHeight),
    '--nutui-button-small-font-size': len(font.button),
    '--nutui-button-mini-height': len(controlHeight),
    '--nutui-button-mini-font-size': len(font.caption),
    '--nutui-button-default-border-color': color.border,
    '--nutui-button-default-color': color.text,
    '--nutui-cell-title-font-size': len(font.body),
    '--nutui-cell-description-font-size': len(font.caption),
    '--nutui-cell-extra-font-size': len(font.body),
    '--nutui-cell-line-height': len(Math.round(font.body * theme.lineHeight)),
    // Vertical padding that lifts a one-line cell to the touch target.
    '--nutui-cell-padding': `${len(Math.max(space.m, Math.ceil((controlHeight - font.body * theme.lineHeight) / 2)))} ${len(space.l)}`,
    '--nutui-cell-group-title-font-size': len(font.body),
    '--nutui-cell-group-description-font-size': len(font.caption),
    '--nutui-input-font-size': len(font.body),
    '--nutui-input-padding': `${len(space.m)} ${len(space.l)}`,
    // In 长辈模式 the switch itself is the 60×60 target, not only the row around it.
    '--nutui-switch-height': len(theme.name === 'care' ? controlHeight : 28),
    '--nutui-switch-line-height': len(theme.name === 'care' ? controlHeight : 28),
    '--nutui-switch-width': len(theme.name === 'care' ? Math.round(controlHeight * 1.7) : 48),
    '--nutui-switch-label-font-size': len(font.caption),
  };
  return vars;
}

/** WCAG 2 contrast ratio of two #rrggbb colors, e.g. 4.5 or more for body text. */
export function contrastRatio(foreground: string, background: string): number {
  const fg = relativeLuminance(foreground);
  const bg = relativeLuminance(background);
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}

function relativeLuminance(hex: string): number {
  const linear = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
}
