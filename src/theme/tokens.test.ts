import { CARE, STANDARD, contrastRatio, themeVariables, type Theme } from './tokens';

const px = (n: number) => `${n}px`;

/** Pairs of (text, background) that appear on screen. */
function textPairs(t: Theme): [string, string, string][] {
  const c = t.color;
  return [
    ['text on background', c.text, c.background],
    ['text on surface', c.text, c.surface],
    ['muted text on surface', c.textMuted, c.surface],
    ['muted text on background', c.textMuted, c.background],
    ['button text on primary', c.onPrimary, c.primary],
    ['button text on danger', c.onDanger, c.danger],
    ['primary (outline buttons, selected tab) on surface', c.primary, c.surface],
    ['link on surface', c.link, c.surface],
    ['link on background', c.link, c.background],
    ['notice text on notice', c.onNotice, c.notice],
  ];
}

describe('长辈模式 (care mode) tokens', () => {
  it('sets body text at 22 px or more', () => {
    expect(CARE.font.body).toBeGreaterThanOrEqual(22);
    expect(CARE.font.button).toBeGreaterThanOrEqual(22);
  });

  it('has no text size below 18 px', () => {
    for (const size of Object.values(CARE.font)) expect(size).toBeGreaterThanOrEqual(18);
  });

  it('makes every touch target at least 60 x 60', () => {
    expect(CARE.touchTarget).toBeGreaterThanOrEqual(60);
    expect(CARE.tabBarHeight).toBeGreaterThanOrEqual(60);
  });

  it('spaces lines at 1.3 or more', () => {
    expect(CARE.lineHeight).toBeGreaterThanOrEqual(1.3);
  });

  it.each(textPairs(CARE))('keeps %s at 4.5:1 or more', (_name, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('is larger than the standard theme everywhere', () => {
    for (const key of Object.keys(STANDARD.font) as (keyof Theme['font'])[]) {
      expect(CARE.font[key]).toBeGreaterThan(STANDARD.font[key]);
    }
    expect(CARE.touchTarget).toBeGreaterThan(STANDARD.touchTarget);
  });
});

describe('the standard theme', () => {
  it.each(textPairs(STANDARD))('keeps %s at 4.5:1 or more too', (_name, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps touch targets at WeChat’s 44 px', () => {
    expect(STANDARD.touchTarget).toBeGreaterThanOrEqual(44);
  });
});

describe('the CSS variables a page root sets in care mode', () => {
  const vars = themeVariables(CARE, px);
  const pxOf = (name: string) => parseFloat(vars[name] ?? 'NaN');

  it('override every NutUI font size to 18 px or more', () => {
    const fontVars = Object.keys(vars).filter((k) => k.startsWith('--nutui-') && k.includes('font-size'));
    expect(fontVars.length).toBeGreaterThan(10);
    for (const name of fontVars) expect(pxOf(name)).toBeGreaterThanOrEqual(18);
  });

  it('make NutUI buttons of every size at least 60 px tall', () => {
    for (const size of ['default', 'large', 'small', 'mini']) {
      expect(pxOf(`--nutui-button-${size}-height`)).toBeGreaterThanOrEqual(60);
    }
  });

  it('make a one-line NutUI cell at least 60 px tall', () => {
    const [vertical] = (vars['--nutui-cell-padding'] ?? '').split(' ');
    const height = 2 * parseFloat(vertical ?? 'NaN') + pxOf('--nutui-cell-line-height');
    expect(height).toBeGreaterThanOrEqual(60);
  });

  it('replace NutUI’s red (3.9:1 under white text) with the theme’s primary', () => {
    expect(contrastRatio('#ffffff', '#ff0f23')).toBeLessThan(4.5);
    expect(vars['--nutui-color-primary']).toBe(CARE.color.primary);
    expect(vars['--nutui-color-primary-stop-1']).toBe(CARE.color.primary);
    expect(vars['--nutui-color-primary-stop-2']).toBe(CARE.color.primary);
  });

  it('pass sizes through the platform unit converter', () => {
    const rpx = themeVariables(CARE, (n) => `${n * 2}rpx`);
    expect(rpx['--lt-font-body']).toBe('44rpx');
    expect(rpx['--lt-touch']).toBe(`${CARE.touchTarget * 2}rpx`);
  });
});
