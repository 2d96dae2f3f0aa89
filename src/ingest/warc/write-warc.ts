import { WARCRecord, WARCSerializer } from 'warcio';

export interface WarcPage {
  url: string;
  body: Uint8Array | string;
  /** HTTP headers of the response; `Content-Type: text/html; charset=utf-8` when left out. */
  headers?: Record<string, string>;
  status?: number;
  type?: 'response' | 'request' | 'resource' | 'metadata';
}

/** Writes pages as WARC (or WARC.gz, one gzip member per record) bytes: fixtures for tests and examples. */
export async function writeWarc(pages: readonly WarcPage[], options: { gzip?: boolean } = {}): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const page of pages) {
    const body = typeof page.body === 'string' ? new TextEncoder().encode(page.body) : page.body;
    const type = page.type ?? 'response';
    const http = type === 'response' || type === 'request';
    const record = WARCRecord.create(
      {
        url: page.url,
        type,
        date: '2023-02-13T10:00:00Z',
        warcHeaders: http ? undefined : { 'Content-Type': page.headers?.['Content-Type'] ?? 'text/html' },
        httpHeaders: http ? (page.headers ?? { 'Content-Type': 'text/html; charset=utf-8' }) : undefined,
        statusline:
          type === 'request' ? `GET ${new URL(page.url).pathname} HTTP/1.1` : `HTTP/1.1 ${page.status ?? 200} OK`,
      },
      [body],
    );
    parts.push(await WARCSerializer.serialize(record, { gzip: options.gzip ?? false }));
  }
  return new Uint8Array(Buffer.concat(parts));
}
