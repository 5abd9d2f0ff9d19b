/**
 * What a sign-up's rows cost SQLite at commit, with random ids against ids led by the time
 * (cloud/core/crypto.ts `newId`), on the real schema: batches of sign-ups (a registration and
 * its three outbox messages each, over 100 events, as group commit batches them) written
 * straight with better-sqlite3, and the WAL frames (pages) each commit appended counted from
 * the WAL file (no checkpoint runs meanwhile). Pages are what a commit writes, so the page
 * count does not depend on the machine's load; the µs do.
 *
 *   npx tsx bench/write-pages.ts
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { newId } from '../cloud/core/crypto';
import { openDatabase } from '../cloud/storage/dialect';
import { migrateToLatest } from '../cloud/storage/migrate';

const SIGNUPS = 20_000;
const BATCH = 14;
const randomId = () => crypto.randomBytes(12).toString('hex');

async function run(label: string, id: () => string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-pages-'));
  const file = path.join(dir, 'pages.sqlite');
  const opened = openDatabase(file, { groupCommit: false });
  await migrateToLatest(opened.db);
  await opened.close();
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('foreign_keys = OFF');
  const events = Array.from({ length: 100 }, () => randomId());
  const register = db.prepare(
    `insert into event_registrations (id, event_id, user_id, status, waitlist_no, checkin_code, created_at, updated_at) values (?, ?, ?, 'confirmed', null, ?, ?, ?)`,
  );
  const message = db.prepare(
    `insert into outbox (id, dedupe_key, user_id, template, page, data, status, attempts, not_before, created_at) values (?, ?, ?, 'eventConfirmed', null, '{}', 'pending', 0, ?, ?)`,
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  const at = new Date().toISOString();
  let us = 0;
  for (let i = 0; i < SIGNUPS; i += BATCH) {
    const start = process.hrtime.bigint();
    db.exec('begin');
    for (let k = i; k < Math.min(i + BATCH, SIGNUPS); k++) {
      const regId = id();
      const user = randomId();
      const event = events[k % events.length]!;
      register.run(regId, event, user, randomId().slice(0, 8), at, at);
      for (const kind of ['confirmed', 'remind1d', 'remind1h']) message.run(id(), `event:${event}:reg:${regId}:${kind}`, user, at, at);
    }
    db.exec('commit');
    us += Number(process.hrtime.bigint() - start) / 1000;
  }
  const frames = (fs.statSync(`${file}-wal`).size - 32) / (4096 + 24);
  const commits = Math.ceil(SIGNUPS / BATCH);
  console.log(`  ${label.padEnd(24)} ${(frames / commits).toFixed(1).padStart(6)} pages a commit of ${BATCH}   ${(us / SIGNUPS).toFixed(1).padStart(6)} µs a sign-up's rows (4 inserts, commit share)`);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  console.log(`${SIGNUPS} sign-ups in commits of ${BATCH}, SQLite WAL, synchronous=NORMAL`);
  for (let round = 0; round < 2; round++) {
    await run('random ids', randomId);
    await run('newId (led by the ms)', newId);
  }
}

void main();
