/**
 * Lists where `lede eval timex` loses value F1: gold TIMEX3 with no overlapping prediction (missed),
 * predictions with no gold (spurious) and overlapping pairs whose values differ, grouped by the shape
 * of the gold value and the rule that fired, biggest group first.
 *
 *   npx tsx scripts/timex-errors.ts [--split TimeBank|AQUAINT] [--kind missed|spurious|value] [--examples N]
 */
import { join } from 'node:path';
import { readTempEval, scoreTagger, type TempEvalDocument } from '../src/eval/timex/evaluate.js';
import { createTimexFinder, parseDay, type TimexFinding } from '../src/nlp/timex/index.js';
import { SHARED_DATA } from '../src/resources/index.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const split = option('split');
const onlyKind = option('kind');
const examples = Number(option('examples') ?? 6);

/** `1998-01-08` → `YYYY-MM-DD`, `P3Y` → `PnY`: the shape of a value, to group errors by kind. */
function shape(value: string | undefined): string {
  if (value === undefined) return '-';
  return value.replace(/\d+(\.\d+)?/g, (digits) => (digits.length === 4 ? 'YYYY' : 'n'));
}

interface ErrorRow {
  kind: 'missed' | 'spurious' | 'value';
  group: string;
  line: string;
}

const documents = readTempEval(join(SHARED_DATA, 'timex/tempeval3-tbaq')).filter(
  (document) => !split || document.subcorpus.toLowerCase() === split.toLowerCase(),
);
const finder = createTimexFinder();
const rows: ErrorRow[] = [];
// One pass of the finder serves both the error rows and the scores printed above them.
const predictions = new Map<TempEvalDocument, TimexFinding[]>();
for (const document of documents) {
  const predicted = finder.find(document.text, parseDay(document.dct));
  predictions.set(document, predicted);
  const used = new Set<TimexFinding>();
  const context = (start: number, end: number) =>
    `${document.text.slice(Math.max(0, start - 60), start)}[[${document.text.slice(start, end)}]]${document.text.slice(end, end + 40)}`.replace(
      /\s+/g,
      ' ',
    );
  for (const gold of document.timexes) {
    let best: TimexFinding | undefined;
    let bestOverlap = 0;
    for (const p of predicted) {
      if (used.has(p)) continue;
      const overlap = Math.min(gold.end, p.end) - Math.max(gold.start, p.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = p;
      }
    }
    if (!best) {
      rows.push({
        kind: 'missed',
        group: `${gold.type} ${shape(gold.value)}`,
        line: `${document.dct}  gold ${gold.value}  ${context(gold.start, gold.end)}`,
      });
      continue;
    }
    used.add(best);
    if (best.value !== gold.value)
      rows.push({
        kind: 'value',
        group: `${gold.type} ${shape(gold.value)} ← ${best.rule} ${shape(best.value)}`,
        line: `${document.dct}  gold ${gold.value} "${gold.text}"  got ${best.value} "${document.text.slice(best.start, best.end)}"  ${context(gold.start, gold.end)}`,
      });
  }
  for (const p of predicted)
    if (!used.has(p))
      rows.push({
        kind: 'spurious',
        group: `${p.rule} ${shape(p.value)}`,
        line: `${document.dct}  got ${p.value}  ${context(p.start, p.end)}`,
      });
}

const scores = scoreTagger(documents, (_text, _anchor, document) => predictions.get(document) ?? []);
console.log(
  `${documents.length} documents: relaxed F1 ${scores.relaxed.f1.toFixed(4)}, value F1 ${scores.value.f1.toFixed(4)} (tp ${scores.value.tp}, fp ${scores.value.fp}, fn ${scores.value.fn})`,
);
for (const kind of ['value', 'missed', 'spurious'] as const) {
  if (onlyKind && onlyKind !== kind) continue;
  const ofKind = rows.filter((row) => row.kind === kind);
  const groups = new Map<string, ErrorRow[]>();
  for (const row of ofKind) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  console.log(`\n=== ${kind}: ${ofKind.length}`);
  for (const [group, members] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\n${members.length}  ${group}`);
    for (const member of members.slice(0, examples)) console.log(`    ${member.line}`);
  }
}
