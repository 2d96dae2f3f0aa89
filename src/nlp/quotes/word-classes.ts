/** Closed word classes the quote rules consult; one home so the cue and speaker rules agree on them. */
export const ARTICLES = ['a', 'an', 'the'] as const;
export const POSSESSIVES = ['my', 'your', 'his', 'her', 'its', 'our', 'their'] as const;
export const DEMONSTRATIVES = ['this', 'these', 'those'] as const;
export const FORMS_OF_BE = ['is', 'are', 'was', 'were', 'be', 'been', 'being'] as const;
/** Cues whose object is the addressee, not the content: `told reporters that`, `urged the government to`. */
export const ADDRESSEE: ReadonlySet<string> = new Set([
  'tell',
  'ask',
  'urge',
  'remind',
  'assure',
  'reassure',
  'inform',
  'warn',
  'advise',
  'instruct',
  'implore',
]);
/** Cues of a commitment, whose infinitive is what was said (`vowed to put New York in play`), not a verb chain. */
export const COMMISSIVE: ReadonlySet<string> = new Set(['promise', 'vow', 'pledge', 'threaten']);
/** Prepositions that open a circumstance after a cue (`said to a crowd of about 500`, `tweeted during the game`). */
export const CIRCUMSTANCE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'to',
  'at',
  'in',
  'on',
  'during',
  'after',
  'before',
  'while',
  'as',
  'from',
  'outside',
  'inside',
  'via',
]);
