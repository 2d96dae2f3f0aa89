/**
 * `lede eval entities --mode ablation`: the entity stage's steps one at a time over the annotate
 * path's own sentences and tokens, so a step that lowers F1 shows: the tagger alone, then the
 * persons the document's writing contradicts retyped (lone names, names after `the`), then the
 * repetitions tagged across the document, the mention rules (titles, boundaries, facilities), the
 * aliases (brackets, acronyms, surnames, types), and last the whole stage (listed types, facilities).
 */
import { type Doc, makeSpan } from '../../model/index.js';
import {
  collectDocumentStats,
  ENTITY_MODEL_PATH,
  findMentions,
  harmoniseDocument,
  loadNameTables,
  readEntityModel,
  resolveAliases,
  retypeUnlikelyPersons,
  type Token,
  type TokenEntity,
  tagDocumentScored,
  titledBefore,
  tokenize,
} from '../../nlp/entities/index.js';
import { formatScoreTable, LabelScorer } from '../score.js';
import { annotator, entitiesOnTokens, type RebuiltDocument, rebuildAsText } from './annotate-path.js';
import { readConllSplit } from './splits.js';

const STEPS = [
  'tagger alone, on the pipeline tokens',
  '+ unlikely persons retyped',
  '+ repetitions tagged (consistency)',
  '+ mention rules',
  '+ aliases',
  'whole stage (+ listed types, facilities)',
] as const;

const PIPELINE_TYPE: Record<string, string> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

interface CharEntity {
  start: number;
  end: number;
  label: string;
}

export async function evaluateAblation(dataDir: string, split: string, limit?: number): Promise<string> {
  const model = readEntityModel(ENTITY_MODEL_PATH);
  const tables = loadNameTables();
  const annotate = await annotator(true);
  const scorers = STEPS.map(() => new LabelScorer());
  readConllSplit(dataDir, split)
    .slice(0, limit)
    .forEach((conll, d) => {
      const rebuilt = rebuildAsText(conll);
      const doc = annotate(`${split}-${d}`, rebuilt.text);
      const text = doc.text;
      const sentences = doc.layers.sentences ?? [];
      const tokens = sentences.map((sentence) => tokenize(text, sentence.start, sentence.end));
      const words = tokens.map((list) => list.map((token) => token.text));
      const scored = tagDocumentScored(model, words, collectDocumentStats(words));
      const retyped = retypeUnlikelyPersons(words, scored, titledBefore(tables));
      const onChars = (entities: readonly TokenEntity[][]): CharEntity[] =>
        entities.flatMap((list, s) => {
          const sentenceTokens = tokens[s] as Token[];
          return list.map((entity) => ({
            start: (sentenceTokens[entity.start] as Token).start,
            end: (sentenceTokens[entity.end - 1] as Token).end,
            label: PIPELINE_TYPE[entity.label] ?? entity.label,
          }));
        });
      const mentions = findMentions(text, sentences, model, tables);
      const asChars = (list: readonly { start: number; end: number; type: string }[]) =>
        list.map((mention) => ({ start: mention.start, end: mention.end, label: mention.type }));
      const steps: CharEntity[][] = [
        onChars(scored.entities),
        onChars(retyped),
        onChars(harmoniseDocument(words, retyped, { vote: false, propagate: true })),
        asChars(mentions),
        asChars(resolveAliases(text, mentions, tables)),
        (doc.layers.entities ?? []).map((span) => ({ start: span.start, end: span.end, label: span.label })),
      ];
      steps.forEach((entities, k) => {
        scorers[k]?.add(rebuilt.gold, scoreOnTokens(rebuilt, doc, entities), 'exact');
      });
    });
  return [
    `CoNLL-2003 ${split} as text, through lede annotate --as-clean-text, one step of the entity stage at a time (micro P/R/F1, exact span and type):`,
    formatScoreTable(
      '',
      STEPS.map((name, k) => ({
        name,
        score: (scorers[k]?.rows().find((row) => row.name === 'micro') ?? { score: undefined }).score ?? zero(),
      })),
    ).trimStart(),
  ].join('\n');
}

function scoreOnTokens(rebuilt: RebuiltDocument, doc: Doc, entities: readonly CharEntity[]): TokenEntity[] {
  const spans = entities.map((entity) =>
    makeSpan('entities', entity.start, entity.end, entity.label, { stage: 'ablation', version: 1 }),
  );
  return entitiesOnTokens(rebuilt, { ...doc, layers: { ...doc.layers, entities: spans } }).predicted;
}

function zero() {
  return { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 };
}
