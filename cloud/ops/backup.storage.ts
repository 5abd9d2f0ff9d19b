import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../storage/dialect';

const run = promisify(execFile);

/** PostgreSQL's client tools: PATH first, then Debian's versioned folder. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = [process.env.LINLI_PG_BIN, ...fs.readdirSync('/usr/lib/postgresql', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `/usr/lib/postgresql/${d.name}/bin`).sort().reverse()].filter(Boolean) as string[];
  for (const dir of dirs) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  return name;
}

/** SQLite: the online backup API, a consistent copy while the host keeps writing (WAL). */
export async function backupSqlite(file: string, to: string): Promise<void> {
  const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

/** PostgreSQL: pg_dump's custom format (compressed, restorable table by table). */
export async function backupPostgres(url: string, to: string): Promise<void> {
  await run(pgTool('pg_dump'), ['-Fc', '--no-owner', '--no-privileges', '-f', to, url], { maxBuffer: 64 * 1024 * 1024 });
}

export async function restoreSqlite(from: string, file: string): Promise<void> {
  if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new Error(`恢复目标已存在：${file}（请恢复到一个新的空数据库）`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const source = new SqliteDatabase(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
}

export async function restorePostgres(from: string, url: string): Promise<void> {
  await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '-d', url, from], { maxBuffer: 64 * 1024 * 1024 });
}

/** Every table of ours with its row count: what a restore must give back. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort();
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** Whether the database holds any table yet (a restore goes into an empty one only). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  return (await db.introspection.getTables({ withInternalKyselyTables: true })).length === 0;
}
