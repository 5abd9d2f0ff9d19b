import { loadConfig } from '../config';
import { openDatabase } from '../storage/dialect';
import { migrateToLatest, schemaState } from '../storage/migrate';
import { createBackup, restoreBackup } from './backup';

/**
 * Operations commands, run beside the hosts (and in the image):
 *   npm run migrate                 brings the schema up to date (hosts in production never do)
 *   npm run backup -- <file.tar>    database + object store into one file
 *   npm run restore -- <file.tar>   into an empty database and the configured object store
 * They read the same environment as the host (DATABASE_URL, LINLI_S3_*, LINLI_UPLOAD_DIR).
 */
async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  // The checks on production secrets concern the host; these commands need only the storage settings.
  const config = loadConfig({ ...process.env, NODE_ENV: 'operations' });
  if (command === 'migrate') {
    const database = openDatabase(config.databaseUrl);
    try {
      const before = await schemaState(database.db);
      await migrateToLatest(database.db);
      console.log(before.pending.length ? `已执行迁移：${before.pending.join(', ')}` : '数据库结构已是最新');
    } finally {
      await database.close();
    }
    return;
  }
  if ((command === 'backup' || command === 'restore') && file) {
    const manifest = command === 'backup' ? await createBackup(config, file) : await restoreBackup(config, file);
    const rows = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
    console.log(`${command === 'backup' ? '已备份到' : '已从'} ${file}${command === 'restore' ? ' 恢复' : ''}：${manifest.database}，${Object.keys(manifest.rows).length} 张表 ${rows} 行，${manifest.objects.length} 个文件`);
    return;
  }
  throw new Error('用法：migrate | backup <文件.tar> | restore <文件.tar>');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
