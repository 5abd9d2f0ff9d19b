import webpack from 'webpack';

/**
 * `npm start` (scripts/start.mjs) sets LINLI_BUILD_PROGRESS=1 and reads these lines from the
 * build's output to draw one progress bar per build. Any other build prints nothing extra.
 * The marker is on its own line so Taro's own logging around it cannot break the parse.
 */
export const PROGRESS_MARKER = '[linli-progress]';

type Chain = { plugin(name: string): { use(plugin: unknown, args: unknown[]): unknown } };

export function addProgress(chain: Chain): void {
  if (process.env.LINLI_BUILD_PROGRESS !== '1') return;
  let last = -1;
  const handler = (fraction: number, message: string) => {
    const percent = Math.floor(fraction * 100);
    if (percent === last) return;
    last = percent;
    process.stdout.write(`\n${PROGRESS_MARKER} ${percent} ${message}\n`);
  };
  chain.plugin('linli-progress').use(webpack.ProgressPlugin, [handler]);
}
