import { spawn } from 'node:child_process';
const port = 38000 + Math.floor(Math.random() * 1000);
const child = spawn(process.execPath, ['bin/lede.js', '--db', process.argv[2] as string, 'serve', '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
await new Promise<void>((ready) => child.stderr?.on('data', (c: Buffer) => { if (c.toString().includes('serving')) ready(); }));
const base = `http://127.0.0.1:${port}`;
await fetch(`${base}/api/search?q=warmup`);
const queries = ['blair','mobile phone','"prime minister"','oil prices','chelsea','broadband*','election labour','film award','microsoft','interest rates'];
const connections = Number(process.argv[3] ?? 10);
const byQuery = new Map<string, number[]>();
let turn = 0;
const end = Date.now() + 10_000;
const t0 = performance.now();
const log: [number, string, number, number][] = [];
await Promise.all(Array.from({ length: connections }, async () => {
  while (Date.now() < end) {
    const q = queries[turn++ % queries.length] as string;
    const t = performance.now();
    const r = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`);
    await r.arrayBuffer();
    const ms = performance.now() - t;
    log.push([t - t0, q, ms, r.status]);
    byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
  }
}));
for (const [q, times] of byQuery) {
  times.sort((a, b) => a - b);
  console.log(q.padEnd(18), 'n', times.length, 'p50', times[Math.floor(times.length / 2)]?.toFixed(0), 'max', times.at(-1)?.toFixed(0));
}
console.log('slowest:', log.sort((a, b) => b[2] - a[2]).slice(0, 12).map(([at, q, ms, st]) => `${q}@${at.toFixed(0)}=${ms.toFixed(0)}(${st})`).join(' '));
child.kill('SIGTERM');
