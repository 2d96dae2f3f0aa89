/**
 * Resolves a speaker mention to a canonical name with the entities layer: a name is the entity it
 * overlaps (a short name becomes the fuller name of the same person said earlier), `he`/`she` the
 * last person who spoke (else the last person named), `it`/`they`/`the statement` the last
 * organisation that spoke, and a role description (`the leader of Asa’ib Ahl al-Haq`) the next
 * person named soon after it, which is how news text introduces a speaker.
 */
import { partitionPoint, type Span, SpanLookup } from '../../model/index.js';
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
  // The last speaker before the mention that fits, scanning back from the latest.
  const lastSpoken = (fits: (item: SpokenBefore) => boolean) => {
    for (let i = spoken.length - 1; i >= 0; i--) {
      const item = spoken[i] as SpokenBefore;
      if (item.offset < mention.start && fits(item)) return item;
    }
    return undefined;
  };
  if (PERSON_PRONOUNS.has(lower)) {
    const person = lastSpoken((item) => item.type === 'PERSON' || item.type === null);
    const named = person ?? lastEntity(entities, mention.start, 'PERSON');
    return named ? { name: named.name, entitySpan: null, type: 'PERSON' } : none();
  }
  if (GROUP_PRONOUNS.has(lower) || DOCUMENT_NOUNS.test(words)) {
    const group = lastSpoken((item) => item.type === 'ORG');
    const named = group ?? lastEntity(entities, mention.start, 'ORG');
    return named ? { name: named.name, entitySpan: null, type: 'ORG' } : none();
  }
  if (isRoleDescription(words, cues)) {
    // Prefer the next person who speaks, then the next person named.
    const ahead = indexOf(entities)
      .lookup.startingIn(mention.end, mention.end + LOOKAHEAD)
      .filter((span) => span.label === 'PERSON');
    const next =
      ahead.find((span) => speakerMentions.some((other) => other.start < span.end && other.end > span.start)) ??
      ahead[0];
    return next ? { name: fullName(entityName(next), entities, next.start), entitySpan: null, type: 'PERSON' } : none();
  }
  const inside = indexOf(entities)
    .lookup.overlapping(mention.start, mention.end)
    .filter((span) => span.label !== 'LOC')
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
  for (const span of indexOf(entities).fullNamesEndingIn(key)) {
    if (span.start < before) return entityName(span);
  }
  return name;
}

function stripParticle(word: string): string {
  return word.toLowerCase().replace(/^(?:al|el|ad|as|an)-/u, '');
}

function lastEntity(entities: readonly Span[], before: number, label: string): SpokenBefore | undefined {
  const found = indexOf(entities).lastEndingBy(label, before);
  return found
    ? { offset: found.start, name: fullName(entityName(found), entities, found.start), type: label }
    : undefined;
}

function none(): Resolution {
  return { name: null, entitySpan: null, type: null };
}

/**
 * Lookups over one document's entities that answer as the scans they replace would (same spans, in
 * the layer's order), built once per layer: a long document has thousands of speakers and entities,
 * and scanning every entity for every speaker made it quadratic.
 */
class EntityIndex {
  readonly lookup: SpanLookup<Span>;
  /** Multi-word PERSON spans by their last word without particle, in layer order. */
  private readonly fullNames = new Map<string, Span[]>();
  /** Per label, its spans in layer order, and whether their ends never decrease along it. */
  private readonly byLabel = new Map<string, { spans: Span[]; endsInOrder: boolean }>();

  constructor(entities: readonly Span[]) {
    this.lookup = new SpanLookup(entities);
    for (const span of entities) {
      const entry = this.byLabel.get(span.label) ?? { spans: [], endsInOrder: true };
      const previous = entry.spans[entry.spans.length - 1];
      if (previous && previous.end > span.end) entry.endsInOrder = false;
      entry.spans.push(span);
      this.byLabel.set(span.label, entry);
      if (span.label !== 'PERSON') continue;
      const candidate = entityName(span);
      if (!candidate.includes(' ')) continue;
      const key = stripParticle(candidate.split(/\s+/).pop() ?? '');
      const list = this.fullNames.get(key) ?? [];
      list.push(span);
      this.fullNames.set(key, list);
    }
  }

  fullNamesEndingIn(key: string): readonly Span[] {
    return this.fullNames.get(key) ?? [];
  }

  /** The last span of the label, in layer order, ending at or before `offset`. */
  lastEndingBy(label: string, offset: number): Span | undefined {
    const entry = this.byLabel.get(label);
    if (!entry) return undefined;
    const { spans } = entry;
    if (!entry.endsInOrder) {
      for (let i = spans.length - 1; i >= 0; i--) if ((spans[i] as Span).end <= offset) return spans[i];
      return undefined;
    }
    const after = partitionPoint(spans.length, (i) => (spans[i] as Span).end <= offset);
    return after > 0 ? spans[after - 1] : undefined;
  }
}

const indexes = new WeakMap<readonly Span[], EntityIndex>();

function indexOf(entities: readonly Span[]): EntityIndex {
  let index = indexes.get(entities);
  if (!index) {
    index = new EntityIndex(entities);
    indexes.set(entities, index);
  }
  return index;
}
