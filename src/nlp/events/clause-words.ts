/** Word classes and clause pieces the attachment rules read a sentence by, without a parser. */

/** Words that carry no content of their own: prepositions, conjunctions, auxiliaries, determiners. */
export const FUNCTION_WORDS = new Set(
  (
    'and or but nor to of in on at by for with from into onto over under as than then when while after before ' +
    'since until till that which who whom whose where why how if because though although so yet, ' +
    'is are was were be been being am has have had having do does did will would shall should can could may ' +
    'might must said says say told tells added according also again alone saw see sees brought marked marks ' +
    'and-a ago onwards onward itself alone only a an the its their his her this these those some all'
  ).split(/\s+/),
);

/** Past participles: regular ones end in -ed (not `need`, `speed`, `hundred`), these do not. */
export const PARTICIPLE =
  "(?:(?!(?:need|speed|seed|feed|breed|bleed|greed|creed|steed|shed|bred|hundred|indeed|red|bed|wed)\\b)[\\p{L}'’-]{2,}ed|born|made|written|taken|given|shown|won|held|sold|built|known|seen|led|bought|brought|begun|chosen|drawn|driven|grown|hidden|lost|paid|sent|spent|struck|thrown|told|kept|beaten|broken|spoken|stolen|sworn|run|set)";
/** What follows a participle with no object (`proposed in 1993`, `filed by the administration`); `to` only before a name (`licensed to Phytopharm`), being also an infinitive's. */
export const NO_OBJECT =
  '(?:\\s+(?:first|originally|previously|also|later|only|then|jointly|widely|up|out|off|down|back)\\b)?\\s+(?:(?:in|on|at|by|for|from|with|as|during|into|under|over|between|after|before|until|last|this|earlier)\\b|to\\s+(?=\\p{Lu}))';

/** A bracketed aside (`an $11bn (£6bn) fraud`), which leaves the clause around it open. */
export const PARENTHESIS = /\([^()]*\)/g;

/** A word that may be a verb: an auxiliary, a past or present form, or a common irregular past. */
export const VERB_LIKE =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|did|does|do|says|said|\p{Ll}{2,}ed|\p{Ll}{3,}ing|\p{Ll}{2,}s|hit|put|cut|let|beat|quit|cost|shut|came|went|took|made|won|lost|saw|began|fell|rose|became|left|gave|got|met|held|kept|led|sold|bought|brought|paid|ran|set|struck|told|found)\b/u;
