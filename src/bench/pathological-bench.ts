/**
 * Inputs an attacker's probe found to stall analysis: deeply nested HTML, text without a single
 * sentence break, and a corpus built to make the claims comparison quadratic. Each is timed once;
 * the figures before the caps are in the commit messages (deep HTML 100k: minutes; no-break text
 * 1.1 MB: past 240 s; 1,200 hostile documents: minutes).
 */
import { cleanHtml, cleanRecord } from '../clean/index.js';
import type { NewsRecord } from '../eval/news-data.js';
import { findClaims } from '../link/index.js';
import { collectMessages, type Doc } from '../model/index.js';
import { createDefaultPipeline } from '../pipeline/index.js';
import { hostileClaimsCorpus } from './hostile-claims-corpus.js';

export async function benchPathologicalInputs(
  corpus: readonly NewsRecord[],
  log: (line: string) => void,
): Promise<void> {
  log('pathological inputs (ms)');
  for (const depth of [10_000, 20_000, 100_000]) {
    const page = `<html><body>${'<div>'.repeat(depth)}<p>The council met at dawn.</p>${'</div>'.repeat(depth)}</body></html>`;
    const started = performance.now();
    const result = cleanHtml(page);
    const messages = result.messages.map((message) => message.ruleId).join(', ');
    log(`  nested HTML ${depth.toLocaleString('en')} divs: clean ${ms(started)} (${messages})`);
  }
  const pipeline = await createDefaultPipeline();
  for (const kilobytes of [500, 1100]) {
    let doc: Doc = cleanRecord({
      uri: `no-sentence-breaks-${kilobytes}kb.txt`,
      content: `Text without sentence breaks\n\n${textWithoutBreaks(corpus, kilobytes * 1024)}`,
      mediaType: 'text/plain',
    });
    const stages: string[] = [];
    for (const stage of pipeline.stages) {
      const started = performance.now();
      const layers = stage.run(doc, collectMessages(doc.messages, stage.name));
      doc = { ...doc, layers: { ...doc.layers, ...layers } };
      stages.push(`${stage.name.replace(/^nlp\//, '')} ${ms(started)}`);
    }
    log(`  no sentence breaks ${kilobytes} KB: ${stages.join(', ')}`);
  }
  for (const documents of [1200, 2400]) {
    const docs = hostileClaimsCorpus({ documents, eventsPerDocument: 10, figuresPerDocument: 20 });
    const started = performance.now();
    const claims = findClaims(docs);
    log(`  claims over ${documents} hostile documents: ${ms(started)} (${claims.length} claims)`);
  }
}

/** Real news text with every sentence mark and line break taken out: one paragraph, one "sentence". */
function textWithoutBreaks(corpus: readonly NewsRecord[], length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length && corpus.length > 0; i++) {
    const part = `${(corpus[i % corpus.length] as NewsRecord).text.replace(/[.!?]/g, '').replace(/\s+/g, ' ')} `;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, length);
}

function ms(started: number): string {
  return Math.round(performance.now() - started).toLocaleString('en');
}
