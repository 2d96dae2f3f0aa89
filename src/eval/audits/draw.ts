/**
 * Drawing a sample to judge: every output of one kind is listed from a store, a seeded shuffle picks
 * `size` of them, and outputs already judged in an earlier sample are left out, so the fresh sample
 * after a change is judged on outputs never seen while tuning.
 */
import { seededRandom } from '../../nlp/index.js';
import type { Store } from '../../store/index.js';
import type { AuditItem } from './judgement.js';

/** One output with what a reader needs to judge it. */
export interface AuditCandidate {
  item: string;
  evidence: Record<string, unknown>;
  output: Record<string, unknown>;
}

/** Lists every output of one kind in a store. */
export interface AuditDrawer {
  kind: string;
  /** What a judge decides, printed at the top of a drawn sample. */
  question: string;
  candidates(store: Store): Promise<AuditCandidate[]>;
}

export interface DrawRequest {
  corpus: string;
  round: string;
  commit: string;
  seed: number;
  size: number;
  /** Items judged before, never drawn again. */
  judged: ReadonlySet<string>;
}

export function drawSample(
  drawer: AuditDrawer,
  candidates: readonly AuditCandidate[],
  request: DrawRequest,
): AuditItem[] {
  const fresh = candidates.filter((candidate) => !request.judged.has(candidate.item));
  const random = seededRandom(request.seed);
  const shuffled = [...fresh];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as AuditCandidate, shuffled[index] as AuditCandidate];
  }
  return shuffled.slice(0, request.size).map((candidate) => ({
    kind: drawer.kind,
    corpus: request.corpus,
    round: request.round,
    commit: request.commit,
    seed: request.seed,
    ...candidate,
  }));
}
