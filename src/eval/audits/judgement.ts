/**
 * A precision audit: outputs of one kind (claims, timeline events, estimated dates, ...) drawn at
 * random from a real corpus and judged by a person reading the evidence, since no shared gold exists
 * for them. One JSONL file per kind under `data/audits/`, one judged output per line.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const auditItemSchema = z.object({
  /** What was judged: `claims`, `agreements`, `timeline`, `estimated-dates`, ... (the file's name). */
  kind: z.string().min(1),
  /** `bbc`, `reuters`, ...: the corpus the output was drawn from. */
  corpus: z.string().min(1),
  /** `before` a change or `after` it: a fresh sample judged after the change is never the tuned one. */
  round: z.string().min(1),
  /** The commit whose code produced the output. */
  commit: z.string().min(1),
  /** The seed of the random draw, so the same sample can be drawn again from the same store. */
  seed: z.number().int(),
  /** A key of the output, stable for one store (claim pair, event id, document id). */
  item: z.string().min(1),
  /** The text a reader needs to judge: sentences, the document's headline and opening, the dates seen. */
  evidence: z.record(z.string(), z.unknown()),
  /** What lede said. */
  output: z.record(z.string(), z.unknown()),
});

export const auditJudgementSchema = auditItemSchema.extend({
  verdict: z.enum(['right', 'wrong']),
  /** Why, in a sentence a second reader can check. */
  why: z.string().min(1),
  /** Where one output is judged on several points (readable text, right date), each point's verdict. */
  checks: z.record(z.string(), z.boolean()).optional(),
});

export type AuditItem = z.infer<typeof auditItemSchema>;
export type AuditJudgement = z.infer<typeof auditJudgementSchema>;

/** Reads one audit file; a line that is not a complete judgement is an error naming the file and line. */
export function readAuditFile(path: string): AuditJudgement[] {
  const judgements: AuditJudgement[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${index + 1}: not JSON (${(error as Error).message})`);
    }
    const result = auditJudgementSchema.safeParse(parsed);
    if (!result.success) {
      const problem = result.error.issues[0];
      throw new Error(`${path}:${index + 1}: ${problem?.path.join('.') || 'line'}: ${problem?.message}`);
    }
    judgements.push(result.data);
  });
  return judgements;
}
