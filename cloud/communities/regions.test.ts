import { ERRORS } from '../../types';
import type { OpenDatabase } from '../storage/dialect';
import { migratedTestDatabase } from '../storage/test-database';
import { upsertRegions } from './communities.storage';
import { readerScope } from './regions';

/**
 * A reader's scopes (a community and the district) are kept once both are found: a region
 * is never deleted and never changes id or level. What is not yet certain is asked again.
 */
let open: OpenDatabase;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ open, close } = await migratedTestDatabase());
});
afterAll(async () => {
  await close();
});

const region = (id: string, level: string, parentId: string | null) => ({ id, parent_id: parentId, level, name: id, kind: 'x', sort: 0 });

describe('readerScope', () => {
  it('asks again until the community and the district are both there, then keeps the answer', async () => {
    const db = open.db;
    await expect(readerScope(db, 'rs-community')).rejects.toMatchObject({ code: ERRORS.COMMUNITY_NOT_FOUND.code });
    // Unknown a moment ago, now stored: found at once (an unknown community is never kept).
    await upsertRegions(db, [region('rs-community', 'community', null)]);
    expect(await readerScope(db, 'rs-community')).toEqual(['rs-community']);
    // Read before the district existed: not kept, so the district shows as soon as it is stored.
    await upsertRegions(db, [region('rs-district', 'district', null)]);
    expect(await readerScope(db, 'rs-community')).toEqual(['rs-community', 'rs-district']);
    expect(await readerScope(db, 'rs-district')).toEqual(['rs-district']);
    // A renamed region keeps its scopes; a changed answer handed out does not change the kept one.
    await upsertRegions(db, [{ ...region('rs-community', 'community', 'rs-district'), name: '新名字' }]);
    const scopes = await readerScope(db, 'rs-community');
    expect(scopes).toEqual(['rs-community', 'rs-district']);
    scopes!.pop();
    expect(await readerScope(db, 'rs-community')).toEqual(['rs-community', 'rs-district']);
    await expect(readerScope(db, 'rs-nowhere')).rejects.toMatchObject({ code: ERRORS.COMMUNITY_NOT_FOUND.code });
    expect(await readerScope(db, undefined)).toBeUndefined();
  });
});
