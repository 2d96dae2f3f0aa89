/**
 * Resolves a speaker mention to a canonical name with the entities layer: a name is the entity it
 * overlaps (a short name becomes the fuller name of the same person said earlier), `he`/`she` the
 * last person who spoke (else the last person named), `it`/`they`/`the statement` the last
 * organisation that spoke, and a role description (`the leader of Asa’ib Ahl al-Haq`) the next
 * person named soon after it, which is how news text introduces a speaker.
 */
import type { Span } from '../../model/index.js';
import type { CueLexicon } from './cues.js';
import type { Mention } from './speaker.js';
import { PERSON_PRONOUNS, tokenize } from './tokens.js';

export interface Resolution {
  name: string | null;
  /** Id of the entity span the mention overlaps, when it names the speaker itself. */
  entitySpan: string | null;
  type: string | null;
}

export interface SpokenBefore {
  offset: number;
  name: string;
  type: string | null;
  medium?: string;
}

const GROUP_PRONOUNS = new Set(['it', 'they', 'them']);
const DOCUMENT_NOUNS =
  /^(?:the|this|that)\s+(?:statement|report|communiqu[eé]|letter|memo|announcement|post|tweet|message)$/iu;
const LOOKAHEAD = 700;

export function resolveSpeaker(
  text: string,
  mention: Mention,
  entities: readonly Span[],
  spoken: readonly SpokenBefore[],
  cues: CueLexicon,
  speakerMentions: readonly Mention[] = [],
): Resolution {
  const words = text.slice(mention.start, mention.end).trim();
  const lower = words.toLowerCase();
  const earlier = spoken.filter((item) => item.offset < mention.start);
  if (PERSON_PRONOUNS.has(lower)) {
    const person = [...earlier].reverse().find((item) => item.type === 'PERSON' || item.type === null);
    const named = person ?? lastEntity(entities, mention.start, 'PERSON');
    return named ? { name: named.name, entitySpan: null, type: 'PERSON' } : none();
  }
  if (GROUP_PRONOUNS.has(lower) || DOCUMENT_NOUNS.test(words)) {
    const group = [...earlier].reverse().find((item) => item.type === 'ORG');
    const named = group ?? lastEntity(entities, mention.start, 'ORG');
    return named ? { name: named.name, entitySpan: null, type: 'ORG' } : none();
  }
  if (isRoleDescription(words, cues)) {
    // Prefer the next person who speaks, then the next person named.
    const ahead = entities.filter(
      (span) => span.label === 'PERSON' && span.start >= mention.end && span.start < mention.end + LOOKAHEAD,
    );
    const next =
      ahead.find((span) => speakerMentions.some((other) => other.start < span.end && other.end > span.start)) ??
      ahead[0];
    return next ? { name: fullName(entityName(next), entities, next.start), entitySpan: null, type: 'PERSON' } : none();
  }
  const inside = entities
    .filter((span) => span.start < mention.end && span.end > mention.start && span.label !== 'LOC')
    .sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start));
  const entity = inside[0];
  if (!entity) return none();
  return { name: fullName(entityName(entity), entities, entity.start), entitySpan: entity.id, type: entity.label };
}

/** `the leader of ...`, `a senior US State Department official`: a description headed by a role noun. */
export function isRoleDescription(words: string, cues: CueLexicon): boolean {
  const tokens = tokenize(words).filter((token) => token.word);
  const first = tokens[0];
  if (!first || !/^(?:the|a|an|its|his|her|their)$/iu.test(first.text)) return false;
  const ofIndex = tokens.findIndex((token) => token.lower === 'of');
  const headWords = (ofIndex > 0 ? tokens.slice(0, ofIndex) : tokens).map((token) => token.lower);
  const head = headWords.slice(-2).join(' ');
  const last = headWords[headWords.length - 1] ?? '';
  return cues.roleNouns.has(head) || cues.roleNouns.has(last);
}

function entityName(span: Span): string {
  const value = span.attrs?.entity;
  return typeof value === 'string' && value.length > 0 ? value : '';
}

function rank(span: Span): number {
  return span.label === 'PERSON' ? 0 : span.label === 'ORG' ? 1 : 2;
}

/**
 * A short name (`Kaabi`, `al-Amiri`) becomes the longer name of a person named earlier whose last
 * word it matches. The entities stage links aliases itself; this covers layers that do not.
 */
export function fullName(name: string, entities: readonly Span[], before: number): string {
  if (name.includes(' ')) return name;
  const key = stripParticle(name);
  for (const span of entities) {
    if (span.start >= before || span.label !== 'PERSON') continue;
    const candidate = entityName(span);
    const last = candidate.split(/\s+/).pop() ?? '';
    if (candidate.includes(' ') && stripParticle(last) === key) return candidate;
  }
  return name;
}

function stripParticle(word: string): string {
  return word.toLowerCase().replace(/^(?:al|el|ad|as|an)-/u, '');
}

function lastEntity(entities: readonly Span[], before: number, label: string): SpokenBefore | undefined {
  let found: Span | undefined;
  for (const span of entities) if (span.label === label && span.end <= before) found = span;
  return found
    ? { offset: found.start, name: fullName(entityName(found), entities, found.start), type: label }
    : undefined;
}

function none(): Resolution {
  return { name: null, entitySpan: null, type: null };
}
