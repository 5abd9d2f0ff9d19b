import Taro from '@tarojs/taro';

/**
 * The one door for text handed to Taro's own UI APIs. Stored text (an honor list's title, a
 * room's name) is an admin's or a resident's words and must show as text, never run.
 *
 * What Taro 4.2.1's H5 runtime does with each string (read in node_modules, not guessed):
 * - navigation-bar title: `@tarojs/router` `NavigationBarHandler.setTitle` writes it with
 *   `titleElement.innerHTML = title` (and into `document.title`, which is text). The same
 *   handler also replays a cached title, or a page config's `navigationBarTitleText`, through
 *   `innerHTML`. So on H5 the title is escaped here; page config titles are literals in code.
 * - showToast / showLoading / showModal / showActionSheet: `@tarojs/taro-h5` fills them with
 *   `textContent`, so they are safe as they are, and escaping would show `&lt;` to the
 *   resident. They still go through here, so a Taro upgrade that changes this is one place
 *   to look at (e2e/security.test.ts runs a title with markup through the H5 build).
 * On weapp every one of these is plain text already.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const isH5 = process.env.TARO_ENV === 'h5';

/** Sets the navigation-bar title to this text, shown as text on every platform. */
export function setPageTitle(text: string): Promise<void> {
  // The router keeps the title it was given and replays it through innerHTML on "back".
  return Taro.setNavigationBarTitle({ title: isH5 ? escapeHtml(text) : text }).then(
    () => undefined,
    () => undefined,
  );
}

/** A toast with this text (textContent on H5, text on weapp). */
export function showToastText(options: { title: string; icon?: 'success' | 'error' | 'loading' | 'none'; duration?: number }): Promise<void> {
  return Taro.showToast(options).then(
    () => undefined,
    () => undefined,
  );
}

/** A modal with this title and content (textContent on H5, text on weapp). */
export function showModalText(options: { title?: string; content: string; confirmText?: string; cancelText?: string; showCancel?: boolean }): Promise<boolean> {
  return Taro.showModal(options).then(
    (r) => r.confirm,
    () => false,
  );
}
