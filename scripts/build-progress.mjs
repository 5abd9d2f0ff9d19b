// The progress bar `npm start` draws for each build it runs (scripts/start.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';

const clock = (ms) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * Runs one build (`command args`), drawing `label [#####-----] 42%  0:31` from the
 * `[linli-progress] <percent> <what>` lines it prints when LINLI_BUILD_PROGRESS is set.
 * On a terminal the bar redraws in place every second; otherwise a line per 10%.
 *
 * @returns whether the build exited 0; its whole output is in `log`
 */
export function runWithProgress(label, command, args, log) {
  return new Promise((resolve) => {
    const started = Date.now();
    const out = fs.createWriteStream(log);
    const tty = process.stdout.isTTY;
    let percent = 0;
    let step = 1;
    let what = '';
    let printed = -10;
    const draw = (final) => {
      const width = 24;
      const filled = Math.round((percent / 100) * width);
      const line = `  ${label.padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${clock(Date.now() - started)}  ${what}`.slice(0, 100);
      if (tty) process.stdout.write(`\r${line.padEnd(100)}${final ? '\n' : ''}`);
      else if (final || percent >= printed + 10) {
        printed = percent;
        process.stdout.write(line + '\n');
      }
    };
    const child = spawn(command, args, {
      env: { ...process.env, LINLI_BUILD_PROGRESS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    child.stdout.on('data', (chunk) => {
      out.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /\[linli-progress\] (\d+) ?(.*)$/.exec(line);
        if (!m) continue;
        what = m[2].trim();
        // A script may run several builds one after another (the console, then the 大屏):
        // each starts again from 0.
        if (what === 'starting') {
          if (percent >= 100) step += 1;
          percent = 0;
        } else percent = Math.max(percent, Math.min(100, Number(m[1])));
        if (step > 1) what = `part ${step}: ${what}`;
      }
      draw(false);
    });
    child.stderr.on('data', (chunk) => out.write(chunk));
    const timer = tty ? setInterval(() => draw(false), 1000) : setInterval(() => draw(false), 15000);
    child.on('close', (code) => {
      clearInterval(timer);
      out.end();
      if (code === 0) {
        percent = 100;
        what = 'done';
      } else what = `failed (exit ${code}); log: ${log}`;
      draw(true);
      resolve(code === 0);
    });
  });
}

