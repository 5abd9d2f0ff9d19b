import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';

/** One row of a LeanCloud class as exported or scanned: REST encoding, objectId always present. */
export type LcRow = Record<string, unknown> & { objectId: string };

export interface ClassRows {
  rows: LcRow[];
  /** Lines that were not a row, with why: reported, never guessed at. */
  problems: string[];
}

/** Where the importer reads LeanCloud data from: an export (folder or tarball) or the scan API. */
export interface ExportSource {
  description: string;
  classNames(): Promise<string[]>;
  readClass(className: string): Promise<ClassRows>;
  /** objectIds of the users in a role's `users` relation. */
  roleMembers(roleId: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * LeanCloud's 数据导出: one `<Class>.<N>.jsonl` (JSON Lines) file or more per class. The
 * first line of each is a `#filetype:JSON-streaming {...}` header, skipped like any line
 * starting with `#`. A relation comes as `_Join:<key>:<Class>` rows of
 * `{owningId, relatedId}`; the importer reads `_Join:users:_Role` for role members
 * (also accepted with `-` for `:`, a name every file system can hold).
 */
export async function openExport(location: string): Promise<ExportSource> {
  const stat = fs.statSync(location);
  if (stat.isDirectory()) return folderSource(location, async () => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-leancloud-'));
  await tar.x({ file: location, cwd: dir, strict: true });
  return folderSource(dir, async () => fs.rmSync(dir, { recursive: true, force: true }));
}

const FILE = /^(.+?)(?:\.(\d+))?\.jsonl$/;
const ROLE_JOIN = /^_Join[:-]users[:-]_Role$/;

function jsonlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonlFiles(full));
    else if (FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function folderSource(dir: string, cleanup: () => Promise<void>): ExportSource {
  const byClass = new Map<string, string[]>();
  for (const file of jsonlFiles(dir)) {
    const className = FILE.exec(path.basename(file))![1]!;
    byClass.set(className, [...(byClass.get(className) ?? []), file]);
  }
  return {
    description: dir,
    classNames: async () => [...byClass.keys()].filter((c) => !c.startsWith('_Join')),
    async readClass(className) {
      const rows: LcRow[] = [];
      const problems: string[] = [];
      for (const file of byClass.get(className) ?? []) {
        const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
        lines.forEach((line, index) => {
          if (line.trim() === '' || line.startsWith('#')) return;
          const where = `${path.basename(file)} 第${index + 1}行`;
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch {
            problems.push(`${where}：不是有效的 JSON`);
            return;
          }
          const row = value as Partial<LcRow>;
          if (!row || typeof row !== 'object' || typeof row.objectId !== 'string') problems.push(`${where}：缺少 objectId`);
          else rows.push(row as LcRow);
        });
      }
      return { rows, problems };
    },
    async roleMembers(roleId) {
      return joinRows([...byClass].filter(([c]) => ROLE_JOIN.test(c)).flatMap(([, files]) => files))
        .filter((r) => r.owningId === roleId)
        .map((r) => r.relatedId);
    },
    close: cleanup,
  };
}

function joinRows(files: string[]): Array<{ owningId: string; relatedId: string }> {
  const out: Array<{ owningId: string; relatedId: string }> = [];
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      try {
        const r = JSON.parse(line) as { owningId?: unknown; relatedId?: unknown };
        if (typeof r.owningId === 'string' && typeof r.relatedId === 'string') out.push({ owningId: r.owningId, relatedId: r.relatedId });
      } catch {
        // A broken join line names no member; the role is granted to the members that parse.
      }
    }
  }
  return out;
}

export interface ScanOptions {
  /** The app's API domain, e.g. https://abcd1234.lc-cn-n1-shared.com */
  serverUrl: string;
  appId: string;
  masterKey: string;
  classes: string[];
  /** Rows a page; LeanCloud allows at most 1000 (the default). */
  pageSize?: number;
  fetch?: typeof fetch;
}

/**
 * LeanCloud's REST scan API (存储 REST API · 遍历 Class) for teams who cannot get a
 * tarball: `GET /1.1/scan/classes/<Class>` with the master key, 1000 rows a page,
 * following `cursor` until it is null. Role members come from a `$relatedTo` query.
 */
export function scanSource(options: ScanOptions): ExportSource {
  const doFetch = options.fetch ?? fetch;
  const base = options.serverUrl.replace(/\/$/, '');
  const headers = { 'X-LC-Id': options.appId, 'X-LC-Key': `${options.masterKey},master` };
  async function get<T>(pathAndQuery: string): Promise<T> {
    const response = await doFetch(base + pathAndQuery, { headers, signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    if (!response.ok) throw new Error(`LeanCloud ${pathAndQuery.split('?')[0]} 返回 HTTP ${response.status}：${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
  return {
    description: `${base}（scan API）`,
    classNames: async () => options.classes,
    async readClass(className) {
      const rows: LcRow[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: String(Math.min(options.pageSize ?? 1000, 1000)), ...(cursor && { cursor }) });
        const page: { results: LcRow[]; cursor?: string | null } = await get(`/1.1/scan/classes/${encodeURIComponent(className)}?${query}`);
        rows.push(...page.results);
        cursor = page.cursor ?? null;
      } while (cursor);
      return { rows, problems: [] };
    },
    async roleMembers(roleId) {
      const members: string[] = [];
      for (let skip = 0; ; skip += 1000) {
        const where = JSON.stringify({ $relatedTo: { object: { __type: 'Pointer', className: '_Role', objectId: roleId }, key: 'users' } });
        const query = new URLSearchParams({ where, keys: 'objectId', limit: '1000', skip: String(skip) });
        const page: { results: Array<{ objectId: string }> } = await get(`/1.1/classes/_User?${query}`);
        members.push(...page.results.map((r) => r.objectId));
        if (page.results.length < 1000) return members;
      }
    },
    close: async () => {},
  };
}
