/**
 * Lines that are boilerplate whatever page they are on. Kept deliberately narrow: a line that only
 * looks like boilerplate on one outlet is learnt from the corpus instead (counted by
 * `src/store/sqlite/learnt-lines.ts`).
 */
const FOOTER_PATTERNS: RegExp[] = [
  /^share this( article| story| page)?:?$/i,
  /^share (on|via) /i,
  /^(facebook|twitter|whatsapp|telegram|linkedin|email|print|reddit|pinterest|copy link)( \| .*)?$/i,
  /^back to top( button)?$/i,
  /^(follow|like) us( on .*)?$/i,
  /^subscribe( to .*)?$/i,
  /^sign up for .*newsletter/i,
  /^(read|see) (more|also):?/i,
  /^related( articles| stories| news)?:?$/i,
  /^tags?:/i,
  /^(all rights reserved|copyright\b|©)/i,
  /\ball rights reserved\.?$/i,
  /can also be accessed at the following( alternate)? address(es)?:?$/i,
  /^advertisement$/i,
  /^(skip|jump) to (main )?content$/i,
  /^(loading|please wait)\.*$/i,
  /^you may also like:?$/i,
  /^(previous|next) (article|post|story)$/i,
];

/** A bare host name or URL on its own line (mirror addresses, "www.example.com"). */
const BARE_ADDRESS = /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i;

export function isFooterLine(line: string): boolean {
  return BARE_ADDRESS.test(line) || FOOTER_PATTERNS.some((pattern) => pattern.test(line));
}

/** `News / Iraq / Military`, `Home › World › Middle East`. */
export function parseBreadcrumb(line: string): string[] | undefined {
  const parts = line.split(/\s+[/›»>|]\s+/);
  if (parts.length < 2) return undefined;
  const ok = parts.every((part) => /^[\p{Lu}0-9][\p{L}0-9&'’ -]{0,30}$/u.test(part) && part.split(' ').length <= 4);
  return ok ? parts : undefined;
}

/** `IraqMiddle EastNorth America` → Iraq, Middle East, North America: section tags glued together by a scraper. */
export function parseTagRun(line: string): string[] | undefined {
  if (/[.,;:!?"“”]/.test(line) || line.length > 120) return undefined;
  const parts = line.split(/(?<=[\p{Ll}])(?=\p{Lu})/u).map((part) => part.trim());
  if (parts.length < 2) return undefined;
  const ok = parts.every((part) => /^\p{Lu}[\p{L}&'’ -]*$/u.test(part) && part.split(' ').length <= 3);
  return ok ? parts : undefined;
}

/** `(Photo by AFP)`, `(File photo)`, `Photo: Reuters` mark a caption wherever it stands. */
export function isCaptionLine(line: string): boolean {
  return (
    /\((?:file )?(?:photo|image|picture|video|pic)s?\b[^)]*\)\.?$/i.test(line) ||
    /^(?:file )?(?:photo|image|picture)s?\s*(?:by|:)/i.test(line) ||
    /\((?:AFP|Reuters|AP|Getty Images|EPA|Xinhua|Anadolu|IRNA|Tasnim|SANA)(?: photo)?\)\.?$/i.test(line)
  );
}

/** Names an outlet from what the page says of itself: `Press TV’s website can also be accessed…`, `© 2023 Example News`. */
export function outletFromLine(line: string): string | undefined {
  const website = /^(.{2,40}?)[’']s? (?:website|site|app|channel)\b/i.exec(line);
  if (website?.[1]) return website[1].trim();
  const copyright =
    /^(?:©|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.{2,40}?)(?:[.,]?\s+all rights reserved.*|[.,])?$/i.exec(
      line,
    );
  if (copyright?.[1]) return copyright[1].trim();
  return undefined;
}
