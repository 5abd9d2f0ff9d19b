import crypto from 'node:crypto';
import { AppError } from '../../types';
import { CreateArticleInput } from '../../types/articles';
import { CreateEventInput } from '../../types/events';
import { sanitizeArticleHtml } from '../articles/lib/sanitize';
import { getRegion } from '../communities/communities.storage';
import { HOUR } from '../core/clock';
import { leancloudPasswordHash } from '../core/password';
import type { Services } from '../core/services';
import { newCheckinCode } from '../events/lib/event-view';
import { newEventRow, scheduleOf } from '../events/lib/event-fields';
import { registerResident } from '../events/events.storage';
import { grantsOf, insertGrant } from '../roles/roles.storage';
import type { UsersTable } from '../storage/schema';
import type { ClassRows, ExportSource, LcRow } from './export-source';
import { storeImportedFile } from './imported-files';
import {
  articleExists,
  ensureImportAccount,
  eventExists,
  importedFile,
  insertImportedArticle,
  insertImportedEvent,
  insertImportedUser,
  registrationExists,
  rememberImportedFile,
  takenIdentity,
  userExists,
} from './leancloud-import.storage';
import type { ArticleClassMapping, EventClassMapping, LeancloudMapping, RegistrationClassMapping } from './mapping';

export interface ImportOptions {
  /** Read and check everything, write nothing. */
  dryRun: boolean;
  /** The host's public https origin; copied pictures are linked under it in article bodies. */
  publicUrl: string;
  fetch?: typeof fetch;
}

export interface ClassReport {
  className: string;
  /** What it became in Linli. */
  target: string;
  rows: number;
  /** Imported in this run (or, in a dry run, that would be). */
  imported: number;
  /** Of those imported, how many stay drafts because their ACL did not let everyone read them. */
  drafts: number;
  /** Why rows were left out, with how many. */
  skipped: Record<string, number>;
  unmappedFields: string[];
  problems: string[];
}

export interface ImportReport {
  dryRun: boolean;
  source: string;
  classes: ClassReport[];
  unmappedClasses: Array<{ className: string; rows: number }>;
  ignoredClasses: string[];
  unmappedRoles: Array<{ name: string; members: number }>;
  missingPointers: Array<{ className: string; objectId: string; field: string; target: string }>;
  failedFiles: Array<{ objectId: string; url: string; reason: string }>;
  /** Nothing missing, unmapped or failed: every row is in Linli or was already. */
  clean: boolean;
}

export const ALREADY_IMPORTED = '已导入过';
export const CANCELLED_NOT_IMPORTED = '已取消的报名不导入';
/** Skips that are the import doing its job, not something to look into. */
const EXPECTED_SKIPS: string[] = [ALREADY_IMPORTED, CANCELLED_NOT_IMPORTED];

// Columns every LeanCloud row has, or that LeanCloud manages for users; not "unmapped".
const ROW_COLUMNS = ['objectId', 'createdAt', 'updatedAt', 'ACL'];
const USER_COLUMNS = [
  ...ROW_COLUMNS,
  'username',
  'password',
  'salt',
  'authData',
  'sessionToken',
  'mobilePhoneNumber',
  'mobilePhoneVerified',
  'email',
  'emailVerified',
];

/**
 * Imports a LeanCloud app's data into Linli through a mapping file. Order matters only
 * for references: users, roles, files, then the mapped classes (articles and events
 * before registrations). Every write keeps LeanCloud's objectId where Linli keeps one, so
 * running it again adds nothing and an interrupted run resumes.
 */
export async function importLeancloud(
  services: Services,
  source: ExportSource,
  mapping: LeancloudMapping,
  options: ImportOptions,
): Promise<ImportReport> {
  const run = new ImportRun(services, source, mapping, options);
  return run.execute();
}

