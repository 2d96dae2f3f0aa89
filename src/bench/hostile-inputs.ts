import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeWarc } from '../ingest/index.js';

/**
 * A corpus of hostile inputs mixed with good ones, written to a folder: the fixture of the fuzz
 * test and of `scripts/hostile-ingest.ts`, which measures a real `lede ingest` over it. Each input
 * says what a reader must make of it, so a test can check that every good document is read and
 * every bad input gets a message of its own.
 */
export interface HostileInput {
  /** Path relative to the corpus folder. */
  name: string;
  /**
   * `good`: its documents are read and nothing fails; `bad`: at least one failure names it, beside
   * its good documents; `either`: a record or a failure, without a crash; `skipped`: nothing (a
   * symlink back into the folder, already walked).
   */
  expect: 'good' | 'bad' | 'either' | 'skipped';
  /** Good documents in it (a WARC or JSONL may hold several next to its failures). */
  documents: number;
}

export interface HostileCorpusOptions {
  /** The longest document readers are told to accept (`--max-bytes`): oversized inputs are built past it. */
  maxDocumentBytes: number;
  /** Decompressed size of the gzip bombs. */
  bombBytes: number;
  /** Include the deeply nested HTML pages (readers pass them on; cleaning them is bounded elsewhere). Default true. */
  deepHtml?: boolean;
}

const MiB = 1024 * 1024;
const enc = (text: string) => Buffer.from(text, 'utf8');
const story = (n: number) =>
  `Talks resume in Geneva, round ${n}\n\nThe minister said on Monday that the ${n}th round of talks would resume next week.\n`;
const utf16 = (text: string, bigEndian: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bigEndian ? body.swap16() : body]);
};

/** Gzip members of one mebibyte each, concatenated: a bomb of any size from ~1 KB per MiB, cheap to build. */
export function gzipBomb(bytes: number, fill = 0): Buffer {
  const member = gzipSync(Buffer.alloc(MiB, fill), { level: 9 });
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / MiB) }, () => member));
}

let warcs = 0;
/** Three pages, the middle one broken by `breakMiddle`; each call's pages differ, so none is a duplicate. */
async function warcOfThree(breakMiddle: (record: string) => string): Promise<Buffer> {
  warcs++;
  const parts = await Promise.all(
    ['a', 'b', 'c'].map((name, i) =>
      writeWarc([
        { url: `https://n.example/${name}`, body: `<html><body><p>${story(1000 * warcs + i)}</p></body></html>` },
      ]),
    ),
  );
  const middle = Buffer.from(breakMiddle(Buffer.from(parts[1]!).toString('latin1')), 'latin1');
  return Buffer.concat([parts[0]!, middle, parts[2]!]);
}

type Entry = HostileInput & { bytes?: Uint8Array; make?: (path: string) => Promise<void> };

