/**
 * Whether a date in a sentence dates the sentence's event or only gives background. Without a parser,
 * the cues are the syntactic positions a background date takes in English:
 * - the object of a bounding or comparing preposition (`since 2003`, `until 2010`, `between 2002 and
 *   2004`, `down from 20% in May 2002`, `than in 2003`): the start or end of a state, or the point
 *   a change is measured from;
 * - a year used as a modifier of a noun (`the 2004 Six Nations`, `1995's Lion King`) unless that noun
 *   phrase is itself the time of the clause (`in the 1994 World Cup`, `during a 2001 meeting`);
 * - a year as the subject of a modal (`2005 should be the year`): what is spoken of, not when;
 * - inside a relative clause (`Charles, who died in 2004, got honours`, `a war that ended in 2003`), a
 *   participle clause set off from the main one (`The bill, proposed in 1993, has been approved`;
 *   `Capped by Wales in 2003, Williams ...`) or a participle phrase with its agent (`the surplus
 *   inherited by Bush in 2001`), a concessive clause (`despite winning in 2004`), or an adverbial
 *   clause of time whose verb is not the main one (`made a comeback after retiring in 1994`);
 * - the end of a period something is measured over (`the year ending 31 December 2003`, `results to
 *   March 2005`): the period, not a day on which anything happened;
 * - a likeness or contrast (`comparable with 2003`, `unlike in 2000`), a span beyond a date, the deed a
 *   judgement is for (`jailed for shooting a burglar in 1999`) and what a work tells of (`deals with the
 *   loss of his partner in 1993`, `is set in 1992`);
 * - a year before the writing in a sentence told wholly in the present (`The donation follows a gift
 *   in 2003`): it speaks of how things stand, and the year of something it mentions.
 */

import {
  COUNTED_PERIOD_END,
  frontedSubordinate,
  listedName,
  openAside,
  setOffParticiple,
  setOffParticipleClause,
} from './asides.js';
import { FUNCTION_WORDS, NO_OBJECT, PARENTHESIS, PARTICIPLE, VERB_LIKE } from './clause-words.js';
import { presentOnly } from './tense.js';

export type Background =
  | 'bound'
  | 'range'
  | 'baseline'
  | 'modifier'
  | 'subject'
  | 'relative'
  | 'participle'
  | 'concessive'
  | 'appositive'
  | 'subordinate'
  | 'period'
  | 'present'
  | 'topic';

const BOUND =
  /\b(?:since|until|till|through|throughout|before|after|beyond|prior\s+to|up\s+to|dating\s+back\s+to|dates\s+back\s+to|back\s+to)\s+$/i;
/** What may stand between a preposition and its date: `since the end of`, `until early`, `since the summer of`. */
const DATE_PREFIX =
  /(?:(?:the\s+)?same\s+(?:period|time|point|months?|quarter|weeks?|days?|stage|year)\s+(?:of|in)\s+|(?:the\s+)?(?:(?:very\s+)?(?:start|beginning|end|middle|close|turn|first|second|third|fourth|last)(?:\s+(?:half|quarter|part|months?|weeks?|days?))?|summer|winter|spring|autumn|fall|year|years)\s+(?:of|to)\s+|(?:early|late|mid)[\s-]+|(?:summer|winter|spring|autumn)\s+|the\s+)*$/i;
