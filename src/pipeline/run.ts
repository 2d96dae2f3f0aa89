import { errorMessage, LedeError } from '../errors.js';
import {
  type AnyStage,
  collectMessages,
  type Doc,
  type DocMeta,
  isMetaOutput,
  type LayerName,
  metaField,
  type Span,
  type StageOutput,
} from '../model/index.js';

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  /**
   * Runs every stage whose outputs (layers or metadata fields) are wanted; returns a new document
   * with them added.
   */
  run(doc: Doc, wanted?: ReadonlySet<StageOutput>): Doc;
  /**
   * Recomputes the stale outputs of an analysed document and everything computed from them,
   * keeping the rest as they are.
   */
  refresh(doc: Doc, stale: ReadonlySet<StageOutput>): Doc;
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
 * Checks once that every stage's requirements are produced earlier and that no output (layer or
 * metadata field) is produced twice, then freezes the list. A stage that throws becomes an error
 * message on that document alone; the stages that need its outputs are skipped with an info
 * message, and the batch carries on. A document that runs out of its time budget keeps the outputs
 * already made and skips the rest with a warning.
 */
export function createPipeline(stages: readonly AnyStage[], options: PipelineOptions = {}): Pipeline {
  checkOrder(stages);
  const frozen = Object.freeze([...stages]);
  const runStages = (doc: Doc, selected: (stage: AnyStage) => boolean): Doc =>
    runSelected(frozen, doc, selected, options);
  return {
    stages: frozen,
    run(doc, wanted) {
      const needed = wanted ? closeOverRequirements(frozen, wanted) : undefined;
      return runStages(doc, (stage) => !needed || outputsOf(stage).some((output) => needed.has(output)));
    },
    refresh(doc, stale) {
      const rerun = closeOverDependants(frozen, stale);
      const rerunNames = new Set([...rerun].map((stage) => stage.name));
      // What the stages said last time goes with the outputs they replace.
      const messages = doc.messages.filter((message) => !rerunNames.has(message.source ?? ''));
      return runStages({ ...doc, messages }, (stage) => rerun.has(stage));
    },
  };
}

function checkOrder(stages: readonly AnyStage[]): void {
  const producedBy = new Map<StageOutput, string>();
  for (const stage of stages) {
    for (const need of stage.requires as StageOutput[]) {
      if (!producedBy.has(need)) {
        throw new LedeError(
          'STAGE_REQUIRES_MISSING',
          `${stage.name} requires "${need}", which no earlier stage produces`,
        );
      }
    }
    for (const output of outputsOf(stage)) {
      const other = producedBy.get(output);
      if (other)
        throw new LedeError('STAGE_PRODUCES_TWICE', `"${output}" is produced by both ${other} and ${stage.name}`);
      producedBy.set(output, stage.name);
    }
  }
}

function runSelected(
  stages: readonly AnyStage[],
  doc: Doc,
  selected: (stage: AnyStage) => boolean,
  options: PipelineOptions,
): Doc {
  const budgetMs = options.budgetMs ?? DOCUMENT_BUDGET_MS;
  const clock = options.clock ?? (() => performance.now());
  const result: Doc = {
    ...doc,
    meta: { ...doc.meta },
    layers: { ...doc.layers },
    versions: { ...doc.versions },
    messages: [...doc.messages],
  };
  const failed = new Set<StageOutput>();
  const started = clock();
  let outOfTime = false;
  for (const stage of stages) {
    if (!selected(stage)) continue;
    const produces = outputsOf(stage);
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
    const missing = (stage.requires as StageOutput[]).filter((output) => failed.has(output));
    if (missing.length > 0) {
      result.messages.push({
        severity: 'info',
        text: `skipped because ${missing.join(', ')} could not be computed`,
        source: stage.name,
      });
      for (const output of produces) failed.add(output);
      continue;
    }
    const report = collectMessages(result.messages, stage.name);
    try {
      storeOutputs(result, stage, stage.run(result, report));
    } catch (error) {
      report.error(`stage failed: ${errorMessage(error)}`, { ruleId: 'stage-failed' });
      for (const output of produces) failed.add(output);
    }
  }
  return result;
}

/** Writes a stage's outputs into the document being built and stamps each with `stage@version`. */
function storeOutputs(result: Doc, stage: AnyStage, outputs: AnyStageResult): void {
  const stamp = `${stage.name}@${stage.version}`;
  for (const output of outputsOf(stage)) {
    if (isMetaOutput(output)) {
      const field = metaField(output);
      const value = outputs.meta?.[field];
      // Absent means "no value": an older version's value must not survive a recomputation.
      if (value === undefined) delete result.meta[field];
      else (result.meta as Record<keyof DocMeta, unknown>)[field] = value;
    } else {
      const spans: Span[] = outputs[output] ?? [];
      for (const span of spans) span.by = { ...span.by, stage: stage.name, version: stage.version };
      result.layers[output] = spans;
    }
    (result.versions as Record<StageOutput, string>)[output] = stamp;
  }
}

/** What any stage may return, whatever its outputs. */
type AnyStageResult = Partial<Record<LayerName, Span[]>> & { meta?: Partial<DocMeta> };

function outputsOf(stage: AnyStage): StageOutput[] {
  return stage.produces as StageOutput[];
}

/** The wanted outputs plus every output they need, transitively. */
function closeOverRequirements(stages: readonly AnyStage[], wanted: ReadonlySet<StageOutput>): Set<StageOutput> {
  const needed = new Set(wanted);
  for (let i = stages.length - 1; i >= 0; i--) {
    const stage = stages[i] as AnyStage;
    if (outputsOf(stage).some((output) => needed.has(output))) {
      for (const need of stage.requires as StageOutput[]) needed.add(need);
    }
  }
  return needed;
}

/** The stages that produce a stale output or need, transitively, one that is recomputed. */
function closeOverDependants(stages: readonly AnyStage[], stale: ReadonlySet<StageOutput>): Set<AnyStage> {
  const recomputed = new Set(stale);
  const rerun = new Set<AnyStage>();
  for (const stage of stages) {
    const needsNew = (stage.requires as StageOutput[]).some((need) => recomputed.has(need));
    if (needsNew || outputsOf(stage).some((output) => recomputed.has(output))) {
      rerun.add(stage);
      for (const output of outputsOf(stage)) recomputed.add(output);
    }
  }
  return rerun;
}
