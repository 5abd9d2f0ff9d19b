import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { Config } from '../config';
import { openObjectStore } from '../files/object-store';
import { DEFAULT_SQLITE_FILE, openDatabase } from '../storage/dialect';
import { backupPostgres, backupSqlite, isEmptyDatabase, restorePostgres, restoreSqlite, rowCounts } from './backup.storage';

/** What a backup holds, written into it as manifest.json and checked again on restore. */
export interface BackupManifest {
  format: 'linli-backup-1';
  createdAt: string;
  database: 'sqlite' | 'postgres';
  /** Row counts per table counted just before the dump began: a restore has at least these. */
  rows: Record<string, number>;
  objects: Array<{ key: string; size: number; sha256: string }>;
}

const sqliteFile = (config: Pick<Config, 'databaseUrl'>) => (config.databaseUrl ?? DEFAULT_SQLITE_FILE).replace(/^(sqlite|file):(\/\/)?/, '');
const isPg = (config: Pick<Config, 'databaseUrl'>) => !!config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl);

/**
 * `npm run backup -- <file.tar>`: the database (SQLite through the online backup API,
 * PostgreSQL as pg_dump -Fc) and every file in the object store, in one tar with a
 * manifest. The host may keep running: rows written after the dump began may be missing,
 * never half there; files are copied after the dump, so every row's file is there.
 */
export async function createBackup(config: Config, outFile: string): Promise<BackupManifest> {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-'));
  const database = openDatabase(config.databaseUrl);
  const objects = openObjectStore(config);
  try {
    const pg = isPg(config);
    const rows = await rowCounts(database.db);
    if (pg) await backupPostgres(config.databaseUrl!, path.join(stage, 'database.pgdump'));
    else await backupSqlite(sqliteFile(config), path.join(stage, 'database.sqlite'));
    const listed: BackupManifest['objects'] = [];
    for await (const key of objects.list()) {
      const bytes = await objects.getBytes(key);
      const file = path.join(stage, 'objects', key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      listed.push({ key, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    }
    const manifest: BackupManifest = { format: 'linli-backup-1', createdAt: new Date().toISOString(), database: pg ? 'postgres' : 'sqlite', rows, objects: listed };
    fs.writeFileSync(path.join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    await tar.create({ file: outFile, cwd: stage, portable: true }, fs.readdirSync(stage));
    return manifest;
  } finally {
    objects.close();
    await database.close();
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * `npm run restore -- <file.tar>`: into an EMPTY database (a new SQLite file, or a new
 * PostgreSQL database) and the configured object store; then checks every table's row
 * count and every file's checksum against the manifest.
 */
export async function restoreBackup(config: Config, inFile: string): Promise<BackupManifest> {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-restore-'));
  try {
    await tar.extract({ file: inFile, cwd: stage });
    const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'manifest.json'), 'utf8')) as BackupManifest;
    if (manifest.format !== 'linli-backup-1') throw new Error('不是邻里通的备份文件');
    const pg = isPg(config);
    if ((manifest.database === 'postgres') !== pg) throw new Error(`备份来自 ${manifest.database}，不能恢复到 ${pg ? 'postgres' : 'sqlite'}`);
    if (pg) {
      const target = openDatabase(config.databaseUrl);
      const empty = await isEmptyDatabase(target.db).finally(() => target.close());
      if (!empty) throw new Error('恢复目标数据库不是空的（请新建一个空数据库）');
      await restorePostgres(path.join(stage, 'database.pgdump'), config.databaseUrl!);
    } else {
      await restoreSqlite(path.join(stage, 'database.sqlite'), sqliteFile(config));
    }
    const objects = openObjectStore(config);
    try {
      for (const o of manifest.objects) {
        const bytes = fs.readFileSync(path.join(stage, 'objects', o.key));
        if (crypto.createHash('sha256').update(bytes).digest('hex') !== o.sha256) throw new Error(`备份中的文件已损坏：${o.key}`);
        await objects.put(o.key, bytes, 'application/octet-stream');
      }
    } finally {
      objects.close();
    }
    const restored = openDatabase(config.databaseUrl);
    try {
      const rows = await rowCounts(restored.db);
      // Rows written while the dump ran may be in it too, so the counts are a floor.
      const wrong = Object.entries(manifest.rows).filter(([table, n]) => (rows[table] ?? -1) < n);
      if (wrong.length) throw new Error(`恢复后行数不符：${wrong.map(([t, n]) => `${t} ${rows[t] ?? '无此表'} < ${n}`).join(', ')}`);
    } finally {
      await restored.close();
    }
    return manifest;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
