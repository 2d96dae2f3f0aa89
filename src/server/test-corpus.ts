import { type Doc, emptyMeta, makeSpan, type Span } from '../model/index.js';

const by = (stage: string) => ({ stage, version: 1 });

/** Builds a document by hand with spans found by searching its text, for server and store tests. */
export function makeTestDoc(
  id: string,
  text: string,
  options: {
    headline?: string;
    outlet?: string;
    published?: string;
    sections?: string[];
    entities?: { text: string; type: string; entity: string }[];
    quotes?: { text: string; speaker: string }[];
    timexes?: { text: string; value: string }[];
    loaded?: { text: string; technique: string }[];
  } = {},
): Doc {
  const find = (needle: string, from = 0) => {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`"${needle}" is not in the text`);
    return { start, end: start + needle.length };
  };
  const all = (needle: string) => {
    const found: { start: number; end: number }[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      found.push({ start: at, end: at + needle.length });
    }
    return found;
  };
  const entities: Span[] = (options.entities ?? []).flatMap((entity) =>
    all(entity.text).map(({ start, end }) =>
      makeSpan('entities', start, end, entity.type, by('test/entities'), { entity: entity.entity }),
    ),
  );
  const quotes: Span[] = (options.quotes ?? []).map((quote) => {
    const { start, end } = find(quote.text);
    return makeSpan('quotes', start, end, 'direct', by('test/quotes'), { speakerName: quote.speaker, speaker: null });
  });
  const timexes: Span[] = (options.timexes ?? []).map((timex) => {
    const { start, end } = find(timex.text);
    return makeSpan('timexes', start, end, 'DATE', by('test/timexes'), { value: timex.value });
  });
  const loaded: Span[] = (options.loaded ?? []).map((finding) => {
    const { start, end } = find(finding.text);
    return makeSpan('loaded', start, end, finding.technique, by('test/loaded'), {
      score: 0.9,
      explanation: `"${finding.text}" reads as ${finding.technique}`,
    });
  });
  const sentences: Span[] = [];
  for (const match of text.matchAll(/[^.!?]+[.!?]+["”]?/g)) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    sentences.push(makeSpan('sentences', start, match.index + match[0].length, 'S', by('test/sentences')));
  }
  return {
    id,
    source: { uri: `test://${id}`, mediaType: 'text/plain' },
    raw: `${options.headline ?? ''}\n\n${text}`,
    text,
    origin: { segments: [] },
    meta: {
      ...emptyMeta(),
      headline: options.headline,
      outlet: options.outlet,
      sections: options.sections ?? [],
      published: options.published ? { value: options.published, estimated: false } : undefined,
    },
    layers: { sentences, entities, quotes, timexes, ...(loaded.length ? { loaded } : {}) },
    messages: [],
  };
}

/**
 * Three articles about one strike, for search tests: two speakers, an organisation in two of them,
 * and a person named by full name in one article and by surname alone in another.
 */
export function strikeArticles(): Doc[] {
  const id = (n: number) => String(n).repeat(64);
  return [
    makeTestDoc(id(1), 'The harbour strike went on. "We stay out," said Mara Quill of the Dockers Union.', {
      headline: 'Strike goes on',
      outlet: 'Harbour Post',
      published: '2024-03-13',
      entities: [
        { text: 'Mara Quill', type: 'PERSON', entity: 'Mara Quill' },
        { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
      ],
      quotes: [{ text: 'We stay out,', speaker: 'Mara Quill' }],
    }),
    makeTestDoc(id(2), 'Port officials called the strike unlawful. Quill did not answer.', {
      headline: 'Port answers strike',
      outlet: 'Coast Daily',
      published: '2024-04-02',
      entities: [{ text: 'Quill', type: 'PERSON', entity: 'Quill' }],
    }),
    makeTestDoc(id(3), 'The council backed the strike. "Pay them," said Ana Reyes, with the Dockers Union.', {
      headline: 'Council backs strike',
      outlet: 'Coast Daily',
      published: '2024-04-20',
      entities: [
        { text: 'Ana Reyes', type: 'PERSON', entity: 'Ana Reyes' },
        { text: 'Dockers Union', type: 'ORG', entity: 'Dockers Union' },
      ],
      quotes: [{ text: 'Pay them,', speaker: 'Ana Reyes' }],
    }),
  ];
}
