import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from './dialect';
import { migrateToLatest } from './migrate';

export interface TestDatabase {
  url: string;
  kind: 'sqlite' | 'postgres';
  /**
   * Every byte the database keeps on disk for this test: the SQLite file and its WAL, or,
   * on PostgreSQL, after a CHECKPOINT, the files of every table, TOAST table and index of
   * this database as the server stored them. For tests that look for plain text at rest.
   */
  storedBytes(): Promise<Buffer>;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a temporary SQLite file, or, when
 * LINLI_TEST_PG_URL names a PostgreSQL server, a new database on it. `npm test` runs the
 * cloud suites both ways.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.LINLI_TEST_PG_URL;
  if (!admin) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
    return {
      url: path.join(dir, 'test.sqlite'),
      kind: 'sqlite',
      storedBytes: async () => {
        const file = path.join(dir, 'test.sqlite');
        return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `linli_t_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    async storedBytes() {
      // The superuser of the test cluster may read the server's own files; a CHECKPOINT first
      // writes what sits in shared buffers out to them.
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        await c.query('CHECKPOINT');
        const files = await c.query<{ bytes: Buffer }>(
          `SELECT pg_read_binary_file(pg_relation_filepath(oid)) AS bytes FROM pg_class
            WHERE relkind IN ('r', 't', 'i') AND pg_relation_filepath(oid) IS NOT NULL AND pg_relation_size(oid) > 0
              AND relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)`,
        );
        return Buffer.concat(files.rows.map((r) => r.bytes));
      } finally {
        await c.end();
      }
    },
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database (`createTestDatabase`) opened without group commit and migrated, for a
 * storage test file; `close` closes it and drops it.
 *
 * @example
 * let t: MigratedTestDatabase;
 * beforeAll(async () => (t = await migratedTestDatabase()));
 * afterAll(() => t.close());
 */
export interface MigratedTestDatabase {
  database: TestDatabase;
  open: OpenDatabase;
  close(): Promise<void>;
}

export async function migratedTestDatabase(): Promise<MigratedTestDatabase> {
  const database = await createTestDatabase();
  const open = openDatabase(database.url, { groupCommit: false });
  await migrateToLatest(open.db);
  return {
    database,
    open,
    close: async () => {
      await open.close();
      await database.drop();
    },
  };
}
