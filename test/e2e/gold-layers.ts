import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fromRawOffset, type Json, makeSpan, type Span } from '../../src/model/index.js';
import { fromAsync, type Store } from '../../src/store/index.js';

/**
 * Layers built from the seeds' hand-made gold annotations (stage `e2e/gold`), written only where a
 * document has no such layer yet: until the entity, quote and date stages land, they give the
 * browser tests real, known spans to click. Once the stages run at ingest, their layers are used.
 */
interface Gold {
  documents: {
    file: string;
    quotes: { text: string; start: number; end: number; speaker: string; kind: string }[];
    events?: { date: string; what: string; cue?: string }[];
    figures?: { text: string; value: number; unit: string }[];
  }[];
  entities: { name: string; type: string; aliases: string[] }[];
}

const by = { stage: 'e2e/gold', version: 1 };

export async function addGoldLayers(store: Store, seedsDir: string): Promise<{ added: string[] }> {
  const gold = JSON.parse(readFileSync(join(seedsDir, 'gold.json'), 'utf8')) as Gold;
  const added: string[] = [];
  // Read everything first: the store cannot write while an iteration is open.
  for (const doc of await fromAsync(store.iterateDocuments())) {
    const entry = gold.documents.find((candidate) => basename(doc.source.uri) === candidate.file);
    if (!entry) continue;
    const layers: Record<string, Span[]> = {};
    if (!doc.layers.entities) layers.entities = findEntities(doc.text, gold.entities);
    if (!doc.layers.quotes) {
      layers.quotes = entry.quotes.flatMap((quote) => {
        const start = locate(doc.text, quote.text, fromRawOffset(doc.origin, quote.start));
        if (start < 0) return [];
        const attrs: Record<string, Json> = { speakerName: quote.speaker, speaker: null };
        return [makeSpan('quotes', start, start + quote.text.length, quote.kind, by, attrs)];
      });
    }
    if (!doc.layers.timexes) {
      layers.timexes = (entry.events ?? []).flatMap((event) => {
        const start = event.cue ? doc.text.indexOf(event.cue) : -1;
        if (!event.cue || start < 0) return [];
        return [makeSpan('timexes', start, start + event.cue.length, 'DATE', by, { value: event.date })];
      });
    }
    if (!doc.layers.figures) {
      layers.figures = (entry.figures ?? []).flatMap((figure) => {
        const start = doc.text.indexOf(figure.text);
        if (start < 0) return [];
        return [
          makeSpan('figures', start, start + figure.text.length, 'FIGURE', by, {
            value: figure.value,
            unit: figure.unit,
          }),
        ];
      });
    }
    const worth = Object.fromEntries(Object.entries(layers).filter(([, spans]) => spans.length > 0));
    if (Object.keys(worth).length) {
      await store.putLayers(doc.id, worth);
      added.push(...Object.keys(worth).map((layer) => `${entry.file}:${layer}`));
    }
  }
  return { added };
}

function locate(text: string, needle: string, hint: number): number {
  if (hint >= 0 && text.slice(hint, hint + needle.length) === needle) return hint;
  return text.indexOf(needle);
}

/** Every occurrence of each entity's name or alias, longest first, without overlaps. */
function findEntities(text: string, entities: Gold['entities']): Span[] {
  const forms = entities
    .flatMap((entity) => [entity.name, ...entity.aliases].map((form) => ({ form, entity })))
    .sort((a, b) => b.form.length - a.form.length);
  const taken: [number, number][] = [];
  const spans: Span[] = [];
  for (const { form, entity } of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
      const end = at + form.length;
      const bounded = !/\w/.test(text[at - 1] ?? '') && !/\w/.test(text[end] ?? '');
      if (!bounded || taken.some(([start, stop]) => at < stop && end > start)) continue;
      taken.push([at, end]);
      spans.push(makeSpan('entities', at, end, entity.type, by, { entity: entity.name }));
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
