/**
 * `npm run check:weapp [-- --production] [-- --dist <dir>]`: checks a built weapp against
 * WeChat's rules (scripts/weapp-rules.ts). `--production` adds the rules for an upload:
 * minified, https server, no development app key. Exits 1 on any problem.
 */
import path from 'node:path';
import { CARD_PAGES } from '../types/grid-model';
import { checkWeapp } from './weapp-rules';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = path.resolve(distAt >= 0 ? args[distAt + 1]! : process.env.LINLI_OUTPUT_ROOT ?? 'dist');
const production = args.includes('--production');
const problems = checkWeapp(dist, { production, cardPages: Object.values(CARD_PAGES) });
if (problems.length) {
  console.error(`check:weapp ${dist}: ${problems.length} 个问题`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(`check:weapp ${dist}: 符合微信的规则${production ? '（正式版）' : ''}`);
