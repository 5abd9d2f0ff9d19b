import { fireEvent, render, screen } from '@testing-library/react';
import { STORAGE_KEYS } from '../platform/storage';
import { CareModeProvider } from '../theme/care-mode';
import { CARE, STANDARD } from '../theme/tokens';
import { CareModeSetting } from './care-mode-setting';
import { Page } from './page';

function renderPage() {
  return render(
    <CareModeProvider>
      <Page>
        <CareModeSetting />
      </Page>
    </CareModeProvider>,
  );
}

function rootStyle(container: HTMLElement): string {
  return (container.querySelector('.lt-page') as HTMLElement).getAttribute('style') ?? '';
}

/** The H5 runtime turns 750-design px into rem at 40 px per rem. */
const rem = (cssPx: number) => `${(cssPx * 2) / 40}rem`;

afterEach(() => localStorage.clear());

describe('a page in the standard theme', () => {
  it('carries the standard sizes as CSS variables on its root', () => {
    const { container } = renderPage();
    const style = rootStyle(container);
    expect(style).toContain(`--lt-font-body: ${rem(STANDARD.font.body)}`);
    expect(container.querySelector('.lt-page--care')).toBeNull();
  });
});

describe('when the resident switches 长辈模式 on', () => {
  it('enlarges the page at once and remembers the choice', () => {
    const { container } = renderPage();
    fireEvent.click(screen.getByRole('switch'));
    expect(container.querySelector('.lt-page--care')).not.toBeNull();
    const style = rootStyle(container);
    expect(style).toContain(`--lt-font-body: ${rem(CARE.font.body)}`);
    expect(style).toContain(`--lt-touch: ${rem(CARE.touchTarget)}`);
    expect(style).toContain(`--nutui-font-size-s: ${rem(CARE.font.caption)}`);
    expect(screen.getByText('已打开：字更大，按钮更大，页面更简单。')).toBeTruthy();
    expect(localStorage.getItem(STORAGE_KEYS.careMode)).toContain('on');
  });

  it('comes back on at the next launch', () => {
    localStorage.setItem(STORAGE_KEYS.careMode, JSON.stringify({ data: 'on' }));
    const { container } = renderPage();
    expect(container.querySelector('.lt-page--care')).not.toBeNull();
  });
});
