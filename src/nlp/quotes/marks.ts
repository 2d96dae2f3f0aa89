/**
 * Pairs quotation marks. Double marks (straight, curly, guillemets, low-9) are paired first; single
 * marks only outside double-quoted text, and only when they cannot be apostrophes (`Iraq’s`,
 * `soldiers' corpses`). An opening mark left open at the end of a paragraph continues the quote
 * when the next paragraph opens with a mark again (the newspaper convention for long quotes);
 * otherwise the quote ends with its paragraph.
 */
export interface QuotedRegion {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote was never closed. */
  close: number;
  /** Content between the marks. */
  start: number;
  end: number;
  /** Which family of marks: double or single. */
  marks: 'double' | 'single';
  /** True when no closing mark was found. */
  unclosed: boolean;
  /** True when the quote runs over at least one paragraph break. */
  multiParagraph: boolean;
}

const DOUBLE_OPEN = new Set(['\u201c', '\u00ab', '\u201e']);
const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']);
const SINGLE_OPEN = new Set(['\u2018', '\u2039']);
const SINGLE_CLOSE = new Set(['\u2019', '\u203a']);
const WORD = /[\p{L}\p{N}]/u;

/**
 * The text with each doubled apostrophe or backtick standing for a double mark (`''It was,'' he
 * said`, `` ``It was'' ``: the convention of newswire archives and of text typed for TeX) written as
 * a straight double mark, the other character as a space, so that offsets stay as they are. An
 * opening pair (after a space, bracket or dash, before a word) keeps its mark next to the word
 * after it, a closing pair next to the word before it; a run of three apostrophes closes a single
 * quote inside the double one. The same string comes back when the text has no such pair.
 */
export function withDoubledMarks(text: string): string {
  if (!text.includes("''") && !text.includes('``')) return text;
  return text.replace(/``|'{2,3}/g, (run, at: number) => {
    const before = text[at - 1];
    const after = text[at + run.length];
    const opens = before === undefined || /[\s([\u2014\u2013-]/.test(before);
    const closes = before !== undefined && !/\s/.test(before);
    const beforeWord = after !== undefined && !/\s/.test(after);
    if (beforeWord && (run === '``' || (opens && run.length === 2))) return ' "';
    if (run === '``') return run;
    if (closes && (after === undefined || !WORD.test(after))) return run.length === 3 ? '\'" ' : '" ';
    return run;
  });
}

export function isQuoteMark(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    (ch === '"' ||
      ch === "'" ||
      DOUBLE_OPEN.has(ch) ||
      DOUBLE_CLOSE.has(ch) ||
      SINGLE_OPEN.has(ch) ||
      SINGLE_CLOSE.has(ch))
  );
}

export function findQuotedRegions(text: string): QuotedRegion[] {
  const doubles = pairMarks(text, 'double');
  const insideDouble = (offset: number) => doubles.some((region) => offset >= region.open && offset <= region.close);
  const singles = pairMarks(text, 'single').filter((region) => !insideDouble(region.open));
  return [...doubles, ...singles].sort((a, b) => a.open - b.open);
}

