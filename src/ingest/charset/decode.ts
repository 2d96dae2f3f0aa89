import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  charset: string;
  /** How the charset was decided: bom, header, meta, utf8, utf8-lossy (mostly UTF-8, bad bytes replaced by U+FFFD), detected. */
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
    // A UTF-8 page with a few broken bytes (a cut-off character, a pasted fragment) stays UTF-8:
    // reading the whole page as a legacy encoding would garble every other non-ASCII letter.
    if (looksMostlyUtf8(bytes)) return finish(new TextDecoder('utf-8').decode(bytes), 'utf-8', 'utf8-lossy');
    const guess = detectLegacy(bytes);
    return finish(iconv.decode(Buffer.from(bytes), guess), guess, 'detected');
  }
}

/** Well-formed multi-byte UTF-8 sequences outnumber stray high bytes at least two to one. */
export function looksMostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    const length =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let ok = length > 0;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length - 1;
    } else {
      invalid++;
    }
  }
  return valid > 0 && valid >= 2 * invalid;
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
  const alias = SUPERSETS[name] ?? name;
  return iconv.encodingExists(alias) ? alias : undefined;
}

/**
 * Labels browsers read as a larger Windows code page (WHATWG Encoding): pages that declare Latin-1
 * routinely hold windows-1252 curly quotes and dashes in 0x80–0x9F.
 */
const SUPERSETS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
};

const MIN_CHARDET_CONFIDENCE = 10;
/**
 * chardet and the anomaly count read 4 KB from just before the first non-ASCII byte: enough to
 * judge, cheap on long pages (chardet takes ~7 ms per 4 KB here), and past an ASCII-only HTML head.
 */
const SAMPLE_BYTES = 4 * 1024;

/**
 * Picks the legacy encoding of undeclared, non-UTF-8 bytes. Candidates are chardet's (language
 * models, reliable on longer texts) in its order, then the byte-range guess below; the first
 * candidate whose decoding has the fewest signs of a wrong code page wins. That check rescues short
 * texts where chardet's statistics are noise (it reads the headline "بغداد: اجتماع طارئ" as KOI8-R,
 * which yields impossible mid-word capitals). Names map to the Windows superset browsers use.
 */
export function detectLegacy(bytes: Uint8Array): string {
  const firstHigh = bytes.findIndex((byte) => byte >= 0x80);
  const start = Math.max(0, firstHigh - 256);
  const sample = Buffer.from(bytes.subarray(start, start + SAMPLE_BYTES));
  const candidates = new Set<string>();
  for (const match of chardet.analyse(sample)) {
    if (match.confidence < MIN_CHARDET_CONFIDENCE) break;
    const name = /^(utf|ascii)/i.test(match.name) ? undefined : usable(match.name);
    if (name) candidates.add(name);
  }
  candidates.add(guessLegacy(sample));
  let best = { charset: 'windows-1252', anomalies: Number.POSITIVE_INFINITY };
  for (const charset of candidates) {
    const anomalies = countAnomalies(iconv.decode(sample, charset));
    if (anomalies < best.anomalies) best = { charset, anomalies };
  }
  return best.charset;
}

/**
 * Signs that text was decoded with the wrong code page: a capital right after a small letter inside
 * a word, a symbol or superscript wedged between letters, C1 control characters, U+FFFD.
 */
export function countAnomalies(text: string): number {
  const midWordCapitals = text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0;
  const wedgedSymbols = text.match(/\p{L}[\p{S}\p{No}¿¡]\p{L}/gu)?.length ?? 0;
  const controls = text.match(/[\u0080-\u009f\ufffd]/g)?.length ?? 0;
  return midWordCapitals + wedgedSymbols + controls + countScriptSwitches(text);
}

/** Unicode blocks of the scripts legacy code pages carry; other letters count as one script. */
const SCRIPT_BLOCKS: [number, number, string][] = [
  [0x41, 0x24f, 'latin'],
  [0x1e00, 0x1eff, 'latin'],
  [0x370, 0x3ff, 'greek'],
  [0x400, 0x52f, 'cyrillic'],
  [0x590, 0x5ff, 'hebrew'],
  [0x600, 0x6ff, 'arabic'],
  [0x750, 0x77f, 'arabic'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xe00, 0xe7f, 'thai'],
  [0x3040, 0x30ff, 'cjk'],
  [0x4e00, 0x9fff, 'cjk'],
  [0xac00, 0xd7af, 'cjk'],
  [0xff66, 0xff9f, 'cjk'],
];

/** Letters of two scripts side by side inside a word (Latin against Cyrillic, kana against Latin), which real words do not have. */
function countScriptSwitches(text: string): number {
  let switches = 0;
  let previous: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const script = scriptOf(text.charCodeAt(i));
    if (script && previous && script !== previous) switches++;
    previous = script;
  }
  return switches;
}

const scriptCache = new Map<number, string | undefined>();

/** The script of a letter (UTF-16 unit; the scripts above are all in the BMP), undefined for non-letters. */
function scriptOf(code: number): string | undefined {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 'latin' : undefined;
  if (scriptCache.has(code)) return scriptCache.get(code);
  const isLetter = /\p{L}/u.test(String.fromCharCode(code));
  const script = isLetter
    ? (SCRIPT_BLOCKS.find(([from, to]) => code >= from && code <= to)?.[2] ?? 'other')
    : undefined;
  scriptCache.set(code, script);
  return script;
}

/**
 * The byte-range guess for short texts, among the legacy encodings news pages use when undeclared:
 * Arabic letters live in the 0xC1–0xFE range of windows-1256, where windows-1252 would read them as
 * runs of accented Latin letters.
 */
export function guessLegacy(bytes: Uint8Array): string {
  let high = 0;
  let arabicRange = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    high++;
    if (byte >= 0xc1 && byte <= 0xfe && byte !== 0xd7 && byte !== 0xf7) arabicRange++;
  }
  if (high === 0) return 'windows-1252';
  if (arabicRange / high > 0.8 && countAccentedRuns(bytes) > 0.5) return 'windows-1256';
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
