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

/** NUL bytes or many control characters in the first bytes: not a text file. */
export function looksBinary(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control / head.length > 0.1;
}

export function headText(head: Uint8Array): string {
  return Buffer.from(head)
    .toString('latin1')
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart();
}

export function looksLikeHtml(head: Uint8Array): boolean {
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|article|div|p)\b/i.test(headText(head));
}