function pairMarks(text: string, family: 'double' | 'single'): QuotedRegion[] {
  const regions: QuotedRegion[] = [];
  let open = -1;
  let multiParagraph = false;
  // A closing mark of the other style (`“...."`), used only if the right one never comes.
  let foreignClose = -1;
  /** Quotes opened inside the open one and not yet closed. */
  let nested = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') {
      if (open < 0) continue;
      const next = nextParagraphStart(text, i);
      if (family === 'double' && next < text.length && text[next] === text[open]) {
        // Long quote: the paragraph ends without a closing mark and the next one reopens it.
        multiParagraph = true;
        foreignClose = -1;
        i = next;
        continue;
      }
      if (foreignClose > open) {
        // The first closing mark of the other style ends it (`"Never,” Reid said. “One ...”`), and
        // the rest of the paragraph is read again for the quotes it holds.
        regions.push(makeRegion(text, open, foreignClose, family, false, multiParagraph));
        i = foreignClose;
        open = -1;
        multiParagraph = false;
        nested = 0;
        foreignClose = -1;
        continue;
      }
      regions.push(makeRegion(text, open, i, family, true, multiParagraph));
      open = -1;
      multiParagraph = false;
      nested = 0;
      continue;
    }
    if (open < 0) {
      if (opensQuote(text, i, family)) {
        open = i;
        multiParagraph = false;
        foreignClose = -1;
        nested = 0;
      }
    } else if (family === 'double' && sameStyle(text[open] as string, ch) && opensInside(text, i)) {
      if (endsSentenceBefore(text, i)) {
        // `... game. "On paper, ...`: a long quote whose paragraphs were run together reopens at each
        // one; the part before ends there, as it would at its paragraph break.
        regions.push(makeRegion(text, open, i - 1, family, true, multiParagraph));
        open = i;
        multiParagraph = false;
        foreignClose = -1;
        nested = 0;
      } else nested++; // `"He told me "go away" and left"`: a quote inside the quote.
    } else if (closesQuote(text, i, family, open)) {
      if (nested > 0 && sameStyle(text[open] as string, ch)) {
        nested--;
        continue;
      }
      if (!sameStyle(text[open] as string, ch)) {
        // An inner quote of the other style (`"... question: “As you know ...?” Forty-three ..."`).
        if (foreignClose < 0) foreignClose = i;
        continue;
      }
      regions.push(makeRegion(text, open, i, family, false, multiParagraph));
      open = -1;
    }
  }
  if (open >= 0) regions.push(makeRegion(text, open, text.length, family, true, multiParagraph));
  return regions.filter((region) => region.end > region.start);
}

function opensQuote(text: string, i: number, family: 'double' | 'single'): boolean {
  const ch = text[i] as string;
  const before = text[i - 1];
  const after = text[i + 1];
  if (family === 'double') {
    if (DOUBLE_OPEN.has(ch)) return true;
    // A right mark typed at the start of a paragraph (`”Fear. I am ...`) still opens.
    if (ch === '\u201d' && (before === undefined || before === '\n') && after !== undefined && WORD.test(after))
      return true;
    return ch === '"' && !(before !== undefined && WORD.test(before) && (after === undefined || !WORD.test(after)));
  }
  if (!SINGLE_OPEN.has(ch) && ch !== "'") return false;
  // A single mark opens only at the start of a word: after space, a bracket or a dash, before a letter.
  const startsWord = before === undefined || /[\s([\u2014\u2013-]/.test(before);
  return startsWord && after !== undefined && WORD.test(after);
}

/**
 * A double mark that can only open, seen inside an open quote: a left curly mark, or a straight one
 * after a space, bracket or dash and right before a word.
 */
function opensInside(text: string, i: number): boolean {
  const ch = text[i] as string;
  if (DOUBLE_OPEN.has(ch)) return true;
  if (ch !== '"') return false;
  const before = text[i - 1];
  const after = text[i + 1];
  return before !== undefined && /[\s([\u2014\u2013-]/.test(before) && after !== undefined && WORD.test(after);
}

/** Whether the words before offset `i` (spaces aside) end a sentence. */
function endsSentenceBefore(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /[ \t\u00a0]/.test(text[k] as string)) k--;
  return k >= 0 && /[.!?\u2026]/.test(text[k] as string);
}

function closesQuote(text: string, i: number, family: 'double' | 'single', open: number): boolean {
  const ch = text[i] as string;
  if (family === 'double') return DOUBLE_CLOSE.has(ch) || ch === '"';
  if (!SINGLE_CLOSE.has(ch) && ch !== "'") return false;
  const before = text[i - 1];
  const after = text[i + 1];
  // An apostrophe inside a word (Iraq’s, don’t) never closes a quote.
  if (after !== undefined && WORD.test(after)) return false;
  return before !== undefined && !/\s/.test(before) && i - open < 400;
}

function sameStyle(open: string, close: string): boolean {
  if (open === '"' || open === "'") return close === open;
  return close !== '"' && close !== "'";
}

function nextParagraphStart(text: string, newline: number): number {
  let next = newline;
  while (next < text.length && /\s/.test(text[next] as string)) next++;
  return next;
}

function makeRegion(
  text: string,
  open: number,
  close: number,
  marks: 'double' | 'single',
  unclosed: boolean,
  multiParagraph: boolean,
): QuotedRegion {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { open, close, start, end, marks, unclosed, multiParagraph };
}
