import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

// Loaded at the first article saved, not at the host's start (~0.1–0.25 s of a restart,
// bench/startup.ts); the function stays synchronous for its callers.
const load = createRequire(__filename);
let sanitizer: typeof sanitizeHtml | null = null;

/**
 * The safe rich-text subset an article body may hold: what Taro's RichText renders, and
 * nothing that runs. Scripts, event handlers (onerror=…), styles and javascript: URLs are
 * dropped on save, so no reader ever receives them.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'img', 'a', 'span', 'section'],
  allowedAttributes: {
    img: ['src', 'alt', 'width', 'height'],
    a: ['href'],
  },
  allowedSchemes: ['https', 'http'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

export function sanitizeArticleHtml(html: string): string {
  sanitizer ??= load('sanitize-html') as typeof sanitizeHtml;
  return sanitizer(html, OPTIONS).trim();
}