class ImportRun {
  private readonly report: ImportReport;
  private readonly data = new Map<string, ClassRows>();
  /** objectIds that exist in Linli after (or, dry, would exist after) each class. */
  private readonly present = new Map<string, Set<string>>();
  /** LeanCloud file objectId → Linli file id and its LeanCloud URL. */
  private readonly files = new Map<string, { fileId: string | null; url: string }>();
  private readonly now: Date;
  private fileOwner: string | null = null;

  constructor(
    private readonly services: Services,
    private readonly source: ExportSource,
    private readonly mapping: LeancloudMapping,
    private readonly options: ImportOptions,
  ) {
    this.now = services.clock.now();
    this.report = {
      dryRun: options.dryRun,
      source: source.description,
      classes: [],
      unmappedClasses: [],
      ignoredClasses: [],
      unmappedRoles: [],
      missingPointers: [],
      failedFiles: [],
      clean: false,
    };
  }

  async execute(): Promise<ImportReport> {
    const names = await this.source.classNames();
    for (const name of names) this.data.set(name, await this.source.readClass(name));
    const handled = new Set(['_User', '_Role', '_File', ...Object.keys(this.mapping.classes)]);
    for (const name of names) {
      if (handled.has(name)) continue;
      if (this.mapping.ignore.includes(name)) this.report.ignoredClasses.push(name);
      else this.report.unmappedClasses.push({ className: name, rows: this.rowsOf(name).length });
    }

    if (this.data.has('_User')) await this.importUsers();
    if (this.data.has('_Role')) await this.importRoles();
    if (this.data.has('_File')) await this.importFiles();
    const mapped = Object.entries(this.mapping.classes).filter(([name]) => this.data.has(name));
    const order = { articles: 0, events: 1, eventRegistrations: 2 } as const;
    mapped.sort(([, a], [, b]) => order[a.domain] - order[b.domain]);
    for (const [name, m] of mapped) {
      if (m.domain === 'articles') await this.importArticles(name, m);
      else if (m.domain === 'events') await this.importEvents(name, m);
      else await this.importRegistrations(name, m);
    }

    const r = this.report;
    r.clean =
      r.unmappedClasses.length === 0 &&
      r.unmappedRoles.length === 0 &&
      r.missingPointers.length === 0 &&
      r.failedFiles.length === 0 &&
      r.classes.every((c) => c.unmappedFields.length === 0 && c.problems.length === 0 && Object.keys(c.skipped).every((k) => EXPECTED_SKIPS.includes(k)));
    return r;
  }

  private rowsOf(name: string): LcRow[] {
    return this.data.get(name)?.rows ?? [];
  }

  private classReport(className: string, target: string, known: string[]): ClassReport {
    const rows = this.rowsOf(className);
    const columns = new Set(rows.flatMap((row) => Object.keys(row)));
    const report: ClassReport = {
      className,
      target,
      rows: rows.length,
      imported: 0,
      drafts: 0,
      skipped: {},
      unmappedFields: known.length ? [...columns].filter((c) => !known.includes(c)).sort() : [],
      problems: [...(this.data.get(className)?.problems ?? [])],
    };
    this.report.classes.push(report);
    return report;
  }

  private skip(report: ClassReport, reason: string): void {
    report.skipped[reason] = (report.skipped[reason] ?? 0) + 1;
  }

  /**
   * Writes one row of a content class (unless a dry run) and counts it, a draft apart;
   * a row another run already wrote counts as skipped.
   */
  private async keepContent(className: string, report: ClassReport, objectId: string, isDraft: boolean, insert: () => Promise<boolean>): Promise<void> {
    if (!this.options.dryRun && !(await insert())) {
      this.skip(report, ALREADY_IMPORTED);
      return;
    }
    this.markPresent(className, objectId);
    report.imported += 1;
    if (isDraft) report.drafts += 1;
  }

  private markPresent(className: string, id: string): void {
    const set = this.present.get(className) ?? new Set<string>();
    set.add(id);
    this.present.set(className, set);
  }

  // ---------------------------------------------------------------- users