/** A bounding preposition before a whole noun phrase that ends in the date (`since an 8.5% rise in 1999`). */
const BOUND_PHRASE = /\b(?:since|until|till|(?:dates?|dated|dating)\s+back\s+to)\s+[^,;:()—–"“”]{0,70}$/i;
/** `after the terror attacks in 2001`, `even after the influx at the 1997 election`: the date is inside the noun phrase of the happening it follows. */
const AFTER_PHRASE =
  /\b(?:after|before|following|prior\s+to|recover(?:ed|ing|s|y)?\s+from|resulting\s+from|stemming\s+from|arising\s+from|caused\s+by|prompted\s+by|triggered\s+by)\s+(?:(?:the|a|an|his|her|its|their|this|that)\s+|(?![a-z]+ing\b))(?:[^\s,;:()—–"“”]+\s+){0,6}(?:in|at|during|of)\s+(?:the\s+)?$/i;
/** The date opens a span with no end (`from 2005 onwards`, `to 2008 and beyond`, `from April 2004 on.`). */
const OPEN_SPAN = /^\s*(?:onwards?|and\s+beyond|or\s+beyond|and\s+after|or\s+later|on(?=\s*[.,;:)]|\s*$))\b/i;
/** The end of a measured period: `the year ending 31 December 2003`, `results to March 2005`. */
const PERIOD_END =
  /\b(?:years?|quarters?|months?|weeks?|days?|period|half|season|term|results|figures|accounts|earnings)\s+(?:to|ending|ended|until|till|through)\s+$/i;
const RANGE_START = /\b(?:between|from)\s+$/i;
const RANGE_END =
  /^\s*(?:(?:and|to|until|till|-|–|—)\s*(?:(?:early|late|mid)[\s-]+)?(?:\d|the\s+(?:previous|following|next|same|end|start)\b|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|(?:until|till|to)\s+[^,;.]{0,50}?\b\d{4}\b)/i;
/** The second date of a range: `from 1983 to 1992`, `between 2002 and 2004`, `between July and September 2004`. */
const RANGE_SECOND =
  /\b(?:between|from)\s+[^,;]{0,30}?(?:\d{1,4}s?(?:\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))?|now|today|then|(?<=(?:between|from)\s+)(?:january|february|march|april|may|june|july|august|september|october|november|december))\s*(?:and|to|until|till|-|–|—)\s+$/i;
/** A comparison's reference point: a figure given for the date (`down from 20% in May 2002`, `ahead of the 2.2% recorded in 2003`). */
const BASELINE_FIGURE =
  /\b(?:from|compared\s+(?:with|to)|ahead\s+of|(?<!\b(?:more|less|fewer|no|rather|other)\s+)than)\s+(?:(?!\b(?:to|and|but)\b)(?:[^,;:]|(?<=\d),(?=\d)))*?(?:\d|\b(?:half|thirds?|quarters?|dozens?|hundreds?|thousands?|millions?|billions?)\b)(?:(?!\b(?:to|and|but)\b)(?:[^,;:]|(?<=\d),(?=\d)))*$/i;
/** Or the date itself compared with (`a turnaround from 2002`, `than in 2003`, `compared with 2003`). */
const BASELINE_DIRECT =
  /\b(?:than(?:\s+(?:it|they|he|she|we|there|this|that)\s+(?:was|were|had\s+been|had|did)(?:\s+(?:at|on))?)?|(?:compared|in\s+comparison)\s+(?:with|to)|against|versus|vs\.?|(?:up|down|higher|lower|rise|rose|fall|fell|turnaround|change|increase|decrease|jump|drop|improvement|recovery|growth)\b[^,;]{0,20}?\b(?:from|on))\s+(?:(?:those|that|the\s+level|levels?)\s+)?(?:(?:in|during|of|at|on)\s+)?$/i;
/**
 * A likeness or contrast's reference point: `comparable with 2003`, `unlike in 2000`, `levels last seen in
 * 1995` (set off by a comma, `last seen in 1964` is a participle clause of its own).
 */
const BASELINE_LIKE =
  /\b(?:comparable|similar|equal|equivalent|identical|akin)\s+(?:with|to)\s+(?:(?:that|those|the\s+level|levels?)\s+)?(?:(?:in|during|of|at|on)\s+)?$|\b(?:unlike|like)\s+(?:(?:in|during|at|on)\s+)?$|\b(?:in\s+contrast\s+(?:to|with)|contrary\s+to)\s+[^,;:]*$|(?<![,(]\s*)\blast\s+(?:seen|recorded|reached|hit)\s+(?:in|during|on|at)\s+$/i;
/** What a comparison sets something beside: `compared Xstrata's attempt to a similar bid by Shell in 2001`. */
/** `almost double the figure in 2000`, `surpass levels seen in 2004`: the point measured from. */
const BASELINE_MULTIPLE =
  /\b(?:double|triple|treble|twice|half|quadruple|times)\s+(?:the|that|those|its|their)\s+(?:[\p{L}-]+\s+){0,2}(?:in|of|for|during)\s+$|\b(?:levels?|highs?|lows?|peaks?|rates?)\s+(?:last\s+)?(?:seen|recorded|reached|hit|set)\s+(?:in|during|at|on)\s+$/iu;
const BASELINE_VERB = /\bcompar(?:ed|es|ing)\s+(?:[^,;:]{0,80}?\s)?(?:to|with)\s+[^,;:]*$/i;
/** An equal comparison's reference point: `twice as many as in 2003`. */
const BASELINE_EQUAL = /\bas\s+[\p{L}-]+\s+as\s+(?:(?:in|during|on|at)\s+)?$/iu;
const BASELINE_REACH = 45;
/**
 * A verb whose object the year is (`called 2004 an outstanding success`): what is spoken of, not when.
 * A day so named (`called January 5 the day parliament decided`) is the day of what it names.
 */
const NAMING =
  /\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)|dubb(?:ed|ing)|dubs?|hail(?:ed|s|ing)?|brand(?:ed|s|ing)?|label(?:l?ed|s|l?ing)?|declar(?:ed|es|ing)|regard(?:ed|s|ing)?)\s+$/i;
/** Prepositions whose noun phrase is the time of the clause: `in the 1994 World Cup`. */
const TIME_OF_CLAUSE =
  /\b(?:in|at|during|throughout)\s+(?:(?:the|a|an|its|their|his|her|this|that|last|each)\s+)?(?:[\w'’-]+\s+){0,2}$/i;
/** `said 2004 had been a great year`: the year is what is said of, not when it was said. `2004 saw a rise` dates the rise. */
const SAID_OF =
  /\b(?:said|says|say|believes?|believed|thinks?|thought|felt|feels?|reckons?|reckoned|described|that)\s+$/i;
/** `was a stellar year`, `has been the year of the portable music player`; not `the year a competition is held`. */
const YEAR_CHARACTERISED =
  /^\s+(?:was|is|being|has\s+been|had\s+been|will\s+be|would\s+be|(?:has\s+|had\s+|will\s+)?prov(?:ed|en|e|es)\s+(?:to\s+be\s+)?)\s*(?:(?:also|already|probably|clearly|an?\s+especially|especially)\s+)?(?:a|an|the|another|one)?\s*(?:["“]?[\p{L}-]+["”]?\s+){0,3}?["“]?year["”]?(?=\s*(?:for|of|in)\b|\s*[,.;:!?"”]|\s*$)/iu;
const COPULA_AFTER = /^\s+(?:was|were|is|are|had\s+been|has\s+been|will\s+be|would\s+be)\b/i;
const MODAL_AFTER =
  /^\s+(?:will|would|should|could|must|may|might|can|promises|looks\s+set|is\s+set|is\s+likely|is\s+expected|is\s+going\s+to|to\s+be)\b/i;
/**
 * A relative clause opened before the date and not closed before it; `where` after a noun or a comma
 * opens one too (`the theatre where she had her first role in 1948`, `the disaster, where 96 died in 1989`).
 */
const RELATIVE = /(?:^|[,(—–-]\s*|\s)(?:who|which|whose|whom|(?<=(?:\p{L}+|,)\s+)where)\b[^,;()—–]*$/iu;
/**
 * A relative clause opened by `that` and its verb (`a civil war that came to an end in 2003`). A
 * `that` followed by its own subject (`estimates that remittances reached ...`) opens what is said
 * or thought, which tells the main event; so does one after a verb or adjective (`warned that`).
 */
const THAT_RELATIVE =
  /\b([\p{L}'’-]+)\s+that\s+(?:(?:we|they|he|she|it|i|you)\s+)?(?:\p{L}+ly\s+)?(?:[\p{L}]{2,}ed|was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|came|went|took|made|won|lost|saw|began|fell|rose|became|left|gave|got|met|held|kept|led|sold|bought|brought|paid|ran|struck|told|found)\b[^,;:()—–]*$/iu;
/** A relative clause with no pronoun: `the label he founded in 1987`, `the side they beat in 2003`. */
const CONTACT_RELATIVE =
  /\b(?:the|a|an|his|her|its|their|this)\s+((?:[\p{L}-]+\s+){1,2})(?:he|she|they|we|i|you)\s+(?:had\s+|has\s+|have\s+)?(?:[\p{Ll}-]+ed|made|won|lost|saw|took|began|left|gave|got|met|held|kept|led|sold|bought|brought|paid|ran|set|struck|wrote|built|beat|played)\b[^,;:()—–]*$/iu;
/** `finish something I started in 1994`, `what he did in 2003`: a pronoun's relative clause. */
const INDEFINITE_RELATIVE =
  /\b(?:something|anything|everything|nothing|what)\s+(?:he|she|they|we|i|you)\s+(?:had\s+|has\s+|have\s+)?(?:[\p{Ll}-]+ed|made|won|lost|saw|took|began|left|gave|got|met|held|kept|led|sold|bought|brought|paid|ran|set|struck|wrote|built|beat|played|did|started|said)\b[^,;:()—–]*$/iu;
/** Its noun is a thing, not a time (`the last time I saw him in 1980` dates the seeing) or a clause word (`when`). */
function contactRelative(before: string): boolean {
  if (INDEFINITE_RELATIVE.test(before)) return true;
  const nouns = CONTACT_RELATIVE.exec(before)?.[1]?.trim().toLowerCase().split(/\s+/);
  return (
    nouns !== undefined && !nouns.some((word) => FUNCTION_WORDS.has(word) || TIME_NOUNS.has(word) || word === 'time')
  );
}

/** `the mistake that John Major made in 1992`: `that`, a short subject and its verb, the object left out. */
const OBJECT_THAT =
  /\b([\p{L}'’-]+)\s+that\s+(?:[\p{Lu}][\p{L}'’-]*\s+){1,3}(?:and\s+(?:his|her|their|its)\s+[\p{L}-]+\s+)?(?:had\s+)?(?:\p{Ll}+ed|made|won|lost|saw|took|began|left|gave|got|met|held|kept|led|sold|bought|brought|paid|ran|set|struck|wrote|built|beat)\b[^,;:()—–]*$/u;

/** Words after which `that` opens what is said, thought or found (`warned that`, `clear that`), not a relative clause. */
const COMPLEMENT_HEADS = new Set(
  (
    'said say says saying told tell tells think thinks thought believe believes know knows knew show shows mean ' +
    'means meant hope hopes expect expects suggest suggests insist insists warn warns add adds admit admits ' +
    'confirm confirms reveal reveals feel feels felt find finds found ensure ensures indicate indicates predict ' +
    'predicts agree agrees announce announces note notes realise realises realize realizes understand understood ' +
    'see sees saw seen recall recalls remember remembers deny denies accept accepts argue argues claim claims ' +
    'clear likely sure aware possible unlikely true evident so such now given is was are were be been being not'
  ).split(' '),
);
/** A concessive clause still open at the date: `despite winning the Palme d'Or in 2004`, `albeit with losses halved in 2004`. */
const CONCESSIVE = /\b(?:despite|in\s+spite\s+of|although|though|albeit|whereas|notwithstanding)\b[^,;:()—–]*$/i;
/** A sentence that opens on a concession, the main clause still to come after a comma. */
const FRONTED_CONCESSIVE = /^\s*["“]?(?:despite|in\s+spite\s+of|although|though|even\s+though|whereas)\b[^;:()—–]*$/i;
/** A participle clause opened at the start or after a comma, before the date: `, proposed in 1993`, `, due to start in 2006`. */
const PARTICIPLE_OPENED = new RegExp(
  `(?:^|[,(—–]\\s*)(?:(?:first|originally|previously|once|later|last|recently|newly|already|widely|best|largely)\\s+)?(?:${PARTICIPLE}(?=${NO_OBJECT})|due\\s+(?:to|for|in|on|by)\\b|(?<=[,(—–]\\s*)\\p{Ll}{3,}ing\\s)[^,;:()—–]*$`,
  'u',
);
/** `having first bought into the business in 1969`: what was done before the main clause, wherever it stands. */
const PERFECT_PARTICIPLE =
  /(?:^|[,(—–-]\s*)(?:[^,;:()—–\s]+\s+){0,5}?(?:\p{L}+ly\s+)?having\s+(?:\p{L}+ly\s+)?(?:been\s+)?\p{L}+\b[^,;:()—–]*(?:,\s+(?:in|on|during)\s+)?$/iu;
/** Words before `for` that make the date a time (`due for 2005`, `planned for March`), not what the noun is for. */
const TIME_FOR = new Set(
  'due set planned scheduled slated booked ready time aimed expected pencilled penciled earmarked intended targeted'.split(
    ' ',
  ),
);
/**
 * A participle with a short agent, not after an auxiliary (`the surplus inherited by Bush in 2001`);
 * not `rose by 5%` (a figure), `by far`, `responded by using` (a means) or `by March` (a deadline).
 */
const PARTICIPLE_AGENT = new RegExp(
  `(?<!\\b(?:was|were|been|be|being|is|are|am|get|got|gets|getting|has|have|had)\\s+(?:(?:\\p{L}+ly|not|also|already|first|then|later|just)\\s+)*)\\b${PARTICIPLE}(?:\\s+(?:out|up|off|down|through|over))?\\s+by\\s+(?!(?:about|around|almost|nearly|more|less|over|some|just|only|far|up|as|a\\s+(?:further|third|quarter|half|fifth))\\b|[£$€]?\\d|\\p{L}+ing\\b)(?:[^\\s,;:()—–]+\\s+){1,7}$`,
  'iu',
);
/** Nouns of time after which `of` joins the date (`the final three months of 2004`), not a thing it names. */
const TIME_NOUNS = new Set(
  (
    'start beginning end middle close turn half quarter part parts month months week weeks day days year years ' +
    'summer winter spring autumn fall course rest remainder period session bulk most much all some each many ' +
    'first last second third fourth season term morning evening night afternoon weekend holiday holidays eve as ' +
    'whole portion stretch break window'
  ).split(' '),
);
const DETERMINED = /(?:\b(?:the|a|an|its|their|his|her|our|this|that|next)|['’]s)\s+$/i;
/**
 * What a deed is charged, praised or blamed for (`jailed for shooting a burglar in 1999`, `accused of
 * directing a fraud`): a clause of its own, told before the main one happened. Only verbs of judging
 * take it so (`complained of being targeted in 2004` dates the complaints).
 */
const GERUND =
  /\b(?:criticism|blame|praise|accused|charged|convicted|jailed|sentenced|fined|arrested|cleared|acquitted|blamed|criticised|criticized|praised|sued|punished|banned|suspended|sacked|fired|indicted|prosecuted|investigated|questioned|condemned|attacked|rewarded|honoured|honored|thanked|credited|guilty|innocent)(?:\s+[^\s,;:]+){0,3}?\s+(?:for|of|with)\s+(?:(?:\p{Ll}+ly|not)\s+)?\p{Ll}{2,}ing\b[^,;:()—–"“”]*(?:,\s+(?:in|on|during)\s+)?$/u;
/**
 * What a work or a telling is about (`tells of a mission during the 1994 genocide`, `deals with the
 * loss of his partner in 1993`, `is set in 1992`): the date is its subject, not the time of the telling.
 */
const TOPIC =
  /\b(?:tells?\s+(?:of|about|the\s+story)|told\s+(?:of|the\s+story)|(?<!\b(?:the|a|new|two|three|several|many|some|their|its|his|her|signed|struck|sign|strike|agreed|sponsorship|supply|trade)\s+)deals\s+with|(?:is|are|was|were)\s+(?:all\s+)?about(?!\s+(?:half|a\s+(?:third|quarter|fifth|tenth)|\d|[£$€]))|looks?\s+back\s+(?:at|on)|explores?|chronicles?|depicts?|portrays?|recounts?|(?:is|are|was|were)\s+based\s+on|(?:is|are|was|were)\s+set\s+(?:in|during))\b(?:(?!\b(?:where|when|which|who|while|whereas|but|then)\b|\s-\s)[^,;:()—–"“”])*$/i;
/** An aside between dashes (`since Ipswich - then in the second tier - defeated them`). */
const DASH_ASIDE = /\s[-–—]\s[^-–—]{1,60}?\s[-–—]\s/g;
/**
 * `after retiring`, `after Cabinet allies intervened`: a clause of time with its own verb; `because`
 * opens a reason, a happening of its own that the main clause gives as its cause. After a copula
 * (`That is because the age was reduced in 1969`) the clause is what the sentence tells.
 */
const SUBORDINATE =
  /(?<!\b(?:is|was|['’]s)\s+(?:p{L}+ly\s+)?)\b(?:after|before|since|until|once|because)\s+(?:[\w'’-]+\s+){0,5}?(?:[\w'’-]+ing|[\w'’-]+ed|had|was|were|did|made|took|won|lost|left|came|went|became|began|fell|rose|gave|got|met|saw|said|told|paid|sold|bought|ran|led|held|kept|quit|set|cut|put|hit|struck)\b[^,;]*$/i;

/** What is known of the document around the sentence. */
export interface AttachmentContext {
  /**
   * The year the document was written in, or the latest it can have been told in: a year before it,
   * in a sentence told wholly in the present, is past background to how things stand.
   */
  writingYear?: number;
}

/** Why the date at [start, end) of the sentence is background, or undefined when it dates the event. */
export function backgroundOf(
  sentence: string,
  start: number,
  end: number,
  context: AttachmentContext = {},
): Background | undefined {
  // `a 10,000-vote majority`: a comma inside a figure is no clause boundary.
  const before = sentence.slice(0, start).replace(/(?<=\d),(?=\d{3})/g, '');
  const after = sentence.slice(end);
  const written = sentence.slice(start, end);
  // A year joined to the one before it (`results for 2004 and 2005`) stands where that one stands.
  // Read on the sentence as written: `before` has lost the commas of figures, so its offsets differ.
  const joined = /(?<![\w-])(\d{4})(?:,\s*|\s+(?:and|or)\s+)$/.exec(sentence.slice(0, start));
  // A range's first end (`between June 2003 and 2004`) is no year the second one stands beside: the
  // second is read on its own when the first dates the clause.
  if (joined && /^\d{4}$/.test(written)) {
    const first = backgroundOf(sentence, joined.index, joined.index + 4, context);
    if (first) return first;
  }
  // `Airport (1968)`, `2048-bit`: a year that names or measures the thing it is attached to.
  if ((/\(\s*$/.test(before) && /^\s*\)/.test(after)) || /^-\p{L}/u.test(after)) return 'modifier';
  // `his pledge card, from 1997, claiming ...`: where the thing comes from, set off by commas.
  if (/,\s*from\s+$/i.test(before) && /^\s*,/.test(after)) return 'modifier';
  // `a record of 6.39secs from 1998`: where a record comes from (after a figure alone, `8% from April`
  // is when a change starts).
  if (/\b(?:record|best|high|low|peak)\s+(?:of\s+[^\s,;]+\s+)?from\s+$/i.test(before)) return 'modifier';
  const prefix = DATE_PREFIX.exec(before);
  const governed = before.slice(0, prefix ? prefix.index : before.length);
  if (
    (RANGE_START.test(governed) && RANGE_END.test(after)) ||
    RANGE_SECOND.test(governed) ||
    /^(?:between|from)\s/i.test(written)
  )
    return 'range';
  if (
    BOUND.test(governed) ||
    BOUND_PHRASE.test(before) ||
    OPEN_SPAN.test(after) ||
    AFTER_PHRASE.test(before) ||
    AFTER_PHRASE.test(governed)
  )
    return 'bound';
  if (PERIOD_END.test(governed) || PERIOD_END.test(before) || COUNTED_PERIOD_END.test(before)) return 'period';
  if (
    BASELINE_FIGURE.test(before.slice(-BASELINE_REACH)) ||
    BASELINE_DIRECT.test(governed) ||
    BASELINE_EQUAL.test(governed) ||
    BASELINE_LIKE.test(governed) ||
    BASELINE_VERB.test(before) ||
    BASELINE_MULTIPLE.test(governed)
  )
    return 'baseline';
  if (/^(?:\d{4}|\d{4}\s*\/\s*\d{2,4})$/.test(written)) {
    if (MODAL_AFTER.test(after) && !/\b(?:in|by|during|of)\s+$/i.test(before)) return 'subject';
    if (SAID_OF.test(before) && COPULA_AFTER.test(after)) return 'subject';
    // `2004 was a stellar year`, `If 2004 has been the year of the music player`: what is spoken of.
    // (`due to 2003 being an especially good year`: the subject of a gerund after its preposition).
    if (
      YEAR_CHARACTERISED.test(after) &&
      (/^\s+being\b/.test(after) || !/\b(?:in|by|during|of|since|until|from|to|for|on|at)\s+$/i.test(before))
    )
      return 'subject';
    if (
      namedVersion(before) ||
      listedName(before, after) ||
      (modifiesNoun(after, before) && !timeOfClause(before, after))
    )
      return 'modifier';
    // `in 1987's Robocop` names a film; `in 2004's final quarter` is a time.
    const owned = /^['’]s\s+(?:\p{L}+\s+)?(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
    if (owned !== undefined && !TIME_NOUNS.has(owned)) return 'modifier';
  } else if (DETERMINED.test(before) && headFollows(after) && !timeOfClause(before, after)) return 'modifier';
  if (
    /\b(?:pre|post)-$/i.test(before) ||
    namedByOf(governed) ||
    namedByFor(governed, written) ||
    /\babout\s+$/i.test(governed) ||
    (NAMING.test(governed) && /^\d{4}$/.test(written)) ||
    (/\banniversary\s+of\b[^,;:]*$/i.test(governed) && /^\d{4}$/.test(written))
  )
    return 'modifier';
  // A bracketed figure (`for £200m ($376m) in 1995`) leaves the relative clause around it open.
  const withoutBrackets = before.replace(PARENTHESIS, ' ');
  if (RELATIVE.test(withoutBrackets) || relativeThat(before) || contactRelative(before)) return 'relative';
  if (
    participleClause(before, after) ||
    PARTICIPLE_AGENT.test(before) ||
    PERFECT_PARTICIPLE.test(before) ||
    reducedRelative(before) ||
    subjectParticiple(before, after)
  )
    return 'participle';
  if (CONCESSIVE.test(before) || frontedConcession(before, after)) return 'concessive';
  if (appositive(before, after) || setOffParticiple(before, after) || openAside(before, after)) return 'appositive';
  if (setOffParticipleClause(before, after)) return 'participle';
  const unbracketed = before.replace(PARENTHESIS, ' ').replace(DASH_ASIDE, ' ');
  if (SUBORDINATE.test(unbracketed) || GERUND.test(unbracketed) || frontedSubordinate(unbracketed, after))
    return 'subordinate';
  if (TOPIC.test(before)) return 'topic';
  const year = Number(/\d{4}/.exec(written)?.[0]);
  // A present sentence may tell what is to come (`The sides meet again on 1 February`, `UNECE is
  // forecasting growth in 2005`): only a year before the writing is past background there.
  if (year < (context.writingYear ?? Number.NEGATIVE_INFINITY) && presentOnly(sentence, start)) return 'present';
  return undefined;
}

/**
 * `in the 1994 World Cup`, `during a 2001 meeting`: a dated happening that is the time of the clause.
 * A dated thing (`in the 2005 version of the dictionary`) is not a time, whatever its preposition.
 */
function timeOfClause(before: string, after: string): boolean {
  if (!TIME_OF_CLAUSE.test(before)) return false;
  if (!/\b(?:the|a|an|its|their|his|her)\s+$/i.test(before)) return true;
  // The words of the compound after the date, up to the first function word (`2001 audit committee meeting`).
  const following = /^(?:\s+[\p{L}][\p{L}'’-]*){1,4}/u.exec(after)?.[0].trim().split(/\s+/) ?? [];
  const stop = following.findIndex((word) => FUNCTION_WORDS.has(word.toLowerCase()));
  const words = stop < 0 ? following : following.slice(0, stop);
  if (words.length === 0) return true;
  return (
    /^\p{Lu}/u.test(words[0] as string) ||
    words.some((word) => HAPPENINGS.has(word.toLowerCase()) || TIME_NOUNS.has(word.toLowerCase()))
  );
}

/** Nouns of things that happen, whose date is a time (`the 2001 election`), unlike a dated thing (`the 2005 version`). */
const HAPPENINGS = new Set(
  (
    'election elections campaign final finals championship championships tournament games game match race cup ' +
    'series war invasion attack attacks crash merger takeover deal summit meeting meetings talks conference ' +
    'ceremony awards festival show tour vote referendum strike launch release debut auction sale recession ' +
    'crisis floods flood earthquake tsunami storm disaster protest protests riots coup competition event events ' +
    'contest poll polls census survey trial hearing inquiry season quarter draw olympics genocide massacre ' +
    'bombing bombings assassination raid killing killings transfer'
  ).split(' '),
);

/** `the Most Wanted game of 2005`: `of` after a noun that is not itself a time (`the final months of 2004`). */
function namedByOf(governed: string): boolean {
  const head = /([\p{L}'’-]+)\s+of\s+$/iu.exec(governed)?.[1];
  return head !== undefined && !TIME_NOUNS.has(head.toLowerCase());
}

/** `the top 10 gadgets for 2004`, `results for 2004`: `for` after a noun names what the thing is for. */
function namedByFor(governed: string, written: string): boolean {
  if (
    !/^(?:\d{4}|\p{L}+(?:\s+\d{4})?)$/u.test(written) ||
    (/^\p{L}/u.test(written) && !MONTH_NAMES.has(written.split(/\s+/)[0]?.toLowerCase() ?? ''))
  )
    return false;
  const head = /([\p{L}'’-]+)["”’]?\s+for\s+$/iu.exec(governed)?.[1]?.toLowerCase();
  return head !== undefined && !TIME_FOR.has(head) && !FUNCTION_WORDS.has(head) && !/(?:ed|ly)$/.test(head);
}

/**
 * A `that` relative clause around the date. When both the main clause and the relative one are in
 * the past (`were killed in a strike that was ordered ... on 3 January`), the two happened together
 * and the date stays; a main clause in the present (`is recovering from a war that ended in 2003`)
 * or a relative one in the future cannot share its date.
 */
function relativeThat(before: string): boolean {
  const object = OBJECT_THAT.exec(before)?.[1];
  if (object !== undefined && !COMPLEMENT_HEADS.has(object.toLowerCase()) && !/(?:ed|ly|ing)$/i.test(object))
    return true;
  const match = THAT_RELATIVE.exec(before);
  const head = match?.[1];
  if (!match || head === undefined || COMPLEMENT_HEADS.has(head.toLowerCase()) || /(?:ed|ly|ing)$/i.test(head))
    return false;
  const relative = match[0].slice(match[0].indexOf('that'));
  // `is accused of a fraud that saw the firm collapse in 2002`: a present passive is no past.
  const main = before.slice(0, match.index).replace(PRESENT_PASSIVE, ' ');
  // A pluperfect (`an area that had experienced growth in 2004`) tells what came before the main clause.
  if (PLUPERFECT.test(relative)) return true;
  return !(PAST.test(main) && PAST.test(relative) && !FUTURE.test(relative));
}

const PAST =
  /\b(?:was|were|had|did|\p{L}{3,}ed|came|went|took|made|won|lost|saw|began|fell|rose|became|left|gave|got|met|held|kept|led|sold|bought|brought|paid|ran|struck|told|found|said)\b/iu;
const PLUPERFECT =
  /\bhad\s+(?:\p{L}+ly\s+|not\s+|already\s+)?(?:been\s+)?\p{Ll}+(?:ed|en|ne|wn|ught|ld|lt|nt|de|ok|ng|un|st|it)\b/iu;
const PRESENT_PASSIVE = /\b(?:is|are|am|be|being)\s+(?:\p{L}+ly\s+)?\p{L}+ed\b/giu;
const FUTURE = /\b(?:will|would|could|can|may|might|must|should|shall|is|are|has|have)\b/i;

/**
 * `Rules introduced in 2002 demand that ...`: the sentence opens on a noun and a participle with its
 * date, and a verb with its object follows the date, so the participle told the subject's past, not
 * the clause's (`Sales rose in 2004 despite the ...` has no participle; `to`, `despite` are no verbs).
 */
function subjectParticiple(before: string, after: string): boolean {
  if (!SUBJECT_PARTICIPLE.test(before)) return false;
  const next = /^\s+(\p{Ll}+)\s+(?:the|a|an|that|its|their|his|her|it|them|[£$€\d])/u.exec(after)?.[1];
  return next !== undefined && !FUNCTION_WORDS.has(next) && !NOT_VERBS.has(next) && !/(?:ly|ing)$/.test(next);
}

const SUBJECT_PARTICIPLE = new RegExp(
  `^\\s*(?:(?:the|its|their|his|her|these|those|some|many|new|controversial|recent)\\s+)?(?:[\\p{L}'’-]+\\s+){0,2}?\\p{L}+s\\s+(?=\\p{Ll})${PARTICIPLE}(?:\\s+(?:in|on|at|by|for|from|to|with|under|during)\\s+[^,;:()—–]{0,40}?)?\\s+(?:in|on|during)\\s+$`,
  'iu',
);
/** Prepositions and conjunctions that may follow a date, which are no verb. */
const NOT_VERBS = new Set(
  'despite amid amidst following including against among without within across through under over above below ahead because due compared according like unlike via per toward towards besides near off out up down thanks when while where whereas although though once until since after before as'.split(
    ' ',
  ),
);

/**
 * `The meeting will assess the plans agreed in Lisbon in 2000`: a participle after a noun, in a clause
 * whose own verb is present or future, tells an earlier happening, not the clause's.
 */
function reducedRelative(before: string): boolean {
  const clause = /(?:^|[,;:()—–]|\s-\s)((?:(?!\s-\s)[^,;:()—–])*)$/.exec(before)?.[1] ?? '';
  const participle = REDUCED.exec(clause);
  const noun = participle?.[1]?.toLowerCase();
  if (!participle || noun === undefined || FUNCTION_WORDS.has(noun) || NOT_NOUNS.has(noun) || /ly$/.test(noun))
    return false;
  // `a meeting planned for 7 January` is the happening itself, to come.
  if (TIME_FOR.has(participle[0].split(/\s+/).pop()?.toLowerCase() ?? '')) return false;
  const head = clause.slice(0, participle.index);
  // The participle follows a noun phrase of its own, after the clause's present or future verb.
  const finite = [...head.matchAll(new RegExp(PRESENT_FINITE.source, 'gi'))].pop();
  // A present perfect (`they have already met the demands in a settlement reached ...`) is present too.
  const unperfected = head.replace(PRESENT_PERFECT, ' ');
  return finite !== undefined && !PAST.test(unperfected) && DETERMINER_WORD.test(head.slice(finite.index));
}

const REDUCED = new RegExp(`\\b(\\p{L}+)\\s+(?=\\p{Ll})${PARTICIPLE}(?=${NO_OBJECT})`, 'u');
/** Words before a participle that make it a verb's (`has long campaigned`, `fit and motivated`), not a noun's. */
const NOT_NOUNS = new Set(
  'was were been be being is are am get got gets has have had not also already just since never then now long still yet ever once first fully very so too more most well better highly'.split(
    ' ',
  ),
);
const PRESENT_PERFECT = /\b(?:has|have)\s+(?:(?:\p{L}+ly|not|already|also|just|since|never|ever)\s+)*\p{L}+/giu;
const DETERMINER_WORD = /\b(?:the|a|an|its|their|his|her|our|this|these|those|some|all)\b/i;
const PRESENT_FINITE = /\b(?:is|are|am|has|have|will|can|may|must|shall|does|do)\b/i;

/**
 * The date inside a concession that opens the sentence (`Although one man, Roberts, was convicted in
 * 1993, the cases ...`): in its first stretch, or in a stretch that goes on with its verb after an
 * interruption; a stretch that opens on a new subject (`..., the department revealed in November`) is
 * the main clause.
 */
function frontedConcession(before: string, after: string): boolean {
  if (!FRONTED_CONCESSIVE.test(before) || !/,\s*\S/.test(after)) return false;
  const stretches = before.split(/,\s*/);
  const last = stretches[stretches.length - 1] ?? '';
  return stretches.length === 1 || VERB_LIKE.test(/^\S+/.exec(last)?.[0] ?? '');
}

/**
 * A noun phrase set off by commas (`Thank You, winner of best single at the 2004 Mobos, reached ...`):
 * no verb between the commas, the main clause going on after them. A time phrase so set off (`The
 * firm, in 2003, sold ...`) opens on its preposition and still dates the clause.
 */
function appositive(before: string, after: string): boolean {
  const opened = /,\s+([^,;:()—–"“”]*)$/.exec(before);
  if (!opened) return false;
  const words = (opened[1] ?? '').trim().split(/\s+/);
  const first = words[0]?.toLowerCase() ?? '';
  // `... with second seed Amelie Mauresmo, a runner-up in 1999.`: a noun phrase after a name ends the sentence.
  const closing =
    /^\s*[.!?"”]*\s*$/.test(after) &&
    /^(?:a|an|the)$/.test(first) &&
    /\s\p{Lu}[\p{L}'’-]+$/u.test(before.slice(0, opened.index));
  if (!closing && !/^[^;.!?]*?,\s*\S/.test(after)) return false;
  // `Kenteris, the 200m champion in 2000, and Thanou ...`: a determiner opens an appositive right after a name.
  const afterName = closing || (/^(?:the|a|an)$/.test(first) && namedSubject(before.slice(0, opened.index)));
  if (
    words.length < 3 ||
    (FUNCTION_WORDS.has(first) && !afterName) ||
    OPENING_WORDS.has(first) ||
    /(?:ly|ing)$/.test(first)
  )
    return false;
  // A list (`the strategy, brands and people to deliver in 2005`) is no appositive either.
  return !VERB_LIKE.test(opened[1] ?? '') && !/\b(?:and|or)\b/.test(opened[1] ?? '');
}

/** Words that open a sentence with a capital and are no name (`Overall, the report ...`). */
const CONNECTIVES = new Set(
  (
    'however meanwhile overall nevertheless nonetheless instead moreover furthermore still yet indeed now then ' +
    'today also finally separately elsewhere similarly likewise besides again otherwise therefore thus hence ' +
    'initially originally currently previously recently later earlier first second third so but and or last'
  ).split(' '),
);

/** A sentence that opens on a name alone before the comma (`Kenteris, the 200m champion ...`). */
function namedSubject(opening: string): boolean {
  const words = opening
    .trim()
    .replace(/^["“‘']+/, '')
    .split(/\s+/);
  const first = words[0]?.toLowerCase() ?? '';
  return words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word)) && !CONNECTIVES.has(first) && !/ly$/.test(first);
}

/**
 * A participle clause around the date, closed before the main clause goes on: set off by commas
 * (`The bill, proposed in 1993, has ...`) or fronted (`Capped by Wales in 2003, he ...`). One that
 * ends the sentence (`..., released in 2003.`) may still tell the main event, so it stays.
 */
function participleClause(before: string, after: string): boolean {
  // Case matters (`, referring to` is a participle, `, Bening's` is not), but not at the sentence start.
  const opened = PARTICIPLE_OPENED.exec(before.charAt(0).toLowerCase() + before.slice(1));
  if (!opened || !/^[^;.!?]*?[,—–)]\s*\S/.test(after)) return false;
  // An -ing clause whose source lost its closing comma runs on into the main verb (`, starring X went on release`).
  const ing = /^[,(—–]\s*\p{Ll}{3,}ing\s+(.*)$/u.exec(opened[0]);
  return !ing || !PAST.test(ing[1] ?? '');
}

/**
 * A content word right after the date (`the 15 March opening`, `their Christmas tree`), not a noun of
 * time, with which the date makes a longer time (`the Christmas holiday`, `the 2005 season`).
 */
function headFollows(after: string): boolean {
  const next = /^\s+([\p{L}][\p{L}'’-]*)/u.exec(after)?.[1]?.toLowerCase();
  return (
    next !== undefined && !FUNCTION_WORDS.has(next) && !TIME_NOUNS.has(next) && !/^(?:gmt|bst|utc|ad|bc)$/.test(next)
  );
}

/** `the Hunting Act 2004`, `Windows 2000`: a year after a name inside the sentence is part of that name. */
function namedVersion(before: string): boolean {
  const previous = /(?:^|\s)([A-Z][\w-]*)\s+$/.exec(before)?.[1];
  return (
    previous !== undefined &&
    before.trim().length > previous.length &&
    !MONTH_NAMES.has(previous.toLowerCase()) &&
    !OPENING_WORDS.has(previous.toLowerCase()) &&
    !FUNCTION_WORDS.has(previous.toLowerCase())
  );
}

/** A bare year followed by a noun (`2004 Six Nations`), a possessive (`1995's`) or after a name (`Windows 2000`). */
function modifiesNoun(after: string, before: string): boolean {
  if (/^['’]s\b/.test(after)) return true;
  // `Fifa 2005 is back at the top`: a name opening the sentence, not a preposition (`During 2004`).
  const opening = /^\s*([A-Z][\w-]*)\s+$/.exec(before)?.[1]?.toLowerCase();
  if (opening && !FUNCTION_WORDS.has(opening) && !MONTH_NAMES.has(opening) && !OPENING_WORDS.has(opening)) return true;
  if (/[A-Z][\w-]*\s+$/.test(before) && !/\b(?:in|of|on|by|at|from|to|and|or)\s+$/i.test(before)) {
    const previous = /([A-Z][\w-]*)\s+$/.exec(before)?.[1] ?? '';
    if (!MONTH_NAMES.has(previous.toLowerCase()) && before.trim().length > previous.length) return true;
  }
  const next = /^\s+([\w'’-]+)/.exec(after)?.[1];
  if (!next) return false;
  return !FUNCTION_WORDS.has(next.toLowerCase()) && !/^(?:GMT|BST|UTC|AD|BC|onwards)$/i.test(next);
}

/** Words that open a sentence before a year and leave it the time of the clause (`During 2004, ...`). */
const OPENING_WORDS = new Set(
  'come during throughout through around about over under between within without unlike like despite last early late mid circa from by for at on in since until till after before in'.split(
    ' ',
  ),
);

const MONTH_NAMES = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
