import { connect, type Socket } from 'node:net';
import autocannon from 'autocannon';

/** Shown plainly in the figures: what the hostile clients did while the plain one was measured. */
interface HostileReport {
  pathological: { status: number; ms: number }[];
  exportStalled: boolean;
  upload: { status: number; state?: string; ms: number };
}

export const HOSTILE_TOKEN = 'bench-hostile-token';
const PLAIN_QUERIES = ['blair', 'mobile phone', '"prime minister"', 'oil prices', 'chelsea', 'film award'];
/** The costliest shapes the limits still let through, and one they refuse (21 one-letter prefixes). */
const PATHOLOGICAL = [
  'con* OR pro* OR com* OR pre*',
  'the OR and OR said OR was OR for OR that OR with OR has OR have OR but OR not',
  Array.from('abcdefghijklmnopqrstu', (letter) => `${letter}*`).join(' OR '),
];

/**
 * While one client loops over pathological searches, one export is left unread and one upload of
 * `records` JSONL lines is ingested and the corpus relinked, a plain client searches for `seconds`:
 * its p99 must stay within 100 ms.
 */
export async function runHostileBench(address: string, records: string[], seconds: number): Promise<void> {
  // The same load alone first: on a shared machine the figure under attack means little without it.
  printLatency('plain search alone        ', await plainSearches(address, seconds));
  const report: HostileReport = { pathological: [], exportStalled: false, upload: { status: 0, ms: 0 } };
  let running = true;
  const pathological = (async () => {
    for (let turn = 0; running; turn++) {
      const started = performance.now();
      const q = PATHOLOGICAL[turn % PATHOLOGICAL.length] as string;
      const response = await fetch(`${address}/api/search?q=${encodeURIComponent(q)}`);
      await response.arrayBuffer();
      report.pathological.push({ status: response.status, ms: performance.now() - started });
    }
  })();
  const stalled = await stallExport(address);
  report.exportStalled = true;
  const upload = uploadAndWait(address, records).then((outcome) => {
    report.upload = outcome;
  });
  const result = await plainSearches(address, seconds);
  running = false;
  await pathological;
  stalled.destroy();
  await upload;
  printLatency('plain search under attack ', result);
  const byStatus = new Map<number, number[]>();
  for (const { status, ms } of report.pathological) byStatus.set(status, [...(byStatus.get(status) ?? []), ms]);
  for (const [status, times] of byStatus) {
    console.log(
      `pathological searches     ${times.length} answered ${status}, slowest ${Math.max(...times).toFixed(0)} ms`,
    );
  }
  console.log(
    `upload of ${records.length} records      ${report.upload.status}, job ${report.upload.state}, ${(report.upload.ms / 1000).toFixed(1)} s with relinking`,
  );
}

async function plainSearches(address: string, seconds: number) {
  let turn = 0;
  return autocannon({
    url: address,
    connections: 1,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          request.path = `/api/search?q=${encodeURIComponent(PLAIN_QUERIES[turn++ % PLAIN_QUERIES.length] as string)}`;
          return request;
        },
      },
    ],
  });
}

function printLatency(title: string, result: Awaited<ReturnType<typeof autocannon>>): void {
  const errors = result.errors + result.non2xx;
  const met = result.latency.p99 <= 100 && errors === 0;
  console.log(
    `${title} p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  ` +
      `${result.requests.total} requests, ${errors} errors  p99 <= 100 ms: ${met ? 'yes' : 'NO'}`,
  );
}

/** Asks for an export, takes the first bytes and never reads again. */
function stallExport(address: string): Promise<Socket> {
  const url = new URL(address);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.write(`GET /api/export HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    });
    socket.once('data', () => {
      socket.pause();
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

async function uploadAndWait(address: string, records: string[]): Promise<HostileReport['upload']> {
  const started = performance.now();
  const body = {
    files: [{ name: 'hostile.jsonl', base64: Buffer.from(records.join('\n')).toString('base64') }],
    urls: [],
  };
  const response = await fetch(`${address}/api/jobs/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${HOSTILE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const job = (await response.json()) as { id: string; state: string };
  let state = job.state;
  while (state !== 'done' && state !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    state = ((await (await fetch(`${address}/api/jobs/${job.id}`)).json()) as { state: string }).state;
  }
  return { status: response.status, state, ms: performance.now() - started };
}