  private async importUsers(): Promise<void> {
    const m = this.mapping.users;
    const known = [...USER_COLUMNS, m.nickname, m.avatarUrl, m.homeCommunity].filter((c): c is string => !!c);
    if (!m.nickname) known.push('nickName', 'nickname');
    const report = this.classReport('_User', '用户', known);
    const { db, cipher } = this.services;
    for (const row of this.rowsOf('_User')) {
      const auth = (row.authData ?? {}) as { lc_weapp?: { openid?: unknown; unionid?: unknown }; _weixin_unionid?: { uid?: unknown } };
      const openid = str(auth.lc_weapp?.openid);
      // LeanCloud keeps a weixin unionid under lc_weapp, or (preferUnionId / asMainAccount) as _weixin_unionid.
      const unionid = str(auth.lc_weapp?.unionid) ?? str(auth._weixin_unionid?.uid);
      const phone = str(row.mobilePhoneNumber);
      const password = str(row.password);
      const salt = str(row.salt);
      const community = m.homeCommunity ? str(row[m.homeCommunity]) : null;
      const homeCommunityId = community ? (m.communities[community] ?? community) : null;
      if (homeCommunityId && !(await getRegion(db, homeCommunityId))) {
        report.problems.push(`${row.objectId}：所属社区“${community}”在邻里通里没有，已留空`);
      }
      const at = dateOf(row.createdAt) ?? this.now;
      const user: UsersTable = {
        id: row.objectId,
        openid,
        unionid,
        username: str(row.username),
        password_hash: password && salt ? leancloudPasswordHash(salt, password) : null,
        nickname: (m.nickname ? str(row[m.nickname]) : (str(row.nickName) ?? str(row.nickname))) ?? '微信用户',
        avatar_url: m.avatarUrl ? httpsUrl(row[m.avatarUrl]) : null,
        home_community_id: homeCommunityId && (await getRegion(db, homeCommunityId)) ? homeCommunityId : null,
        // PIPL: the number is encrypted with the data key on the way in, never stored plain.
        phone_enc: phone ? cipher.encrypt(phone) : null,
        phone_index: phone ? cipher.blindIndex(phone) : null,
        phone_tail: phone ? phone.slice(-4) : null,
        invite_code: null,
        failed_logins: 0,
        locked_until: null,
        created_at: at.toISOString(),
        updated_at: (dateOf(row.updatedAt) ?? at).toISOString(),
        deleted_at: null,
      };
      if (await userExists(db, user.id)) {
        this.markPresent('_User', user.id);
        this.skip(report, ALREADY_IMPORTED);
        continue;
      }
      const clash = await takenIdentity(db, user);
      if (clash) {
        this.skip(report, `${clash} 已属于邻里通里的另一个账号`);
        continue;
      }
      if (!this.options.dryRun && !(await insertImportedUser(db, user))) {
        this.skip(report, '与同时写入的账号冲突');
        continue;
      }
      this.markPresent('_User', user.id);
      report.imported += 1;
    }
  }

  // ---------------------------------------------------------------- roles

  private async importRoles(): Promise<void> {
    const report = this.classReport('_Role', '角色授权', []);
    const { db } = this.services;
    for (const row of this.rowsOf('_Role')) {
      const name = str(row.name) ?? row.objectId;
      const members = await this.source.roleMembers(row.objectId);
      const target = this.mapping.roles[name];
      if (!target) {
        // Never guessed: a role name says nothing reliable about scope.
        this.report.unmappedRoles.push({ name, members: members.length });
        this.skip(report, '映射文件没有这个角色');
        continue;
      }
      if (!(await getRegion(db, target.scope))) {
        report.problems.push(`角色 ${name}：范围“${target.scope}”在邻里通里没有`);
        continue;
      }
      for (const userId of members) {
        if (!(await this.exists('_User', userId))) {
          this.report.missingPointers.push({ className: '_Role', objectId: row.objectId, field: 'users', target: `_User/${userId}` });
          continue;
        }
        const held = await grantsOf(db, userId);
        if (held.some((g) => g.role === target.role && g.scopeId === target.scope)) {
          this.skip(report, ALREADY_IMPORTED);
          continue;
        }
        if (!this.options.dryRun) await insertGrant(db, { userId, role: target.role, scopeId: target.scope, grantedBy: null, now: this.now });
        report.imported += 1;
      }
    }
  }

