/**
 * Speakers carried over to direct quotes that name nobody. News prose attributes a run of quoted
 * sentences once: a quote opening the sentence right after an attributed one (`“...,” he said.
 * “More.”`, also across a paragraph break) or after reported speech (`A spokesman said X. “...”`)
 * goes on in the same voice, and a long quote whose paragraphs were run together (`“A. “B,” said
 * Dean.`) is attributed after its last part, which holds for every part before it.
 */
import { type Finding, type QuoteContext, sentenceIndex } from './context.js';

/** Gives each unattributed direct quote the speaker of the quote it carries on; returns the findings, changed in place. */
export function carryOverSpeakers(context: QuoteContext, findings: Finding[]): Finding[] {
  const order = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.kind !== 'scare')
    .sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end);
  // Backwards first, so that each part of a long quote takes the attribution of the part after it.
  for (let k = order.length - 2; k >= 0; k--) {
    const { finding, index } = order[k] as (typeof order)[number];
    if (!unattributed(finding) || !finding.unclosed || finding.close === undefined) continue;
    const next = order.slice(k + 1).find(({ finding: other }) => other.kind === 'direct');
    if (!next || !attributed(next.finding) || (next.finding.open ?? next.finding.start) > finding.close + 2) continue;
    findings[index] = carried(finding, next.finding, next.index, 'quote-runs-on');
  }
  order.forEach(({ finding, index }, k) => {
    if (!unattributed(findings[index] as Finding) || !endsItsSentence(context.text, finding)) return;
    // The nearest quote or reported speech before it, an unattributed direct quote included: a
    // quote after one nobody is named for never reaches past it to an earlier speaker.
    const source = order
      .slice(0, k)
      .reverse()
      .find(({ index: other }) => {
        const candidate = findings[other] as Finding;
        return (
          candidate.end <= (finding.open ?? finding.start) && (attributed(candidate) || candidate.kind === 'direct')
        );
      });
    if (!source) return;
    const before = findings[source.index] as Finding;
    if (!attributed(before)) return;
    const gap = sentenceIndex(context, finding.open ?? finding.start) - sentenceIndex(context, before.end - 1);
    if (gap > 1) return;
    findings[index] = carried(finding, before, source.index, 'quote-carried-on');
  });
  return findings;
}

function unattributed(finding: Finding): boolean {
  return finding.rule === 'quote-unattributed';
}

/**
 * Whether nothing after the quote's closing mark can attribute it: its sentence goes on (`” he went
 * on`, `” beamed Donald Hartley`, `” by the United States`) when a lower-case word follows, or a
 * capitalised one after words that did not end their sentence (`...too” Sweeny said`).
 */
function endsItsSentence(text: string, finding: Finding): boolean {
  if (finding.unclosed || finding.close === undefined) return true;
  const after = /^[\s\p{P}]*?(\p{L})/u.exec(text.slice(finding.close + 1, finding.close + 80));
  if (!after || /[\n]/u.test(after[0])) return true;
  if (/\p{Ll}/u.test(after[1] as string)) return false;
  return /[.!?\u2026]['’"”)\]]*\s*$/u.test(text.slice(finding.start, finding.close));
}

function attributed(finding: Finding): boolean {
  return finding.speaker !== undefined || finding.sharesSpeakerWith !== undefined;
}

function carried(finding: Finding, source: Finding, sourceIndex: number, rule: string): Finding {
  return { ...finding, rule, cue: source.cue, sharesSpeakerWith: sourceIndex };
}
