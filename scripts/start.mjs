// `npm start`: checks that the host's port is free, builds the H5 preview and the console
// when they are missing or older than their sources (one progress bar each, with the time
// spent), then starts the host (embedded SQLite, demo data, local fake WeChat).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWithProgress } from './build-progress.mjs';

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
    const ok = await runWithProgress(b.label, 'npm', ['run', '--silent', b.script], path.join('.data', `build-${b.script.replace(':', '-')}.log`));
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
