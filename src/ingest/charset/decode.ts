import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  charset: string;
  /** How the charset was decided: bom, header, meta, utf8, detected, default. */
  from: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * Decodes bytes to NFC text. Order of evidence: byte-order mark, a declared charset (HTTP header,
 * then `<meta charset>` in HTML), valid UTF-8, then detection among legacy encodings.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string, isHtml = false): Decoded {
  for (const [mark, charset] of BOMS) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return finish(iconv.decode(Buffer.from(bytes.subarray(mark.length)), charset), charset, 'bom');
    }
  }
  const fromHeader = usable(declared);
  if (fromHeader) return finish(iconv.decode(Buffer.from(bytes), fromHeader), fromHeader, 'header');
  if (isHtml) {
    const fromMeta = usable(metaCharset(bytes));
    if (fromMeta) return finish(iconv.decode(Buffer.from(bytes), fromMeta), fromMeta, 'meta');
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return finish(utf8.decode(bytes), 'utf-8', 'utf8');
  } catch {
    const guess = detectLegacy(bytes);
    return finish(iconv.decode(Buffer.from(bytes), guess), guess, 'detected');
  }
}

/** The charset a `<meta charset>` or `<meta http-equiv content="...; charset=">` declares in the first 4 KB. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

function usable(charset: string | undefined): string | undefined {
  if (!charset) return undefined;
  const name = charset.trim().toLowerCase();
  return iconv.encodingExists(name) ? name : undefined;
}

/**
 * Picks among the legacy encodings news pages use when undeclared: Arabic letters live in the
 * 0xC1–0xFE range of windows-1256, where windows-1252 would read them as runs of accented Latin letters.
 */
export function detectLegacy(bytes: Uint8Array): string {
  let high = 0;
  let arabicRange = 0;
  let c1Controls = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    high++;
    if (byte >= 0xc1 && byte <= 0xfe && byte !== 0xd7 && byte !== 0xf7) arabicRange++;
    if (byte >= 0x80 && byte <= 0x9f) c1Controls++;
  }
  if (high === 0) return 'windows-1252';
  const latinWordRuns = countAccentedRuns(bytes);
  if (arabicRange / high > 0.8 && latinWordRuns > 0.5) return 'windows-1256';
  if (c1Controls === 0) return 'iso-8859-1';
  return 'windows-1252';
}

/** Share of high bytes that sit in runs of three or more (Arabic words), rather than alone among ASCII letters (accents). */
function countAccentedRuns(bytes: Uint8Array): number {
  let inRun = 0;
  let runBytes = 0;
  let high = 0;
  for (const byte of bytes) {
    if (byte >= 0x80) {
      high++;
      inRun++;
    } else {
      if (inRun >= 3) runBytes += inRun;
      inRun = 0;
    }
  }
  if (inRun >= 3) runBytes += inRun;
  return high === 0 ? 0 : runBytes / high;
}

function finish(text: string, charset: string, from: string): Decoded {
  return { text: text.normalize('NFC'), charset, from };
}
