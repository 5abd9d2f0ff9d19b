import { mkdtempSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWeapp } from './weapp-rules';

/** A small dist/ that passes every rule; each test breaks one thing. */
function goodDist(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'linli-weapp-'));
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  };
  const app = {
    pages: ['pages/home/index'],
    subPackages: [{ root: 'packages/petitions', pages: ['submit/index'] }],
    requiredPrivateInfos: ['chooseLocation'],
    __usePrivacyCheck__: true,
    sitemapLocation: 'sitemap.json',
    tabBar: { list: [{ pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/home.png', selectedIconPath: 'assets/home-on.png' }] },
  };
  write('app.json', JSON.stringify(app));
  write('app.js', 'require("./vendors");require.async("./packages/petitions/sdk/av-core.js").then(function(m){return m});');
  write('packages/petitions/sdk/av-core.js', 'module.exports={};');
  write('sitemap.json', JSON.stringify({ rules: [{ action: 'allow', page: '*' }] }));
  write('assets/home.png', Buffer.alloc(2048));
  write('assets/home-on.png', Buffer.alloc(2048));
  for (const page of ['pages/home/index', 'packages/petitions/submit/index']) {
    write(`${page}.js`, page.includes('submit') ? 'var n=require("t");n.default.chooseLocation({}).then(function(r){return r});' : 'Page({});');
    write(`${page}.json`, '{}');
    write(`${page}.wxml`, '<template is="taro_tmpl" data="{{root:root}}"/>');
    write(`${page}.wxss`, '.a{color:red}');
  }
  // A minified bundle with the production server in it.
  write('vendors.js', `var s={serverURL:"https://linli.example.cn",appKey:"k"};${'x=1;'.repeat(2000)}`);
  return dist;
}

let dist: string;
beforeEach(() => {
  dist = goodDist();
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

const file = (name: string) => path.join(dist, name);

describe('check:weapp', () => {
  it('passes a dist that follows every rule, for production too', () => {
    expect(checkWeapp(dist, { production: true })).toEqual([]);
  });

  it('fails on a page missing one of its files', () => {
    unlinkSync(file('packages/petitions/submit/index.wxml'));
    expect(checkWeapp(dist, { production: false })).toEqual(['页面 packages/petitions/submit/index 缺少 packages/petitions/submit/index.wxml']);
  });

  it('fails on a location API without requiredPrivateInfos', () => {
    const app = JSON.parse(readFileSync(file('app.json'), 'utf8')) as Record<string, unknown>;
    delete app.requiredPrivateInfos;
    writeFileSync(file('app.json'), JSON.stringify(app));
    expect(checkWeapp(dist, { production: false })).toEqual([
      'packages/petitions/submit/index.js 调用了 chooseLocation，但 app.json 的 requiredPrivateInfos 没有声明它（微信会禁用该接口）',
    ]);
  });

  it('fails on a missing sitemap', () => {
    unlinkSync(file('sitemap.json'));
    expect(checkWeapp(dist, { production: false })).toEqual(['app.json 引用的 sitemap.json 不存在']);
  });

  it('fails a production build pointing at http, or carrying the development app key', () => {
    writeFileSync(file('vendors.js'), `var s={serverURL:"http://127.0.0.1:3000",appKey:"linli-dev-key"};${'x=1;'.repeat(2000)}`);
    const problems = checkWeapp(dist, { production: true });
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('使用 http 地址 http://127.0.0.1:3000'), expect.stringContaining('linli-dev-key')]));
    // A development build may point at the local host.
    expect(checkWeapp(dist, { production: false })).toEqual([]);
  });

  it('fails a production build that is not minified', () => {
    writeFileSync(file('vendors.js'), 'var s = {\n  serverURL: "https://linli.example.cn"\n};\n'.repeat(300));
    writeFileSync(file('pages/home/index.wxss'), '.a {\n  color: red;\n}\n');
    writeFileSync(file('pages/home/index.wxml'), '<view>\n  <text>hi</text>\n</view>');
    expect(checkWeapp(dist, { production: true })).toEqual(
      expect.arrayContaining([expect.stringContaining('vendors.js 没有压缩'), expect.stringContaining('index.wxss 没有压缩'), expect.stringContaining('index.wxml 没有压缩')]),
    );
  });

  it('fails on a missing privacy check, a large tab icon and a subpackage over 2 MB', () => {
    const app = JSON.parse(readFileSync(file('app.json'), 'utf8')) as Record<string, unknown>;
    delete app.__usePrivacyCheck__;
    writeFileSync(file('app.json'), JSON.stringify(app));
    writeFileSync(file('assets/home.png'), Buffer.alloc(41 * 1024));
    writeFileSync(file('packages/petitions/big.png'), Buffer.alloc(2049 * 1024));
    expect(checkWeapp(dist, { production: false })).toEqual([
      'app.json 需要 "__usePrivacyCheck__": true（用户隐私保护指引）',
      'tabBar 图标 assets/home.png 超过 40 KB',
      '分包 packages/petitions/ 2049 KB，超过微信的 2 MB',
    ]);
  });

  it('fails on a require.async whose file is missing or sits in the main package', () => {
    unlinkSync(file('packages/petitions/sdk/av-core.js'));
    writeFileSync(file('common.js'), 'require.async("./lib/sdk.js");');
    mkdirSync(file('lib'));
    writeFileSync(file('lib/sdk.js'), 'module.exports={};');
    expect(checkWeapp(dist, { production: false })).toEqual([
      "app.js 的 require.async('./packages/petitions/sdk/av-core.js') 找不到 packages/petitions/sdk/av-core.js",
      "common.js 的 require.async('./lib/sdk.js') 指向主包里的 lib/sdk.js，应在分包里",
    ]);
  });

  it('fails when a page the share cards open is not in the build', () => {
    expect(checkWeapp(dist, { production: false, cardPages: ['packages/petitions/submit/index'] })).toEqual([]);
    expect(checkWeapp(dist, { production: false, cardPages: ['packages/events/detail/index'] })).toEqual([
      '分享卡片打开的页面 packages/events/detail/index 不在 app.json 里（群里的卡片会打不开）',
    ]);
  });

  it('fails on getGroupEnterInfo called promise-style (WeChat gives it no promise form), not on a call with callbacks', () => {
    writeFileSync(file('pages/home/index.js'), 'Page({});var t=require("t");t.default.getGroupEnterInfo({success:function(r){a(r)},fail:b});');
    expect(checkWeapp(dist, { production: false })).toEqual([]);
    writeFileSync(file('pages/home/index.js'), 'Page({});var t=require("t");t.default.getGroupEnterInfo().then(function(r){a(r)});');
    expect(checkWeapp(dist, { production: false })).toEqual(['pages/home/index.js 调用 getGroupEnterInfo 时没有 success 回调（该接口不支持 Promise 风格，不会有结果）']);
  });
});
