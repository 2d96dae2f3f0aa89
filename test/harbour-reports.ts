import { writeFileSync } from 'node:fs';

/** Writes `count` short, distinct JSONL records (ids r0, r1, …) to `path`: a corpus quick to analyse. */
export function writeHarbourReports(path: string, count: number): void {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `r${i}`,
      title: `Harbour report ${i}`,
      text: `The harbour board met on day ${i}.\n\nIt approved ${i * 3} berths.`,
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
}
