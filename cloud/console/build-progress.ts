import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * `npm start` (scripts/start.mjs) sets LINLI_BUILD_PROGRESS=1 and draws a bar from the
 * `[linli-progress] <percent> <what>` lines printed here. Rollup does not know how many
 * modules a build has until it has read them all, so the percentage of the reading phase
 * is measured against the count of the previous build (kept in node_modules/.cache); on a
 * first build it says how many modules it has read and the bar moves on the known phases.
 */
const MARKER = '[linli-progress]';
const cacheFileOf = (name: string) => path.resolve(__dirname, `../../node_modules/.cache/linli/${name}-modules.json`);

function readPrevious(cacheFile: string): number | undefined {
  try {
    const { modules } = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { modules?: unknown };
    return typeof modules === 'number' && modules > 0 ? modules : undefined;
  } catch {
    return undefined;
  }
}

/** `name` keeps each Vite app's module count apart (console, screen). */
export function buildProgress(name = 'console'): Plugin | undefined {
  if (process.env.LINLI_BUILD_PROGRESS !== '1') return undefined;
  const cacheFile = cacheFileOf(name);
  const previous = readPrevious(cacheFile);
  let modules = 0;
  let last = -1;
  const report = (percent: number, what: string) => {
    if (percent === last) return;
    last = percent;
    process.stdout.write(`\n${MARKER} ${percent} ${what}\n`);
  };
  return {
    name: 'linli-build-progress',
    apply: 'build',
    buildStart() {
      report(0, 'starting');
    },
    moduleParsed() {
      modules += 1;
      // Reading modules is about 80% of the time; rendering and writing chunks the rest.
      const percent = previous ? Math.min(79, Math.floor((modules / previous) * 80)) : Math.min(79, Math.floor(modules / 50));
      report(percent, `${modules} modules`);
    },
    renderStart() {
      report(80, 'rendering chunks');
    },
    generateBundle() {
      report(90, 'writing files');
    },
    closeBundle() {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      fs.writeFileSync(cacheFile, JSON.stringify({ modules }));
      report(100, 'done');
    },
  };
}
