/**
 * The top costs in a CPU profile of the bench host (`BENCH_PROFILE=dir npx tsx bench/functions.ts`
 * writes one): self time by package or source folder, and the top functions.
 *
 *   npx tsx bench/profile-top.ts dir/CPU.….cpuprofile
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function area(url: string): string {
  if (!url) return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const ours = /\/(cloud\/[^/]+|types|bench)\//.exec(url);
  return ours ? ours[1]! : url;
}

const profile = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
let busy = 0;
const areas = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') continue;
  // The inspector's own call that stops the profiler and hands it over (bench/host.ts), not the host's work.
  if (n.callFrame.functionName === 'dispatch' && !n.callFrame.url) continue;
  busy += us;
  const a = n.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : area(n.callFrame.url);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const f = `${n.callFrame.functionName || '(anonymous)'} ${area(n.callFrame.url)}`;
  fns.set(f, (fns.get(f) ?? 0) + us);
}
const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, us]) => `  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
// Inclusive time of our own functions (cloud/, types/): what a request's steps cost with
// everything they call. A function on the stack twice counts once.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at)!;
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') break;
    if (n.callFrame.functionName === 'dispatch' && !n.callFrame.url) break;
    const a = area(n.callFrame.url);
    if (!/^(cloud\/|types)/.test(a)) continue;
    const f = `${n.callFrame.functionName || '(anonymous)'} ${a}:${n.callFrame.lineNumber + 1}`;
    if (seen.has(f)) continue;
    seen.add(f);
    inclusive.set(f, (inclusive.get(f) ?? 0) + us);
  }
}
console.log(`busy ${(busy / 1e6).toFixed(1)} s\nself time by area:\n${top(areas, 15)}\ntop functions (self):\n${top(fns, 20)}\nour functions (inclusive):\n${top(inclusive, 15)}`);
