import type { Services } from '../../core/services';
import type { FilesTable } from '../../storage/schema';
import { isVisibleToReaders } from '../articles.permissions';
import { getArticleRow } from '../articles.storage';

/**
 * A picture inside a published article is as public as the article: it is linked from
 * the article's HTML as `/api/files/<id>` without a signature, which no HTML body could
 * keep fresh. Decided at the moment of the request: unpublish the article and its
 * pictures stop loading.
 */
export async function isPublicArticleFile(services: Services, file: FilesTable): Promise<boolean> {
  if (file.attached_kind !== 'article' || !file.attached_id) return false;
  const article = await getArticleRow(services.db, file.attached_id);
  return !!article && isVisibleToReaders(article, services.clock.now());
}

/** The host's own link of an uploaded cover: public exactly while its article is. */
export function coverPath(fileId: string): string {
  return `/api/files/${fileId}`;
}

/** The upload behind a cover link of the host's own, or null for an outside https:// cover. */
export function coverFileId(coverUrl: string | null): string | null {
  return /^\/api\/files\/([\w-]+)$/.exec(coverUrl ?? '')?.[1] ?? null;
}
