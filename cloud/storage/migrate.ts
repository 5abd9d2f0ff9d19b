import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './dialect';
import * as m001 from './migrations/001-foundation';
import * as m002 from './migrations/002-articles';
import * as m003 from './migrations/003-events';
import * as m004 from './migrations/004-bookings';
import * as m005 from './migrations/005-petitions';
import * as m006 from './migrations/006-honors';
import * as m007 from './migrations/007-share-visit-once';
import * as m010 from './migrations/010-grid-work';
import * as m012 from './migrations/012-leancloud-import';
import * as m016 from './migrations/016-stories';

/** Every migration in order. A new one is a new file in migrations/ and a line here. */
const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': m001,
  '002-articles': m002,
  '003-events': m003,
  '004-bookings': m004,
  '005-petitions': m005,
  '006-honors': m006,
  '007-share-visit-once': m007,
  '010-grid-work': m010,
  '012-leancloud-import': m012,
  '016-stories': m016,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; runs at every start of the host. */
export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
