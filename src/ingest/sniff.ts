import { utf16Bom } from './charset/index.js';

/** Content sniffing helpers shared by readers. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

export function extensionOf(path: string): string {
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  const dot = lower.lastIndexOf('.');
  const slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
  return dot > slash ? lower.slice(dot + 1) : '';
}

/** NUL or many control characters in the first bytes: not a text file. UTF-16 with a BOM is judged by its characters. */
export function looksBinary(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  const units: ArrayLike<number> = utf16Bom(head) ? codeUnits(decodeHead(head)) : head;
  if (units.length === 0) return true;
  let control = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit === 0) return true;
    if (unit < 0x09 || (unit > 0x0d && unit < 0x20)) control++;
  }
  return control / units.length > 0.1;
}

function codeUnits(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

export function headText(head: Uint8Array): string {
  return decodeHead(head)
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart();
}

/** The head as text: UTF-16 by its BOM, otherwise byte for byte (enough to recognise markup and JSON). */
function decodeHead(head: Uint8Array): string {
  const utf16 = utf16Bom(head);
  if (!utf16) return Buffer.from(head).toString('latin1');
  // An odd last byte is half a character cut by the head's length.
  const even = head.subarray(2, head.length - (head.length % 2));
  return new TextDecoder(utf16).decode(even);
}

export function looksLikeHtml(head: Uint8Array): boolean {
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|article|div|p)\b/i.test(headText(head));
}
