/**
 * How analysis time grows with the length of one document: news articles joined into one text of
 * each size, every stage timed. Time per KB should stay flat; a stage whose time per KB climbs with
 * size is super-linear and will stall ingest on a long input. The inputs that stalled it before
 * (deep HTML, text without sentence breaks, a hostile claims corpus) are timed after.
 */
import { classifyLines, cleanRecord, shippedLineModel } from '../clean/index.js';
import { collectMessages, type Doc } from '../model/index.js';
import { createDefaultPipeline } from '../pipeline/index.js';
import { loadNewsCorpus } from './corpus.js';
import { benchPathologicalInputs } from './pathological-bench.js';

export interface LongDocumentRow {
  kilobytes: number;
  totalMs: number;
  stages: { name: string; ms: number }[];
}

export async function benchLongDocuments(
  sizesKb: readonly number[],
  log: (line: string) => void,
): Promise<LongDocumentRow[]> {
  const corpus = loadNewsCorpus();
  const pipeline = await createDefaultPipeline();
  const rows: LongDocumentRow[] = [];
  for (const kilobytes of sizesKb) {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < kilobytes * 1024; i++) {
      const record = corpus[i % corpus.length];
      if (!record) break;
      const part = `${record.title ?? ''}\n\n${record.text}\n\n`;
      parts.push(part);
      length += part.length;
    }
    const content = parts.join('');
    // The text-dump line classifier alone (part of clean): the budget is 1 ms per KB of dump.
    const model = shippedLineModel();
    const classifierStarted = performance.now();
    if (model) classifyLines(content, model);
    const classifierMs = performance.now() - classifierStarted;
    const started = performance.now();
    let doc: Doc = cleanRecord({ uri: `long-${kilobytes}kb.txt`, content, mediaType: 'text/plain' });
    const stages = [
      { name: 'clean', ms: performance.now() - started },
      { name: '(line classifier, in clean)', ms: classifierMs },
    ];
    for (const stage of pipeline.stages) {
      const stageStarted = performance.now();
      const layers = stage.run(doc, collectMessages(doc.messages, stage.name));
      doc = { ...doc, layers: { ...doc.layers, ...layers } };
      stages.push({ name: stage.name, ms: performance.now() - stageStarted });
    }
    const row = { kilobytes, totalMs: performance.now() - started, stages };
    rows.push(row);
    const perKb = (ms: number) => ((ms / kilobytes) * 1000).toFixed(0);
    log(
      `${String(kilobytes).padStart(6)} KB  ${(row.totalMs / 1000).toFixed(1).padStart(6)} s  ${perKb(row.totalMs).padStart(6)} µs/KB  ` +
        stages.map((stage) => `${stage.name.replace(/^nlp\//, '')} ${perKb(stage.ms)}`).join(', '),
    );
  }
  await benchPathologicalInputs(corpus, log);
  return rows;
}