/** Writes the corpus under `dir` (which must exist and be empty) and returns what each input must yield. */
export async function writeHostileCorpus(dir: string, options: HostileCorpusOptions): Promise<HostileInput[]> {
  const over = options.maxDocumentBytes + 1024;
  const entries: Entry[] = [];
  const good = (name: string, bytes: Uint8Array, documents = 1) =>
    entries.push({ name, expect: 'good', documents, bytes });
  const bad = (name: string, bytes: Uint8Array, documents = 0) =>
    entries.push({ name, expect: 'bad', documents, bytes });

  for (let n = 1; n <= 8; n++) good(`good-${n}.txt`, enc(story(n)));
  good('good.html', enc(`<!doctype html><html><body><article><p>${story(100)}</p></article></body></html>`));
  good('good.jsonl', enc([1, 2].map((n) => JSON.stringify({ id: `j${n}`, text: story(200 + n) })).join('\n')), 2);
  good('good.jsonl.gz', gzipSync(JSON.stringify({ id: 'gz', text: story(300) })));
  good('utf16le.txt', utf16(story(400), false));
  good('utf16be.txt', utf16(story(401), true));
  good('utf16le-page', utf16(`<html><body><p>${story(402)}</p></body></html>`, false));
  good('utf16.jsonl', utf16(JSON.stringify({ id: 'u16', text: story(403) }), false));

  // Compression bombs: of zeros (no newline), of newlines (all blank lines), in every gzip reader.
  const bomb = gzipBomb(options.bombBytes);
  bad('bomb.jsonl.gz', bomb);
  bad('bomb-lines.jsonl.gz', gzipBomb(options.bombBytes, 0x0a));
  bad('bomb.ndjson', bomb);
  bad('bomb.gz', bomb);
  bad('bomb-no-extension', bomb);
  const warcHead = Buffer.from(
    await writeWarc([{ url: 'https://n.example/w', body: `<p>${story(500)}</p>` }], { gzip: true }),
  );
  bad('bomb.warc.gz', Buffer.concat([warcHead, bomb]), 1);

  // Lines and documents past the size limit, and a file of NULs.
  const hugeLine = JSON.stringify({ id: 'huge', text: incompressibleText(over) });
  bad('huge-line.jsonl', enc(`${JSON.stringify({ id: 'before', text: story(600) })}\n${hugeLine}\n`), 1);
  bad('huge-line.jsonl.gz', gzipSync(`${hugeLine}\n${JSON.stringify({ id: 'after', text: story(601) })}`), 1);
  bad('no-newline.jsonl', Buffer.alloc(over, 0x7b));
  entries.push({ name: 'huge-sparse.txt', expect: 'bad', documents: 0, make: (path) => truncateTo(path, 200 * MiB) });
  bad('huge.html', enc(`<html><body>${'<p>word</p>'.repeat(over / 10)}</body></html>`));
  bad('nuls.txt', Buffer.alloc(4096));

  // WARCs with a broken record between good ones, and other broken archives.
  const lengthBy = (delta: number) => (r: string) =>
    r.replace(/Content-Length: (\d+)/, (_, n: string) => `Content-Length: ${Number(n) + delta}`);
  bad('broken-version.warc', await warcOfThree((r) => r.replace('WARC/1.0', 'XARC/1.0')), 2);
  bad('broken-no-length.warc', await warcOfThree((r) => r.replace(/Content-Length: \d+\r\n/, '')), 2);
  bad('broken-long.warc', await warcOfThree(lengthBy(40)), 2);
  bad('broken-short.warc', await warcOfThree(lengthBy(-40)), 2);
  bad('broken-huge-length.warc', await warcOfThree(lengthBy(10 * 1024 ** 3)), 1);
  bad('broken-status.warc', await warcOfThree((r) => r.replace('HTTP/1.1 200 OK', 'HTTP/1.1 xyz OK')), 2);
  bad('endless-header.warc', enc(`WARC/1.0\r\nWARC-Type: response\r\nX: ${'y'.repeat(200_000)}`));
  bad('junk.warc', enc('not a warc at all\r\n\r\n'));
  bad('truncated.warc.gz', gzipSync(await warcOfThree((r) => r)).subarray(0, 200));
  bad('truncated.jsonl.gz', gzipSync(JSON.stringify({ id: 'cut', text: story(700) }).repeat(20)).subarray(0, 60));

  // Malformed JSONL, feeds, HTML and text.
  bad('malformed.jsonl', enc('{"id": "m", "text": \n[1,2\n{"id":"n"}\n"just a string"\n'));
  const depth = Math.min(100_000, Math.floor(options.maxDocumentBytes / 2) - 8);
  bad('deep-json.jsonl', enc(`${'['.repeat(depth)}${']'.repeat(depth)}\n`));
  bad('empty.txt', new Uint8Array());
  bad('blank.txt', enc(' \n\t\n'));
  bad('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]));
  bad('utf16-bom-only.txt', Buffer.from([0xff, 0xfe]));
  bad('random.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  bad('random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 104729 + 7) % 256)));
  bad(
    'laughs.rss',
    enc(
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss><channel><item><title>&d;</title></item></channel></rss>`,
    ),
  );
  bad('no-items.rss', enc('<rss version="2.0"><channel><title>Empty</title></channel></rss>'));
  bad('private-link.rss', enc('<rss><channel><item><link>http://127.0.0.1:1/x</link></item></channel></rss>'));
  bad(
    'script-link.atom',
    enc('<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="javascript:alert(1)"/></entry></feed>'),
  );
  // A reader yields it; cleaning finds no main text.
  entries.push({
    name: 'headless.html',
    expect: 'either',
    documents: 0,
    bytes: enc('<!doctype html><html><head><title>x</title></head></html>'),
  });
  if (options.deepHtml !== false) {
    entries.push({
      name: 'deep-nesting.html',
      expect: 'either',
      documents: 0,
      bytes: enc(`<html><body>${'<div><span>'.repeat(200_000)}deep${'</span></div>'.repeat(200_000)}</body></html>`),
    });
    entries.push({
      name: 'deep-unclosed.html',
      expect: 'either',
      documents: 0,
      bytes: enc(`<html><body>${'<div><span>'.repeat(200_000)}never closed`),
    });
  }

  // Names that try to take over the terminal.
  bad('ansi-\x1b[2J\x1b[31mred.txt', new Uint8Array());
  bad('bidi-\u202etxt.exe', new Uint8Array());
  bad('bell-\x07-and-newline-\n.txt', new Uint8Array());
  bad(`${'long-'.repeat(48)}.txt`, new Uint8Array());

  // Folder walks: loops, escapes, broken links, a named pipe that would block a naive reader.
  entries.push({ name: 'links/loop-to-root', expect: 'skipped', documents: 0, make: (path) => symlink(dir, path) });
  entries.push({ name: 'links/self', expect: 'bad', documents: 0, make: (path) => symlink(path, path) });
  entries.push({ name: 'links/out-file', expect: 'bad', documents: 0, make: (path) => symlink('/etc/hostname', path) });
  entries.push({ name: 'links/out-dir', expect: 'bad', documents: 0, make: (path) => symlink('/etc', path) });
  entries.push({
    name: 'links/broken',
    expect: 'bad',
    documents: 0,
    make: (path) => symlink(join(dir, 'nowhere'), path),
  });
  entries.push({ name: 'links/fifo', expect: 'bad', documents: 0, make: async (path) => mkfifo(path) });

  // More of the cheap hostile kinds, under other names and extensions, to exceed sixty in all.
  for (const ext of ['.txt', '.html', '.jsonl', '.warc', '.rss', '.json', '.xml', '.ndjson', '']) {
    bad(`empty-again${ext || '-none'}`, new Uint8Array());
    bad(`nul-again${ext || '-none'}`, Buffer.alloc(256));
  }

  for (const entry of entries) {
    const path = join(dir, entry.name);
    await mkdir(join(path, '..'), { recursive: true });
    if (entry.make) await entry.make(path);
    else await writeFile(path, entry.bytes ?? new Uint8Array());
  }
  return entries.map(({ name, expect, documents }) => ({ name, expect, documents }));
}

/** Letters from a fixed pseudo-random sequence: gzip cannot shrink them into a bomb-like ratio. */
function incompressibleText(length: number): string {
  const letters = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    letters[i] = 0x61 + ((state >>> 16) % 26);
  }
  return letters.toString('latin1');
}

/** What came of each input: the uris of the records read (or stored) and the failures. */
export interface HostileOutcome {
  recordUris: string[];
  failures: { uri: string; reason: string }[];
}

/**
 * Every way the outcome falls short of the corpus's expectations, one line each (empty when all
 * is well): a good document not read, a bad input without a failure of its own, a record read
 * through a skipped link (a loop walked twice), a record that belongs to no input.
 */
export function checkHostileOutcome(dir: string, inputs: HostileInput[], outcome: HostileOutcome): string[] {
  const problems: string[] = [];
  const claimed = new Set<string>();
  for (const input of inputs) {
    const path = join(dir, input.name);
    const belongs = (uri: string) =>
      uri === path || uri.startsWith(`${path}:`) || uri.startsWith(`${path}#`) || uri.startsWith(`${path}/`);
    for (const uri of outcome.recordUris) if (belongs(uri)) claimed.add(uri);
    const records = outcome.recordUris.filter(belongs).length;
    const failures = outcome.failures.filter((failure) => belongs(failure.uri));
    const name = JSON.stringify(input.name);
    if (input.expect === 'good' && failures.length > 0) problems.push(`${name} failed: ${failures[0]!.reason}`);
    if (input.expect === 'bad' && failures.length === 0) problems.push(`${name} has no failure of its own`);
    if ((input.expect === 'good' || input.expect === 'bad') && records !== input.documents) {
      problems.push(`${name}: ${records} documents read, ${input.documents} expected`);
    }
    if (input.expect === 'either' && records + failures.length === 0) problems.push(`${name}: neither read nor failed`);
    if (input.expect === 'skipped' && records > 0) problems.push(`${name}: ${records} documents read through it`);
  }
  for (const uri of outcome.recordUris) if (!claimed.has(uri)) problems.push(`${uri}: read, but from no input`);
  return problems;
}

async function truncateTo(path: string, bytes: number): Promise<void> {
  await writeFile(path, '');
  await truncate(path, bytes); // sparse: no disk used
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}
