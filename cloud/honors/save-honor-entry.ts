import { AppError } from '../../types';
import { saveHonorEntry } from '../../types/honors';
import { sanitizeArticleHtml } from '../articles/lib/sanitize';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { mayManageHonorList } from './honors.permissions';
import { attachFiles, getFileRow, releaseFiles } from '../files/files.storage';
import { toEntry } from './lib/honor-view';
import { getHonorEntryRow, getHonorListRow, saveHonorEntryRow } from './honors.storage';

export default defineFunction(saveHonorEntry, async (input, { services, caller }) => {
  const list = await getHonorListRow(services.db, input.listId);
  const scope = list && (await getRegion(services.db, list.scope_id));
  if (!list || !scope || !mayManageHonorList(caller.grants, scope)) throw new AppError('NOT_FOUND');
  if (!(JSON.parse(list.categories) as string[]).includes(input.category)) throw new AppError('HONOR_CATEGORY_UNKNOWN', undefined, [{ path: 'category', message: '这个榜单没有这个类别' }]);
  if ((await getRegion(services.db, input.communityId))?.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND');
  const existing = input.id ? await getHonorEntryRow(services.db, input.id) : undefined;
  if (input.id && (!existing || existing.list_id !== list.id)) throw new AppError('NOT_FOUND');
  const story = sanitizeArticleHtml(input.storyHtml);
  if (!story) throw new AppError('INVALID_INPUT', '请填写事迹', [{ path: 'storyHtml', message: '请填写事迹' }]);
  const id = input.id ?? newId();
  let photo = existing?.photo_file_id ?? null;
  let attached: string | null = null;
  if (input.photoId !== undefined) {
    if (input.photoId && input.photoId !== photo) {
      attached = input.photoId;
      const file = await getFileRow(services.db, input.photoId);
      if (!file || !(await attachFiles(services.db, [input.photoId], caller.id, 'honor', id))) throw new AppError('FILE_UNUSABLE');
    }
    photo = input.photoId;
  }
  const now = services.clock.now().toISOString();
  // The list's categories are checked again as the entry is written (a saveList may drop one meanwhile).
  const saved = await saveHonorEntryRow(services.db, {
    id,
    list_id: list.id,
    name: input.name,
    category: input.category,
    community_id: input.communityId,
    photo_file_id: photo,
    story_html: story,
    sort: input.sort,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  });
  if (!saved) {
    if (attached) await releaseFiles(services.db, [attached], 'honor', id);
    throw new AppError('HONOR_CATEGORY_UNKNOWN', undefined, [{ path: 'category', message: '这个榜单没有这个类别' }]);
  }
  return toEntry(services, (await getHonorEntryRow(services.db, id))!, false);
});
