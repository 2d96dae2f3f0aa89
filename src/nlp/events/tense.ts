/**
 * The tense a sentence is told in, read from its verb forms without a parser: whether it tells
 * something past, or only how things stand (a present with no past verb, plan or forecast), and
 * whether it reads as prose at all. `attachment.ts` sets aside a year before the writing in a
 * sentence told wholly in the present; `find-events.ts` takes the year of writing from the latest
 * year a past sentence gives.
 */

/** Irregular past forms; a regular one ends in -ed (not `need`, `hundred`, nor one after a determiner or a preposition: `for troubled boys`). */
const IRREGULAR_PAST = (
  'was were had did arose awoke beat became began bent bet bid bit bled blew bore broke bred brought built burnt ' +
  'burst bought caught chose clung came cost crept cut dealt dug dove drew dreamt drank drove dwelt ate fell fed felt ' +
  'fought found fled flung flew forbade forgot forgave froze got gave went ground grew hung heard hid hit held hurt ' +
  'kept knelt knew laid led leant leapt learnt left lent let lay lit lost made meant met mistook overcame overtook ' +
  'overran overthrew paid put quit ran rang rode rose said sat saw sought sold sent set sewed shook shed shone shot ' +
  'showed shrank shut sang sank slid slew slept slung smelt spoke sped spent spilt spun spat split spread sprang ' +
  'stood stole stuck stung stank strode struck strove swore swept swam swung took taught tore told thought threw ' +
  'thrust trod underwent understood undertook upheld upset withdrew woke wore wove wept won wound wrote'
).split(' ');
/** Participles of the perfect (`has gone`) that are not past forms too; those and -ed ones are found as past forms. */
const PERFECT_PARTICIPLES = (
  'been gone done seen taken given shown known grown written spoken chosen driven fallen risen begun become come ' +
  'run broken beaten eaten forgotten frozen hidden ridden stolen sworn thrown torn worn woken drawn flown shaken proven'
).split(' ');
const PAST_FORM = new RegExp(
  `\\b(?:${IRREGULAR_PAST.join('|')})\\b|\\b(?:has|have)\\s+(?:(?:\\p{L}+ly|not|also|since|already|just|never|ever)\\s+)?(?:${PERFECT_PARTICIPLES.join('|')})\\b|(?<!\\b(?:is|are|am|be|being|get|gets|getting|currently|now|newly|the|a|an|its|their|his|her|our|this|these|those|some|many|for|of|with|to|by|from|into|among)\\s+(?:\\p{L}+ly\\s+|not\\s+|since\\s+|also\\s+)?)\\b(?!(?:need|speed|seed|feed|breed|bleed|greed|creed|steed|shed|bred|hundred|indeed|red|bed|wed|led)\\b)\\p{Ll}[\\p{Ll}-]+ed\\b`,
  'u',
);
/** Verbs of saying, which date the saying, not what is said. */
const SAYING = /\b(?:said|told|added|explained|stated|insisted|warned)\b/gi;
/** A future, a plan or an intention: a present clause may date what is to come (`the launch is planned for 2005`). */
const TO_COME =
  /\b(?:will|would|could|should|may|might|must|shall|going\s+to|to\s+be|next|upcoming|forthcoming|coming|ahead|planned|scheduled|due|slated|booked|earmarked|expect(?:s|ed|ing)?|forecasts?|forecasting|predict(?:s|ed|ing)?|anticipat\p{L}*|project(?:s|ed|ing)|plan(?:s|ning)?|propos\p{L}*|hop(?:e|es|ing)|aim(?:s|ing)?|intend\p{L}*|(?:seeks?|promises?|pledges?|vows?|needs?|tries|try|wish(?:es)?|agrees?|decides?|prepares?|threatens?|is|are|set|likely|poised|about|able|ready|looking)\s+to\s+\p{Ll}+|forward\s+to)\b|['’]ll\b/iu;
/** An infinitive (`to deliver`), not `to` before a noun (`to telephones`, `to WorldCom`). */
const INFINITIVE =
  /\bto\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|some|any|all|about|around|almost|nearly|over|under|more|less)\b)\p{Ll}+(?<!s)\b/u;

/**
 * A sentence told wholly in the present (`The Irish coach knows a repeat of the 2000 victory is not on
 * the agenda`, `The donation follows a gift in 2003`): it says how things stand when it is written,
 * so a past year in it belongs to something it speaks of, not to a happening it tells (the year of
 * writing or a later one may be what a present forecast speaks of: `There is no sign of a slowdown in
 * 2005`). A past verb anywhere (other than a verb of saying, which dates the saying: `said in 2003`
 * stays), or any future, plan or intention, keeps the date.
 */
/**
 * Whether the text reads as running prose: a line of names and dates with no word in lower case but a
 * few joining ones (`August 17 - Faroe Islands v Cyprus.`, `Saturday, 26 February`) is a fixture or a
 * heading, no clause.
 */
export function isProse(text: string): boolean {
  return /(?:^|[\s"“‘(])(?!(?:and|or|of|the|on|in|at|to|for|v|vs)\b)\p{Ll}{2,}/u.test(text);
}

/** Whether the sentence tells something in the past (a verb of saying counts). */
export function toldInPast(sentence: string): boolean {
  return PAST_FORM.test(sentence) || new RegExp(SAYING.source, 'i').test(sentence);
}

export function presentOnly(sentence: string, start: number): boolean {
  const saying = [...sentence.matchAll(SAYING)];
  // `said in 2003`, `told MPs on Monday`: a verb of saying just before the date is dated by it.
  if (saying.some((match) => match.index < start && /^\S+(?:\s+\S+){0,3}\s*$/.test(sentence.slice(match.index, start))))
    return false;
  const rest = sentence.replace(SAYING, ' ');
  return !PAST_FORM.test(rest) && !TO_COME.test(rest) && !INFINITIVE.test(rest);
}
