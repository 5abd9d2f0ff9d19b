import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { systemClock } from '../core/clock';
import { createDataCipher } from '../core/crypto';
import { openObjectStore } from '../files/object-store';
import type { Services } from '../core/services';
import { openDatabase } from '../storage/dialect';
import { migrateToLatest } from '../storage/migrate';
import { createWechatClient } from '../wechat/client';
import { openExport, scanSource, type ExportSource } from './export-source';
import { formatReport } from './format-report';
import { importLeancloud } from './import-leancloud';
import { loadMapping } from './mapping';

const USAGE = `用法：
  npm run import:leancloud -- <导出的 .tar.gz 或文件夹> --map <mapping.json> [--dry-run] [--public-url https://…] [--json report.json]
  npm run import:leancloud -- --scan <LeanCloud API 域名> --app-id <AppID> --classes _User,_Role,_File,Article --map <mapping.json> …
    （Master Key 从环境变量 LEANCLOUD_MASTER_KEY 读取）
写入 DATABASE_URL 指向的数据库（与主机相同的配置）。退出码：0 干净，3 报告里有需要处理的问题。`;

/** `npm run import:leancloud`: see README, "Moving from LeanCloud". */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      map: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'public-url': { type: 'string' },
      json: { type: 'string' },
      scan: { type: 'string' },
      'app-id': { type: 'string' },
      classes: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.map || (!values.scan && positionals.length !== 1)) {
    console.error(USAGE);
    return 1;
  }
  const config = loadConfig();
  const publicUrl = values['public-url'] ?? process.env.LINLI_PUBLIC_URL ?? '';
  if (!values['dry-run'] && !/^https:\/\/[^/]+/.test(publicUrl)) {
    console.error('请用 --public-url（或 LINLI_PUBLIC_URL）给出主机对外的 https 地址：文章里的图片将链接到它。');
    return 1;
  }
  const mapping = loadMapping(values.map);
  let source: ExportSource;
  if (values.scan) {
    const masterKey = process.env.LEANCLOUD_MASTER_KEY;
    if (!values['app-id'] || !masterKey || !values.classes) {
      console.error('scan 需要 --app-id、--classes 和环境变量 LEANCLOUD_MASTER_KEY');
      return 1;
    }
    source = scanSource({ serverUrl: values.scan, appId: values['app-id'], masterKey, classes: values.classes.split(',').map((c) => c.trim()) });
  } else {
    source = await openExport(positionals[0]!);
  }
  const database = openDatabase(config.databaseUrl);
  // Imported photos go where the hosts keep files: the local folder or the S3 bucket.
  const objects = openObjectStore(config);
  try {
    await migrateToLatest(database.db);
    const services: Services = {
      objects,
      db: database.db,
      clock: systemClock,
      config,
      cipher: createDataCipher(config.dataKey),
      // The importer never calls WeChat; the client is here because every service set has one.
      wechat: createWechatClient({ baseUrl: config.wechatApiBase ?? 'https://api.weixin.qq.com', appId: config.wechatAppId, secret: config.wechatSecret, clock: systemClock }),
    };
    const report = await importLeancloud(services, source, mapping, { dryRun: values['dry-run'], publicUrl: publicUrl || 'https://invalid.example' });
    console.log(formatReport(report));
    if (values.json) fs.writeFileSync(values.json, JSON.stringify(report, null, 2));
    return report.clean ? 0 : 3;
  } finally {
    await source.close();
    objects.close();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
