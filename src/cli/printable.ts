/**
 * Text from inputs (file names, URLs, reasons quoting them) made safe for a terminal: control
 * characters are shown escaped (`\x1b`), so a crafted name cannot move the cursor, recolour or
 * clear the screen, and bidirectional overrides (`\u202e`) cannot make one name look like another.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isUnprintable(code)) out += char;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** C0 (tab and newline included: one failure stays one line), DEL, C1, line/paragraph separators and bidi controls. */
function isUnprintable(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
