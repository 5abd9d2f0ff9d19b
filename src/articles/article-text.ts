import type { ArticleSummary } from '../../types/articles-model';
import { ROUTES } from '../routes';

/**
 * Where an item applies, in the words a resident uses: its community's name, or 全区 for
 * what the district publishes to everyone (the host marks those with `scopeLevel`).
 *
 * @example scopeLabel({ scopeLevel: 'district', scopeName: '上街区' }) // '全区'
 */
export function scopeLabel(article: Pick<ArticleSummary, 'scopeLevel' | 'scopeName'>): string {
  return article.scopeLevel === 'district' ? '全区' : article.scopeName;
}

/** 记者 林晓 / 通讯员 何敏、宋阳, as the district's news pages print them; none when unsigned. */
export function bylines(article: { reporters: readonly string[]; correspondents: readonly string[] }): string[] {
  const lines: string[] = [];
  if (article.reporters.length > 0) lines.push(`记者 ${article.reporters.join('、')}`);
  if (article.correspondents.length > 0) lines.push(`通讯员 ${article.correspondents.join('、')}`);
  return lines;
}

/**
 * The host sanitizes bodies; this only fits them to a phone. WeChat's rich-text takes no
 * stylesheet for the tags inside it, so an image gets its width limit inline. A link
 * cannot be followed from rich-text (WeChat drops its taps, and the mini-program may not
 * open outside sites), so it becomes plain text with its address written after it, for
 * the reader to copy.
 */
export function prepareBodyHtml(html: string): string {
  return html
    .replace(/<img\b/gi, '<img style="max-width:100%;height:auto;display:block;margin:8px 0;"')
    .replace(/<a\b[^>]*?\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => {
      const plain = text.replace(/<[^>]*>/g, '').trim();
      return plain === href || href === '' ? `<span>${text}</span>` : `<span>${text}（${href}）</span>`;
    })
    .replace(/<a\b[^>]*>([\s\S]*?)<\/a>/gi, '<span>$1</span>');
}

/**
 * The detail page's path; with `sharer` (the sharing user's id) for a share card, so the
 * host can count who the card brought.
 */
export function articlePath(id: string, sharer?: string | null): string {
  const query = `id=${encodeURIComponent(id)}`;
  return sharer ? `${ROUTES.article}?${query}&sharer=${encodeURIComponent(sharer)}` : `${ROUTES.article}?${query}`;
}
