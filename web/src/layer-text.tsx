import { type ReactNode, useEffect, useRef } from 'react';
import { readableDate } from '../../src/model/readable-date.js';
import { colourClass, techniqueName } from './components.js';
import { href } from './router.js';
import type { Span } from './types.js';

/** What each highlight layer is called and how one of its spans is described on hover. */
export const HIGHLIGHT_LAYERS: { name: string; title: string; describe: (span: Span) => string }[] = [
  {
    name: 'entities',
    title: 'Entities',
    describe: (span) => `${span.label}: ${String(span.attrs?.entity ?? '')}`,
  },
  {
    name: 'quotes',
    title: 'Quotes',
    describe: (span) => `${span.label} quote by ${String(span.attrs?.speakerName ?? 'an unknown speaker')}`,
  },
  {
    name: 'timexes',
    title: 'Dates',
    describe: (span) => `${span.label.toLowerCase()}: ${readableDate(String(span.attrs?.value ?? '?'))}`,
  },
  {
    name: 'figures',
    title: 'Figures',
    describe: (span) => `${String(span.attrs?.value ?? '')} ${String(span.attrs?.unit ?? '')}`.trim(),
  },
  {
    name: 'loaded',
    title: 'Loaded language',
    describe: (span) =>
      `${techniqueName(span.label)}${span.attrs?.explanation ? `: ${String(span.attrs.explanation)}` : ''}`,
  },
  {
    name: 'events',
    title: 'Events',
    describe: (span) => `${String(span.attrs?.date ?? 'undated')}: ${String(span.attrs?.what ?? '')}`,
  },
];

interface Covering {
  layer: string;
  span: Span;
}

/**
 * The clean text with the chosen layers highlighted. The text is cut at every span boundary and
 * each piece rendered as a text node inside a <span>: article content never becomes markup.
 */
export function LayerText({
  text,
  layers,
  active,
  focus,
}: {
  text: string;
  layers: Record<string, Span[] | undefined>;
  active: string[];
  focus?: { start: number; end: number };
}) {
  const focusRef = useRef<HTMLElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again whenever the focused range changes
  useEffect(() => {
    focusRef.current?.scrollIntoView({ block: 'center' });
    focusRef.current?.focus({ preventScroll: true });
  }, [focus?.start, focus?.end]);

  const spans: Covering[] = active.flatMap((layer) => (layers[layer] ?? []).map((span) => ({ layer, span })));
  const cuts = new Set<number>([0, text.length]);
  for (const { span } of spans) {
    cuts.add(Math.max(0, Math.min(text.length, span.start)));
    cuts.add(Math.max(0, Math.min(text.length, span.end)));
  }
  if (focus) {
    cuts.add(focus.start);
    cuts.add(focus.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  let focusTagged = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const piece = text.slice(start, end);
    const covering = spans.filter(({ span }) => span.start <= start && span.end >= end);
    const inFocus = focus !== undefined && focus.start <= start && focus.end >= end;
    if (covering.length === 0 && !inFocus) {
      pieces.push(piece);
      continue;
    }
    const classes = covering.map(({ layer, span }) =>
      layer === 'quotes' ? `hl-quotes ${colourClass(String(span.attrs?.speakerName ?? ''), 'q')}` : `hl-${layer}`,
    );
    if (inFocus) classes.push('focus');
    const title = covering
      .map(({ layer, span }) => HIGHLIGHT_LAYERS.find((entry) => entry.name === layer)?.describe(span) ?? layer)
      .join('\n');
    const entity = covering.find(({ layer }) => layer === 'entities')?.span.attrs?.entity;
    const ref =
      inFocus && !focusTagged
        ? (node: HTMLElement | null) => {
            focusRef.current = node;
          }
        : undefined;
    if (inFocus) focusTagged = true;
    const props = {
      key: start,
      className: classes.join(' '),
      title: title || undefined,
      ref,
      tabIndex: ref ? -1 : undefined,
      'data-start': start,
    };
    pieces.push(
      typeof entity === 'string' ? (
        <a {...props} href={href(['entity', entity])}>
          {piece}
        </a>
      ) : (
        <span {...props}>{piece}</span>
      ),
    );
  }
  return <div className="article-text">{pieces}</div>;
}
