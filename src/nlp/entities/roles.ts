/**
 * Roles read from an appositive right after a person's name: `Akram al-Kaabi, the secretary general
 * of Harakat Hezbollah al-Nujaba, said` gives `secretary general of Harakat Hezbollah al-Nujaba`.
 * Only phrases with a role noun count, so `Kaabi, who spoke on Sunday,` gives nothing.
 */
const ROLE_NOUN =
  /\b(secretary[- ]general|secretary|leader|head|founder|commander|chief|deputy|minister|president|premier|spokes(?:man|woman|person)|director|member|chair(?:man|woman)?|ambassador|envoy|general|officer|official|second-in-command|governor|mayor|editor|analyst|professor|advis[eo]r|lawmaker|senator|representative|cleric|king|prince|emir|ceo|founder)s?\b/i;

const APPOSITIVE = /^,\s+(?:(?:the|a|an)\s+)?([^,;:()\u201c\u201d"]{3,140}?)(?=,|;|\.\s|\.$|\)|$)/;

export function readAppositiveRole(text: string, end: number, limit: number): string | undefined {
  const match = APPOSITIVE.exec(text.slice(end, limit));
  const phrase = match?.[1]?.trim();
  if (!phrase || !ROLE_NOUN.test(phrase)) return undefined;
  if (/^(?:who|which|that|said|says|told)\b/i.test(phrase)) return undefined;
  if (phrase.split(/\s+/).length > 16) return undefined;
  return phrase;
}
