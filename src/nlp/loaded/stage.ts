import { type Doc, makeSpan, type Span, type Stage } from '../../model/index.js';
import { englishOnly } from '../language/index.js';
import { type Decoding, FramingDetector } from './detect.js';
import { explainFinding } from './explain.js';
import { type FramingLexicons, loadFramingLexicons } from './lexicons.js';
import { type FramingModel, loadFramingModel } from './model.js';
import { prepareText } from './prepare.js';

export interface LoadedOptions {
  /** Path of the model artifact (default: models/framing.json.gz). */
  modelPath?: string;
  /** An already loaded model, for tests. */
  model?: FramingModel;
  /** Override the shipped thresholds. */
  decoding?: Partial<Decoding>;
}

export const LOADED_STAGE_VERSION = 2;

/** Loaded language and propaganda techniques, from the shipped framing model (English; other languages are skipped). */
export function createLoadedStage(options: LoadedOptions = {}): Stage<'sentences' | 'meta.language', 'loaded'> {
  let loaded: { lexicons: FramingLexicons; detector: FramingDetector; decoding: Decoding } | undefined;
  // Loaded on first use, once: every ingest worker builds the default pipeline, and one that is not
  // asked for loaded language should not pay the model's load time and some 40 MB of memory for it.
  const load = () => {
    if (!loaded) {
      const model = options.model ?? loadFramingModel(options.modelPath);
      const lexicons = loadFramingLexicons();
      const detector = new FramingDetector(model.token, model.technique, lexicons);
      loaded = { lexicons, detector, decoding: { ...model.decoding, ...options.decoding } };
    }
    return loaded;
  };
  const by = { stage: 'nlp/loaded', version: LOADED_STAGE_VERSION };
  return englishOnly({
    name: 'nlp/loaded',
    version: LOADED_STAGE_VERSION,
    requires: ['sentences'],
    produces: ['loaded'],
    run: (doc: Readonly<Doc>) => {
      const { lexicons, detector, decoding } = load();
      const prepared = prepareText(doc.text, doc.layers.sentences ?? []);
      const probabilities = detector.tokenProbabilities(prepared);
      const findings = detector.findSpans(prepared, probabilities, decoding);
      return {
        loaded: findings.map((finding): Span => {
          const score = Math.round(finding.score * 1000) / 1000;
          const words = prepared.tokens.slice(finding.from, finding.to);
          return makeSpan(
            'loaded',
            finding.start,
            finding.end,
            finding.technique,
            { ...by, score },
            { score, explanation: explainFinding(finding.technique, words, lexicons, detector.features) },
          );
        }),
      };
    },
  });
}
