import { errorMessage, LedeError } from '../errors.js';
import { type AnyStage, collectMessages, type Doc, type LayerName } from '../model/index.js';

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  /** Runs every stage whose layers are wanted; returns a new document with the layers added. */
  run(doc: Doc, wanted?: ReadonlySet<LayerName>): Doc;
}

export interface PipelineOptions {
  /** Time one document may take, checked before each stage; the stages left are then skipped. */
  budgetMs?: number;
  /** Milliseconds from any origin (tests pass a fake one). */
  clock?: () => number;
}

/**
 * Per-document time budget. Normal articles take milliseconds; a document that has used a minute
 * is pathological, and its remaining stages would hold the whole batch up. Checked between stages
 * (a stage cannot be interrupted from inside its own thread); the worker pool stops a stage that
 * never returns (`WORKER_GUARD_MS`).
 */
export const DOCUMENT_BUDGET_MS = 60_000;

/**
 * Checks once that every stage's requirements are produced earlier and that no layer is produced
 * twice, then freezes the list. A stage that throws becomes an error message on that document alone;
 * the stages that need its layers are skipped with an info message, and the batch carries on. A
 * document that runs out of its time budget keeps the layers already made and skips the rest with
 * a warning.
 */
export function createPipeline(stages: readonly AnyStage[], options: PipelineOptions = {}): Pipeline {
  const budgetMs = options.budgetMs ?? DOCUMENT_BUDGET_MS;
  const clock = options.clock ?? (() => performance.now());
  const producedBy = new Map<LayerName, string>();
  for (const stage of stages) {
    for (const need of stage.requires as LayerName[]) {
      if (!producedBy.has(need)) {
        throw new LedeError(
          'STAGE_REQUIRES_MISSING',
          `${stage.name} requires "${need}", which no earlier stage produces`,
        );
      }
    }
    for (const layer of stage.produces as LayerName[]) {
      const other = producedBy.get(layer);
      if (other)
        throw new LedeError('STAGE_PRODUCES_TWICE', `"${layer}" is produced by both ${other} and ${stage.name}`);
      producedBy.set(layer, stage.name);
    }
  }
  const frozen = Object.freeze([...stages]);

  return {
    stages: frozen,
    run(doc, wanted) {
      const needed = wanted ? closeOverRequirements(frozen, wanted) : undefined;
      const result: Doc = {
        ...doc,
        layers: { ...doc.layers },
        versions: { ...doc.versions },
        messages: [...doc.messages],
      };
      const failed = new Set<LayerName>();
      const started = clock();
      let outOfTime = false;
      for (const stage of frozen) {
        const produces = stage.produces as LayerName[];
        if (needed && !produces.some((layer) => needed.has(layer))) continue;
        if (!outOfTime && clock() - started >= budgetMs) {
          outOfTime = true;
          result.messages.push({
            severity: 'warning',
            text: `time budget of ${budgetMs} ms used up after ${Math.round(clock() - started)} ms: ${stage.name} and the stages after it were skipped; the layers already made are kept`,
            source: stage.name,
            ruleId: 'time-budget',
          });
        }
        if (outOfTime) continue;
        const missing = (stage.requires as LayerName[]).filter((layer) => failed.has(layer));
        if (missing.length > 0) {
          result.messages.push({
            severity: 'info',
            text: `skipped because ${missing.join(', ')} could not be computed`,
            source: stage.name,
          });
          for (const layer of produces) failed.add(layer);
          continue;
        }
        const report = collectMessages(result.messages, stage.name);
        try {
          const layers = stage.run(result, report);
          for (const layer of produces) {
            const spans = layers[layer] ?? [];
            for (const span of spans) span.by = { ...span.by, stage: stage.name, version: stage.version };
            result.layers[layer] = spans;
            (result.versions as Record<string, string>)[layer] = `${stage.name}@${stage.version}`;
          }
        } catch (error) {
          report.error(`stage failed: ${errorMessage(error)}`, { ruleId: 'stage-failed' });
          for (const layer of produces) failed.add(layer);
        }
      }
      return result;
    },
  };
}

/** The wanted layers plus every layer they need, transitively. */
function closeOverRequirements(stages: readonly AnyStage[], wanted: ReadonlySet<LayerName>): Set<LayerName> {
  const needed = new Set(wanted);
  for (let i = stages.length - 1; i >= 0; i--) {
    const stage = stages[i] as AnyStage;
    if ((stage.produces as LayerName[]).some((layer) => needed.has(layer))) {
      for (const need of stage.requires as LayerName[]) needed.add(need);
    }
  }
  return needed;
}
