import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * WeChat's own rules for an uploaded mini-program, checked on a built `dist/` before
 * DevTools or the upload would refuse it (or, worse, before a resident meets a disabled API).
 * Each problem is a sentence in Chinese naming the file.
 */
const KB = 1024;
export const LIMITS = {
  /** Our budget for the main package (WeChat's limit is 2 MB; issue 18 holds it to 650 KB). */
  main: 650 * KB,
  /** WeChat: each subpackage at most 2 MB. */
  subpackage: 2048 * KB,
  /** WeChat: all packages together at most 20 MB. */
  total: 20 * 1024 * KB,
  /** WeChat: a tabBar icon at most 40 KB. */
  tabIcon: 40 * KB,
};

/** APIs WeChat disables unless app.json's requiredPrivateInfos names them (地理位置接口). */
export const PRIVATE_LOCATION_APIS = [
  'getLocation',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const;

/** Files in dist/ that are DevTools settings, not package code. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);
const PAGE_FILES = ['.js', '.json', '.wxml', '.wxss'];

interface AppJson {
  pages?: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  requiredPrivateInfos?: string[];
  __usePrivacyCheck__?: boolean;
  sitemapLocation?: string;
  tabBar?: { list?: Array<{ pagePath: string; iconPath?: string; selectedIconPath?: string }> };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export interface CheckOptions {
  /** A build for upload: minified, no http server URL, no development app key. */
  production: boolean;
  /**
   * Pages the host writes into WeChat (share-card paths, a live card's 进入): each must be
   * in the build, since a card already in a group chat cannot be changed to another page.
   */
  cardPages?: readonly string[];
}

