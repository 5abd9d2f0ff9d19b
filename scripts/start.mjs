// `npm start`: checks that the host's port is free, builds the H5 preview and the console
// when they are missing or older than their sources (one progress bar each, with the time
// spent), then starts the host (embedded SQLite, demo data, local fake WeChat).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);

function portFree() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error) => resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? error.code : true));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function newestMtime(entries) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') visit(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach(visit);
  return newest;
}

function stale(stamp, sources) {
  if (!fs.existsSync(stamp)) return true;
  return newestMtime(sources) > fs.statSync(stamp).mtimeMs;
}

const clock = (ms) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Runs one build, drawing `label [#####-----] 42%  0:31` from its `[linli-progress]` lines. */
function build(label, script, log) {
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
    const child = spawn('npm', ['run', '--silent', script], {
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

const free = await portFree();
if (free !== true) {
  const next = port + 1;
  console.error(
    free === 'EADDRINUSE'
      ? `Port ${port} on ${host} is already in use (another \`npm start\`?).\nChoose another port, e.g.:  PORT=${next} npm start`
      : `Port ${port} on ${host} cannot be opened by this user (${free}).\nChoose another port, e.g.:  PORT=${next} npm start`,
  );
  process.exit(1);
}

const builds = [
  { label: 'H5 preview', script: 'build:h5', stamp: 'dist-h5/index.html', sources: ['src', 'config', 'types', 'babel.config.js'] },
  {
    label: 'console, 大屏',
    script: 'build:console',
    stamp: 'cloud/console/dist/index.html',
    sources: ['cloud/console/src', 'cloud/console/index.html', 'cloud/console/vite.config.ts', 'cloud/screen/src', 'cloud/screen/index.html', 'types'],
    // build:console builds the 大屏 too; a missing one means building again.
    also: 'cloud/screen/dist/index.html',
  },
].filter((b) => stale(b.stamp, b.sources) || (b.also !== undefined && !fs.existsSync(b.also)));
if (builds.length > 0) {
  console.log(`Building ${builds.map((b) => b.label).join(' and ')} (a few minutes on a small machine; later starts skip this)`);
  fs.mkdirSync('.data', { recursive: true });
  for (const b of builds) {
    const ok = await build(b.label, b.script, path.join('.data', `build-${b.script.replace(':', '-')}.log`));
    if (!ok) {
      const text = fs.readFileSync(path.join('.data', `build-${b.script.replace(':', '-')}.log`), 'utf8');
      console.error(text.split('\n').filter((l) => !l.includes('[linli-progress]')).slice(-40).join('\n'));
      process.exit(1);
    }
  }
}

const hostProcess = spawn('npx', ['tsx', 'cloud/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hostProcess.kill(signal));
hostProcess.on('exit', (code) => process.exit(code ?? 0));
