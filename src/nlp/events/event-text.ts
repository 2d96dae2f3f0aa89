/**
 * The text an event shows: the sentence around its date, date phrase kept, so it always reads as the
 * writer wrote it (cutting the date out leaves `Music until`, `between and 2004`). A stretch the
 * splitter left as one sentence is cut to the sentence holding the date; a long sentence to the
 * clause around the date, cut at clause boundaries and marked with an ellipsis.
 */

const MAX_LENGTH = 240;
/**
 * A full stop after a word of two or more letters (not `U.S.`, `Mr.`-like initials), then a capital,
 * or a figure (`... in 2003. 2004 was a good year`) unless the stop ends an abbreviation (`Jan. 5`).
 */
const SENTENCE_BREAK =
  /(?<=(?:\p{Ll}{2}|['’]s|\ds|[\d%)])[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})|(?<=(?:\p{Ll}{2}|\d)[.!?]["”’]?)(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[Vv]ol|pp|[Nn]os?|[Ff]ig|[Aa]rt|[Pp]ara|[Cc]h)\.)\s+(?=\d)/gu;
/** Where a clause opens inside a long one: after a comma or a word that introduces a clause. */
const CLAUSE_OPENER =
  /(?:,\s+|\s(?:that|as|because|when|while|after|before|since|although|though|but|whereas|if)\s+)(?=\S)/i;
/** Where a clause may start or end: semicolons, dashes, and commas before a conjunction. */
const CLAUSE_BREAK = /;\s+|\s+[-–—]\s+|,\s+(?=(?:and|but|while|whereas|although|though|as|after|before|which|who)\b)/g;

/** The event text for the date at [dateStart, dateEnd) (offsets into `text`) in the given sentence. */
export function eventText(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
  dateStart: number,
  dateEnd: number,
): string {
  let [start, end] = within(text, sentenceStart, sentenceEnd, dateStart, dateEnd, SENTENCE_BREAK);
  let cutLeft = false;
  let cutRight = false;
  if (end - start > MAX_LENGTH) {
    const [clauseStart, clauseEnd] = clauseAround(text, start, end, dateStart, dateEnd);
    cutLeft = clauseStart > start;
    cutRight = clauseEnd < end;
    [start, end] = [clauseStart, clauseEnd];
  }
  let shown = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (shown.length > MAX_LENGTH) {
    // One clause longer than the limit: keep the words around the date, as many before it as the end
    // leaves room for, and open on a clause (after `said that`, `as`, a comma) rather than mid-phrase
    // (`… to were actually created`).
    const at = Math.max(0, Math.min(dateStart - start - MAX_LENGTH / 2, shown.length - MAX_LENGTH));
    const window = shown.slice(at, at + MAX_LENGTH);
    const opener = at > 0 ? CLAUSE_OPENER.exec(window.slice(0, Math.max(0, dateStart - start - at))) : null;
    const from = at === 0 ? 0 : opener ? opener.index + opener[0].length : window.indexOf(' ') + 1;
    const to = at + MAX_LENGTH < shown.length ? window.lastIndexOf(' ') : window.length;
    cutLeft ||= at > 0;
    cutRight ||= at + MAX_LENGTH < shown.length;
    shown = window.slice(from, to);
  }
  // A subhead in capitals the source ran into the sentence (`HOW IT ALL STARTED The first Academy Awards`);
  // three words at least, so that `US FDA Commissioner` keeps its initials.
  shown = shown.replace(/^[,;:\s]+|[,;:\s]+$/g, '').replace(/^(?:[\p{Lu}\d'’&-]+\s+){3,}(?=\p{Lu}\p{Ll})/u, '');
  return `${cutLeft ? '… ' : ''}${shown}${cutRight && !/[.!?]["”’]?$/.test(shown) ? ' …' : ''}`;
}

/** The piece of [start, end) between the breaks around the date. */
function within(
  text: string,
  start: number,
  end: number,
  dateStart: number,
  dateEnd: number,
  breaks: RegExp,
): [number, number] {
  let from = start;
  let to = end;
  const pattern = new RegExp(breaks.source, breaks.flags);
  for (const match of text.slice(start, end).matchAll(pattern)) {
    const at = start + (match.index ?? 0);
    if (at + match[0].length <= dateStart) from = at + match[0].length;
    else if (at >= dateEnd) {
      to = at;
      break;
    }
  }
  return [from, to];
}

/** The clauses around the date, widened one clause at a time while the text stays within the limit. */
function clauseAround(text: string, start: number, end: number, dateStart: number, dateEnd: number): [number, number] {
  const pattern = new RegExp(CLAUSE_BREAK.source, CLAUSE_BREAK.flags);
  const edges = [start];
  for (const match of text.slice(start, end).matchAll(pattern)) {
    const at = start + (match.index ?? 0);
    edges.push(at, at + match[0].length);
  }
  edges.push(end);
  // Clause i spans edges[2i] to edges[2i+1].
  const clauses: [number, number][] = [];
  for (let index = 0; index + 1 < edges.length; index += 2)
    clauses.push([edges[index] as number, edges[index + 1] as number]);
  let first = clauses.findIndex(([, clauseEnd]) => clauseEnd > dateStart);
  if (first < 0) first = clauses.length - 1;
  let last = first;
  while (last + 1 < clauses.length && (clauses[last]?.[1] ?? 0) < dateEnd) last++;
  const span = (from: number, to: number) => (clauses[to]?.[1] ?? end) - (clauses[from]?.[0] ?? start);
  for (;;) {
    if (last + 1 < clauses.length && span(first, last + 1) <= MAX_LENGTH) last++;
    else if (first > 0 && span(first - 1, last) <= MAX_LENGTH) first--;
    else break;
  }
  return [clauses[first]?.[0] ?? start, clauses[last]?.[1] ?? end];
}