  // ---------------------------------------------------------------- files

  private async importFiles(): Promise<void> {
    const report = this.classReport('_File', '文件', []);
    const { db } = this.services;
    const doFetch = this.options.fetch ?? fetch;
    for (const row of this.rowsOf('_File')) {
      const url = str(row.url);
      if (!url) {
        this.skip(report, '没有下载地址');
        continue;
      }
      const done = await importedFile(db, row.objectId);
      if (done) {
        this.files.set(row.objectId, { fileId: done.fileId, url });
        this.skip(report, ALREADY_IMPORTED);
        continue;
      }
      if (this.options.dryRun) {
        // Ask whether LeanCloud still serves it, without downloading.
        const reason = await doFetch(url, { method: 'HEAD', signal: AbortSignal.timeout(30_000) })
          .then((r) => (r.ok ? null : `HTTP ${r.status}`))
          .catch((e: unknown) => `无法连接：${String(e)}`);
        if (reason) this.report.failedFiles.push({ objectId: row.objectId, url, reason });
        else report.imported += 1;
        this.files.set(row.objectId, { fileId: reason ? null : `dry-${row.objectId}`, url });
        continue;
      }
      let bytes: Buffer;
      try {
        const response = await doFetch(url, { signal: AbortSignal.timeout(60_000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        bytes = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        this.report.failedFiles.push({ objectId: row.objectId, url, reason: error instanceof Error ? error.message : String(error) });
        this.files.set(row.objectId, { fileId: null, url });
        continue;
      }
      try {
        this.fileOwner ??= await ensureImportAccount(db, this.now);
        const stored = await storeImportedFile(this.services, this.fileOwner, bytes);
        await rememberImportedFile(db, row.objectId, stored.id, url, this.now);
        this.files.set(row.objectId, { fileId: stored.id, url });
        report.imported += 1;
      } catch (error) {
        const reason = error instanceof AppError ? error.message : String(error);
        this.report.failedFiles.push({ objectId: row.objectId, url, reason });
        this.files.set(row.objectId, { fileId: null, url });
      }
    }
  }

  private publicFileUrl(fileId: string): string {
    return `${this.options.publicUrl.replace(/\/$/, '')}/api/files/${fileId}`;
  }

  /** Every copied file's LeanCloud URL (http or https) replaced by its Linli link. */
  private rewriteFileUrls(text: string): { text: string; fileIds: string[] } {
    const fileIds: string[] = [];
    let out = text;
    for (const { fileId, url } of this.files.values()) {
      if (!fileId) continue;
      const bare = url.replace(/^https?:\/\//, '');
      const pattern = new RegExp(`https?://${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
      if (!pattern.test(out)) continue;
      out = out.replace(pattern, this.publicFileUrl(fileId));
      fileIds.push(fileId);
    }
    return { text: out, fileIds };
  }

  /** A file column (pointer to _File, or a File value, or a URL) as a Linli link. */
  private fileColumn(value: unknown): { url: string | null; fileId: string | null } {
    const ref = value as { __type?: string; className?: string; objectId?: string; id?: string; url?: string } | null;
    const objectId = ref?.__type === 'Pointer' && ref.className === '_File' ? ref.objectId : ref?.__type === 'File' ? (ref.objectId ?? ref.id) : undefined;
    if (objectId) {
      const file = this.files.get(objectId);
      return file?.fileId ? { url: this.publicFileUrl(file.fileId), fileId: file.fileId } : { url: null, fileId: null };
    }
    if (typeof value === 'string') {
      const { text, fileIds } = this.rewriteFileUrls(value);
      return { url: text.startsWith('https://') ? text : null, fileId: fileIds[0] ?? null };
    }
    return { url: null, fileId: null };
  }

  // ---------------------------------------------------------------- shared

  private async exists(className: string, id: string): Promise<boolean> {
    if (this.present.get(className)?.has(id)) return true;
    if (className === '_User') return userExists(this.services.db, id);
    const m = this.mapping.classes[className];
    if (m?.domain === 'articles') return articleExists(this.services.db, id);
    if (m?.domain === 'events') return eventExists(this.services.db, id);
    return false;
  }

  /** A pointer column's target, or null (and the miss reported) when it points nowhere. */
  private async pointer(className: string, row: LcRow, field: string, expected?: string): Promise<string | null> {
    const p = row[field] as { __type?: string; className?: string; objectId?: string } | undefined;
    if (!p || p.__type !== 'Pointer' || !p.objectId || !p.className || (expected && p.className !== expected)) return null;
    if (await this.exists(p.className, p.objectId)) return p.objectId;
    this.report.missingPointers.push({ className, objectId: row.objectId, field, target: `${p.className}/${p.objectId}` });
    return null;
  }

  private async scopeOf(report: ClassReport, m: { scope: string; scopeField?: string; scopes: Record<string, string> }, row: LcRow): Promise<string | null> {
    const value = m.scopeField ? str(row[m.scopeField]) : null;
    const scope = value ? (m.scopes[value] ?? null) : m.scope;
    if (!scope) {
      report.problems.push(`${row.objectId}：${m.scopeField}“${value}”没有对应的社区`);
      return null;
    }
    if (!(await getRegion(this.services.db, scope))) {
      report.problems.push(`${row.objectId}：范围“${scope}”在邻里通里没有`);
      return null;
    }
    return scope;
  }

  /**
   * The rows of a content class still to import, each with its community: a row an earlier
   * run wrote is counted as skipped (and present, for pointers to it), as is one with no
   * community here.
   */
  private async *newContentRows(
    className: string,
    report: ClassReport,
    m: { scope: string; scopeField?: string; scopes: Record<string, string> },
    exists: (db: Services['db'], id: string) => Promise<boolean>,
  ): AsyncGenerator<{ row: LcRow; scopeId: string }> {
    for (const row of this.rowsOf(className)) {
      if (await exists(this.services.db, row.objectId)) {
        this.markPresent(className, row.objectId);
        this.skip(report, ALREADY_IMPORTED);
        continue;
      }
      const scopeId = await this.scopeOf(report, m, row);
      if (!scopeId) {
        this.skip(report, '没有所属社区');
        continue;
      }
      yield { row, scopeId };
    }
  }

  // ---------------------------------------------------------------- articles

  private async importArticles(className: string, m: ArticleClassMapping): Promise<void> {
    const report = this.classReport(className, '资讯', [...ROW_COLUMNS, ...Object.values(m.fields), ...(m.scopeField ? [m.scopeField] : [])]);
    const { db } = this.services;
    for await (const { row, scopeId } of this.newContentRows(className, report, m, articleExists)) {
      const body = this.rewriteFileUrls(str(row[m.fields.body]) ?? '');
      const cover = m.fields.cover ? this.fileColumn(row[m.fields.cover]) : { url: null, fileId: null };
      const rawCategory = m.fields.category ? str(row[m.fields.category]) : null;
      const category = rawCategory ? m.categories[rawCategory] : undefined;
      if (rawCategory && !category) report.problems.push(`${row.objectId}：栏目“${rawCategory}”未映射，按“${m.defaultCategory}”导入`);
      const parsed = CreateArticleInput.safeParse({
        title: str(row[m.fields.title]) ?? '',
        summary: (m.fields.summary ? str(row[m.fields.summary]) : null) ?? '',
        coverUrl: cover.url,
        // Re-sanitized with today's rules: whatever LeanCloud stored, only the safe subset gets in.
        bodyHtml: sanitizeArticleHtml(body.text),
        category: category ?? m.defaultCategory,
        scopeId,
        pinned: m.fields.pinned ? row[m.fields.pinned] === true : false,
      });
      if (!parsed.success) {
        this.skip(report, `内容不符合邻里通的要求：${parsed.error.issues[0]?.message ?? ''}`);
        continue;
      }
      // A row only its owner or a role could read was not public on LeanCloud: it stays a draft.
      const isDraft = !aclIsPublic(row.ACL) || (m.fields.draft ? row[m.fields.draft] === true : false);
      const publishedAt = (m.fields.publishedAt ? dateOf(row[m.fields.publishedAt]) : null) ?? dateOf(row.createdAt) ?? this.now;
      const author = m.fields.author ? await this.pointer(className, row, m.fields.author, '_User') : null;
      const a = parsed.data;
      const at = (dateOf(row.createdAt) ?? this.now).toISOString();
      await this.keepContent(className, report, row.objectId, isDraft, () =>
        insertImportedArticle(
          db,
          {
            id: row.objectId,
            scope_id: a.scopeId,
            category: a.category,
            title: a.title,
            summary: a.summary,
            cover_url: a.coverUrl,
            body_html: a.bodyHtml,
            reporters: JSON.stringify(a.reporters),
            correspondents: JSON.stringify(a.correspondents),
            pinned: a.pinned ? 1 : 0,
            pledge_prompt: null,
            status: isDraft ? 'draft' : 'published',
            publish_at: isDraft ? null : publishedAt.toISOString(),
            created_by: author,
            created_at: at,
            updated_at: (dateOf(row.updatedAt) ?? new Date(at)).toISOString(),
          },
          [...body.fileIds, ...(cover.fileId ? [cover.fileId] : [])],
        ),
      );
    }
  }

  // ---------------------------------------------------------------- events

  private async importEvents(className: string, m: EventClassMapping): Promise<void> {
    const report = this.classReport(className, '活动', [...ROW_COLUMNS, ...Object.values(m.fields), ...(m.scopeField ? [m.scopeField] : [])]);
    const { db } = this.services;
    for await (const { row, scopeId } of this.newContentRows(className, report, m, eventExists)) {
      const startsAt = dateOf(row[m.fields.startsAt]);
      if (!startsAt) {
        this.skip(report, '没有开始时间');
        continue;
      }
      // Linli needs an end, a sign-up window and a cancellation cut-off: derived where LeanCloud had none.
      const endsAt = (m.fields.endsAt ? dateOf(row[m.fields.endsAt]) : null) ?? new Date(startsAt.getTime() + m.defaultHours * HOUR);
      const rawCategory = m.fields.category ? str(row[m.fields.category]) : null;
      const category = rawCategory ? m.categories[rawCategory] : undefined;
      if (rawCategory && !category) report.problems.push(`${row.objectId}：类别“${rawCategory}”未映射，按“${m.defaultCategory}”导入`);
      const capacity = m.fields.capacity ? Number(row[m.fields.capacity] ?? 0) : 0;
      const parsed = CreateEventInput.safeParse({
        title: str(row[m.fields.title]) ?? '',
        category: category ?? m.defaultCategory,
        scopeId,
        description: this.rewriteFileUrls((m.fields.description ? str(row[m.fields.description]) : null) ?? '').text,
        organizer: (m.fields.organizer ? str(row[m.fields.organizer]) : null) ?? m.organizer,
        venue: str(row[m.fields.venue]) ?? '',
        startsAt,
        endsAt,
        capacity: Number.isFinite(capacity) ? capacity : -1,
        signupClosesAt: (m.fields.signupClosesAt ? dateOf(row[m.fields.signupClosesAt]) : null) ?? undefined,
        cancelCutoffMinutes: m.cancelCutoffMinutes,
      });
      if (!parsed.success) {
        this.skip(report, `内容不符合邻里通的要求：${parsed.error.issues[0]?.message ?? ''}`);
        continue;
      }
      const e = parsed.data;
      const createdAt = dateOf(row.createdAt) ?? this.now;
      const closes = e.signupClosesAt ?? e.startsAt;
      let schedule;
      try {
        schedule = scheduleOf({ ...e, signupOpensAt: createdAt < closes ? createdAt : new Date(closes.getTime() - 24 * HOUR) }, this.now);
      } catch (error) {
        this.skip(report, `时间不合理：${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const isDraft = !aclIsPublic(row.ACL);
      await this.keepContent(className, report, row.objectId, isDraft, () =>
        insertImportedEvent(
          db,
          newEventRow({ ...e, id: row.objectId, requiresSignup: true }, schedule, {
            state: isDraft ? 'draft' : 'published',
            createdBy: null,
            createdAt,
            updatedAt: dateOf(row.updatedAt) ?? createdAt,
          }),
        ),
      );
    }
  }

  // ---------------------------------------------------------------- registrations

  private async importRegistrations(className: string, m: RegistrationClassMapping): Promise<void> {
    const report = this.classReport(className, '活动报名', [...ROW_COLUMNS, ...Object.values(m.fields)]);
    const { db } = this.services;
    const eventClasses = Object.entries(this.mapping.classes).filter(([, c]) => c.domain === 'events').map(([name]) => name);
    // Oldest first, so seats go in the order residents signed up and the rest wait in line.
    const rows = [...this.rowsOf(className)].sort((a, b) => String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? '')));
    for (const row of rows) {
      if (m.fields.status && m.cancelledValues.some((v) => v === row[m.fields.status!])) {
        this.skip(report, CANCELLED_NOT_IMPORTED);
        continue;
      }
      const ref = row[m.fields.event] as { className?: string } | undefined;
      const eventId = ref?.className && eventClasses.includes(ref.className) ? await this.pointer(className, row, m.fields.event) : null;
      const userId = await this.pointer(className, row, m.fields.user, '_User');
      if (!eventId || !userId) {
        this.skip(report, '指向的活动或居民不存在');
        continue;
      }
      if (await registrationExists(db, eventId, userId)) {
        this.skip(report, ALREADY_IMPORTED);
        continue;
      }
      if (!this.options.dryRun) {
        // The same transaction as a sign-up in the app: seats up to the capacity, then the waitlist.
        const { created } = await registerResident(db, {
          eventId,
          userId,
          sharedBy: null,
          code: newCheckinCode(crypto.randomBytes),
          now: dateOf(row.createdAt) ?? this.now,
          notify: () => [],
        });
        if (!created) {
          this.skip(report, ALREADY_IMPORTED);
          continue;
        }
      }
      report.imported += 1;
    }
  }
}

// ---------------------------------------------------------------- LeanCloud values

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function httpsUrl(value: unknown): string | null {
  const s = str(value);
  return s && s.startsWith('https://') && s.length <= 500 ? s : null;
}

/** `createdAt`/`updatedAt` come as plain ISO strings, other dates as `{"__type":"Date","iso"}`. */
export function dateOf(value: unknown): Date | null {
  const iso = typeof value === 'string' ? value : (value as { __type?: string; iso?: unknown } | null)?.__type === 'Date' ? (value as { iso: unknown }).iso : null;
  if (typeof iso !== 'string') return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Whether everyone could read the row on LeanCloud. An ACL is keyed by `*`, a user id or
 * `role:<name>`; only `*` with read makes it public. A row without ACL was public.
 */
export function aclIsPublic(acl: unknown): boolean {
  if (acl === undefined || acl === null) return true;
  const everyone = (acl as Record<string, { read?: boolean } | undefined>)['*'];
  return everyone?.read === true;
}
