/**
 * Whether a date in a sentence dates the sentence's event or only gives background. Without a parser,
 * the cues are the syntactic positions a background date takes in English:
 * - the object of a bounding or comparing preposition (`since 2003`, `until 2010`, `between 2002 and
 *   2004`, `down from 20% in May 2002`, `than in 2003`): the start or end of a state, or the point
 *   a change is measured from;
 * - a year used as a modifier of a noun (`the 2004 Six Nations`, `1995's Lion King`) unless that noun
 *   phrase is itself the time of the clause (`in the 1994 World Cup`, `during a 2001 meeting`);
 * - a year as the subject of a modal (`2005 should be the year`): what is spoken of, not when;
 * - inside a relative clause (`Charles, who died in 2004, got honours`) or an adverbial clause of time
 *   whose verb is not the main one (`made a comeback after retiring in 1994`).
 */

export type Background = 'bound' | 'range' | 'baseline' | 'modifier' | 'subject' | 'relative' | 'subordinate';

const BOUND =
  /\b(?:since|until|till|through|throughout|before|after|prior\s+to|up\s+to|dating\s+back\s+to|dates\s+back\s+to|back\s+to)\s+$/i;
/** What may stand between a preposition and its date: `since the end of`, `until early`, `since the summer of`. */
const DATE_PREFIX =
  /(?:(?:the\s+)?(?:(?:very\s+)?(?:start|beginning|end|middle|close|turn|first|second|third|fourth|last)(?:\s+(?:half|quarter|part|months?|weeks?|days?))?|summer|winter|spring|autumn|fall|year|years)\s+(?:of|to)\s+|(?:early|late|mid)[\s-]+|the\s+)*$/i;
const RANGE_START = /\b(?:between|from)\s+$/i;
const RANGE_END = /^\s*(?:and|to|until|till|-|–|—)\s*(?:(?:early|late|mid)[\s-]+)?\d/i;
/** The second date of a range: `from 1983 to 1992`, `between 2002 and 2004`. */
const RANGE_SECOND = /\b(?:between|from)\s+[^,;]{1,30}?\d{2,4}\s*(?:and|to|until|till|-|–|—)\s+$/i;
/** A comparison's reference point: a figure given for the date (`down from 20% in May 2002`). */
const BASELINE_FIGURE = /\b(?:from|than)\s+(?:(?!\b(?:to|and|but)\b)[^,;:])*?\d(?:(?!\b(?:to|and|but)\b)[^,;:])*$/i;
/** Or the date itself compared with (`a turnaround from 2002`, `than in 2003`, `compared with 2003`). */
const BASELINE_DIRECT =
  /\b(?:than|compared\s+(?:with|to)|against|versus|vs\.?|(?:up|down|higher|lower|rise|rose|fall|fell|turnaround|change|increase|decrease|jump|drop|improvement|recovery|growth)\b[^,;]{0,20}?\b(?:from|on))\s+(?:(?:those|that|the\s+level|levels?)\s+)?(?:(?:in|during|of)\s+)?$/i;
const BASELINE_REACH = 45;
const FUNCTION_WORDS = new Set(
  (
    'and or but nor to of in on at by for with from into onto over under as than then when while after before ' +
    'since until till that which who whom whose where why how if because though although so yet, ' +
    'is are was were be been being am has have had having do does did will would shall should can could may ' +
    'might must said says say told tells added according also again alone saw see sees brought marked marks ' +
    'and-a ago onwards onward itself alone only'
  ).split(/\s+/),
);
/** Prepositions whose noun phrase is the time of the clause: `in the 1994 World Cup`. */
const TIME_OF_CLAUSE =
  /\b(?:in|at|during|for|throughout)\s+(?:(?:the|a|an|its|their|his|her|this|that|last|each)\s+)?(?:[\w'’-]+\s+){0,2}$/i;
const MODAL_AFTER =
  /^\s+(?:will|would|should|could|must|may|might|can|promises|looks\s+set|is\s+set|is\s+likely|is\s+expected|is\s+going\s+to)\b/i;
/** A relative clause opened before the date and not closed before it. */
const RELATIVE = /(?:^|[,(—–-]\s*|\s)(?:who|which|whose|whom)\b[^,;()—–]*$/i;
/** `after retiring`, `after Cabinet allies intervened`: a clause of time with its own verb. */
const SUBORDINATE =
  /\b(?:after|before|since|until|once)\s+(?:[\w'’-]+\s+){0,4}?(?:[\w'’-]+ing|[\w'’-]+ed|had|was|were|did|made|took|won|lost|left|came|went|became|began|fell|rose|gave|got|met|saw|said|told|paid|sold|bought|ran|led|held|kept|quit|set|cut|put|hit|struck)\b[^,;]*$/i;

/** Why the date at [start, end) of the sentence is background, or undefined when it dates the event. */
export function backgroundOf(sentence: string, start: number, end: number): Background | undefined {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const written = sentence.slice(start, end);
  const prefix = DATE_PREFIX.exec(before);
  const governed = before.slice(0, prefix ? prefix.index : before.length);
  if ((RANGE_START.test(governed) && RANGE_END.test(after)) || RANGE_SECOND.test(governed)) return 'range';
  if (BOUND.test(governed) || /\b(?:since|until|till)\s+$/i.test(before)) return 'bound';
  if (BASELINE_FIGURE.test(before.slice(-BASELINE_REACH)) || BASELINE_DIRECT.test(governed)) return 'baseline';
  if (/^(?:\d{4}|\d{4}\s*\/\s*\d{2,4})$/.test(written)) {
    if (MODAL_AFTER.test(after) && !/\b(?:in|by|during|of)\s+$/i.test(before)) return 'subject';
    if (modifiesNoun(after, before) && !TIME_OF_CLAUSE.test(before)) return 'modifier';
  }
  if (RELATIVE.test(before)) return 'relative';
  if (SUBORDINATE.test(before)) return 'subordinate';
  return undefined;
}

/** A bare year followed by a noun (`2004 Six Nations`), a possessive (`1995's`) or after a name (`Windows 2000`). */
function modifiesNoun(after: string, before: string): boolean {
  if (/^['’]s\b/.test(after)) return true;
  if (/[A-Z][\w-]*\s+$/.test(before) && !/\b(?:in|of|on|by|at|from|to|and|or)\s+$/i.test(before)) {
    const previous = /([A-Z][\w-]*)\s+$/.exec(before)?.[1] ?? '';
    if (!MONTH_NAMES.has(previous.toLowerCase()) && before.trim().length > previous.length) return true;
  }
  const next = /^\s+([\w'’-]+)/.exec(after)?.[1];
  if (!next) return false;
  return !FUNCTION_WORDS.has(next.toLowerCase()) && !/^(?:GMT|BST|UTC|AD|BC|onwards)$/i.test(next);
}

const MONTH_NAMES = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