export function checkWeapp(dist: string, options: CheckOptions): string[] {
  const problems: string[] = [];
  const appJsonPath = path.join(dist, 'app.json');
  if (!existsSync(appJsonPath)) return [`${dist} 里没有 app.json：先运行 npm run build:weapp`];
  let app: AppJson;
  try {
    app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson;
  } catch {
    return ['app.json 不是合法的 JSON'];
  }
  const rel = (file: string) => path.relative(dist, file).split(path.sep).join('/');
  const all = filesUnder(dist).filter((f) => !NOT_UPLOADED.has(rel(f)));
  const js = all.filter((f) => f.endsWith('.js'));

  // Pages: WeChat loads each page from its four files.
  const subPackages = app.subPackages ?? app.subpackages ?? [];
  const pages = [...(app.pages ?? []), ...subPackages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
  if (!app.pages?.length) problems.push('app.json 没有 pages');
  for (const page of pages) {
    for (const ext of PAGE_FILES) {
      if (!existsSync(path.join(dist, page + ext))) problems.push(`页面 ${page} 缺少 ${page}${ext}`);
    }
  }

  // Privacy: undeclared location APIs are disabled; the privacy check must be on.
  const declared = new Set(app.requiredPrivateInfos ?? []);
  for (const api of PRIVATE_LOCATION_APIS) {
    const call = new RegExp(`\\.${api}\\s*\\)?\\s*\\(`);
    const user = js.find((f) => call.test(readFileSync(f, 'utf8')));
    if (user && !declared.has(api)) problems.push(`${rel(user)} 调用了 ${api}，但 app.json 的 requiredPrivateInfos 没有声明它（微信会禁用该接口）`);
  }
  for (const page of options.cardPages ?? []) {
    if (!pages.includes(page)) problems.push(`分享卡片打开的页面 ${page} 不在 app.json 里（群里的卡片会打不开）`);
  }

  // wx.getGroupEnterInfo has no promise form: a call without success/fail never answers.
  for (const file of js) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.getGroupEnterInfo\s*\(([^)]{0,200})/g)) {
      if (!/\bsuccess\s*:/.test(m[1]!)) problems.push(`${rel(file)} 调用 getGroupEnterInfo 时没有 success 回调（该接口不支持 Promise 风格，不会有结果）`);
    }
  }

  if (app.__usePrivacyCheck__ !== true) problems.push('app.json 需要 "__usePrivacyCheck__": true（用户隐私保护指引）');

  // sitemap.json: present, referenced, valid.
  const sitemap = app.sitemapLocation;
  if (!sitemap) problems.push('app.json 没有 sitemapLocation');
  else if (!existsSync(path.join(dist, sitemap))) problems.push(`app.json 引用的 ${sitemap} 不存在`);
  else {
    try {
      const parsed = JSON.parse(readFileSync(path.join(dist, sitemap), 'utf8')) as { rules?: unknown[] };
      if (!Array.isArray(parsed.rules) || parsed.rules.length === 0) problems.push(`${sitemap} 没有 rules`);
    } catch {
      problems.push(`${sitemap} 不是合法的 JSON`);
    }
  }

  // tabBar: every icon present, an image, and at most 40 KB.
  for (const item of app.tabBar?.list ?? []) {
    if (!pages.includes(item.pagePath)) problems.push(`tabBar 的 ${item.pagePath} 不在 pages 里`);
    if (item.pagePath.includes('/') && !(app.pages ?? []).includes(item.pagePath)) problems.push(`tabBar 页面 ${item.pagePath} 必须在主包`);
    for (const icon of [item.iconPath, item.selectedIconPath]) {
      if (!icon) continue;
      const file = path.join(dist, icon);
      if (!existsSync(file)) problems.push(`tabBar 图标 ${icon} 不存在`);
      else if (!/\.(png|jpe?g)$/i.test(icon)) problems.push(`tabBar 图标 ${icon} 须为 png 或 jpg`);
      else if (statSync(file).size > LIMITS.tabIcon) problems.push(`tabBar 图标 ${icon} 超过 40 KB`);
    }
  }

  // Sizes, counted as WeChat does: every file under a subpackage's root belongs to it.
  const roots = subPackages.map((p) => p.root.replace(/\/$/, '') + '/');

  // 分包异步化: require.async('<relative path>') must name a file that exists, in a
  // subpackage (what the main package may reach only asynchronously), resolved from the file
  // that calls it, as WeChat resolves it.
  for (const file of js) {
    for (const match of readFileSync(file, 'utf8').matchAll(/require\.async\(\s*["'`]([^"'`]+)["'`]/g)) {
      const target = path.join(path.dirname(file), match[1]!);
      if (!existsSync(target)) problems.push(`${rel(file)} 的 require.async('${match[1]}') 找不到 ${rel(target)}`);
      else if (!roots.some((r) => rel(target).startsWith(r))) problems.push(`${rel(file)} 的 require.async('${match[1]}') 指向主包里的 ${rel(target)}，应在分包里`);
    }
  }

  const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);
  const main = all.filter((f) => !roots.some((r) => rel(f).startsWith(r)));
  const kb = (n: number) => `${(n / KB).toFixed(0)} KB`;
  if (sizeOf(main) > LIMITS.main) problems.push(`主包 ${kb(sizeOf(main))}，超过预算 ${kb(LIMITS.main)}`);
  for (const root of roots) {
    const size = sizeOf(all.filter((f) => rel(f).startsWith(root)));
    if (size > LIMITS.subpackage) problems.push(`分包 ${root} ${kb(size)}，超过微信的 2 MB`);
  }
  if (sizeOf(all) > LIMITS.total) problems.push(`总大小 ${kb(sizeOf(all))}，超过微信的 20 MB`);

  if (options.production) problems.push(...productionProblems(dist, all, rel));
  return problems;
}

function productionProblems(dist: string, all: string[], rel: (f: string) => string): string[] {
  const problems: string[] = [];
  for (const file of all) {
    const text = /\.(js|wxss|wxml)$/.test(file) ? readFileSync(file, 'utf8') : null;
    if (text === null) continue;
    if (file.endsWith('.js')) {
      const local = /["'`]https?:\/\/(127\.0\.0\.1|localhost|0\.0\.0\.0|192\.168\.\d+\.\d+|10\.\d+\.\d+\.\d+)[:/"'`]/.exec(text);
      if (local) problems.push(`${rel(file)} 指向本机/内网地址 ${local[0].slice(1, -1)}：正式版需 https 服务器地址`);
      const http = /serverURL\s*:\s*["'`](http:\/\/[^"'`]*)/.exec(text) ?? /["'`](http:\/\/[^"'`\s]*\/1\.1[^"'`]*)["'`]/.exec(text);
      if (http) problems.push(`${rel(file)} 使用 http 地址 ${http[1]}：微信只允许 https`);
      if (/["'`]linli-dev-key["'`]/.test(text)) problems.push(`${rel(file)} 带着开发用的 app key (linli-dev-key)`);
      const lines = text.split('\n');
      if (text.length > 4 * KB && text.length / lines.length < 200) problems.push(`${rel(file)} 没有压缩（平均每行 ${Math.round(text.length / lines.length)} 个字符）`);
    } else if (file.endsWith('.wxss')) {
      if (/\n[ \t]+\S/.test(text) || /\/\*(?!!)[\s\S]*?\*\//.test(text)) problems.push(`${rel(file)} 没有压缩（有缩进或注释）`);
    } else if (/>\s*\n\s+</.test(text)) {
      problems.push(`${rel(file)} 没有压缩（有换行缩进）`);
    }
  }
  void dist;
  return problems;
}
