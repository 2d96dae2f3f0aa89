import { useEffect, useState } from 'react';
import { useApi } from '../api.js';
import { colourClass, Empty, EntityLink, FramingCaveat, Load, languageLabel, techniqueName } from '../components.js';
import { HIGHLIGHT_LAYERS, LayerText } from '../layer-text.js';
import { href, replaceRoute } from '../router.js';
import type { Doc, DocumentFraming, Span } from '../types.js';
import { StoryPanel } from './story-panel.js';

export function ArticleView({ id, params }: { id: string; params: URLSearchParams }) {
  const loaded = useApi<Doc>(`/api/documents/${encodeURIComponent(id)}`);
  return <Load loaded={loaded}>{(doc) => <Article doc={doc} params={params} />}</Load>;
}

function Article({ doc, params }: { doc: Doc; params: URLSearchParams }) {
  const active = (params.get('layers') ?? '').split(',').filter(Boolean);
  const showRaw = params.get('view') === 'raw';
  const at = params.has('at') ? Number(params.get('at')) : undefined;
  const end = params.has('end') ? Number(params.get('end')) : at;
  const focus = at === undefined ? undefined : sentenceAround(doc.layers.sentences ?? [], at, end ?? at);
  const update = (changes: Record<string, string | undefined>) => {
    const next: Record<string, string | undefined> = Object.fromEntries(params.entries());
    replaceRoute(href(['doc', doc.id], { ...next, ...changes }));
  };
  const toggle = (layer: string) =>
    update({
      layers: (active.includes(layer) ? active.filter((name) => name !== layer) : [...active, layer]).join(','),
    });

  return (
    <article className="with-side article">
      <div>
        <h1>{doc.meta.headline ?? '(no headline)'}</h1>
        <fieldset className="layer-toggles">
          <legend>Highlight</legend>
          {HIGHLIGHT_LAYERS.map((layer) => {
            const count = doc.layers[layer.name]?.length;
            return (
              <button
                key={layer.name}
                type="button"
                aria-pressed={active.includes(layer.name)}
                className={`toggle hl-${layer.name}`}
                onClick={() => toggle(layer.name)}
                title={count === undefined ? `no ${layer.name} layer on this document yet` : undefined}
              >
                {layer.title} <span className="count">{count ?? '–'}</span>
              </button>
            );
          })}
          <button
            type="button"
            className="toggle"
            aria-pressed={showRaw}
            onClick={() => update({ view: showRaw ? undefined : 'raw' })}
          >
            Raw text
          </button>
        </fieldset>
        <p className="muted legend">
          Each button is drawn in the colour of its highlights; names are underlined, and the quotes of one speaker
          share a shade. Hover or focus a highlight to read what was found and why.
        </p>
        {showRaw ? (
          <RawText id={doc.id} />
        ) : (
          <LayerText text={doc.text} layers={doc.layers} active={active} focus={focus} />
        )}
      </div>
      <aside className="side">
        <Metadata doc={doc} />
        <StoryPanel docId={doc.id} />
        <LayerDetails doc={doc} active={active} />
      </aside>
    </article>
  );
}

/** The sentence (or run of sentences) holding [start, end); the range itself when there are no sentences. */
function sentenceAround(sentences: Span[], start: number, end: number): { start: number; end: number } {
  const first = sentences.find((sentence) => sentence.start <= start && sentence.end > start);
  const last = sentences.find((sentence) => sentence.start < end && sentence.end >= end);
  return { start: first?.start ?? start, end: Math.max(last?.end ?? end, first?.end ?? end) };
}

function RawText({ id }: { id: string }) {
  const [raw, setRaw] = useState<string | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/documents/${encodeURIComponent(id)}/raw`, { signal: controller.signal })
      .then((response) => response.text())
      .then(setRaw, () => undefined);
    return () => controller.abort();
  }, [id]);
  return (
    <section aria-label="Raw scraped text">
      <pre className="raw">{raw ?? 'Loading…'}</pre>
    </section>
  );
}

function Metadata({ doc }: { doc: Doc }) {
  const published = doc.meta.published;
  const rows: [string, string | undefined][] = [
    ['Outlet', doc.meta.outlet],
    [
      'Published',
      published
        ? `${published.value}${published.estimated ? ' (estimated)' : ''}${published.from ? ` · from ${published.from}` : ''}`
        : 'unknown (see the messages for why it stays undated)',
    ],
    ['Between', published?.earliest ? `${published.earliest} and ${published.latest ?? '?'}` : undefined],
    [
      'Confidence',
      published?.confidence !== undefined
        ? `${Math.round(published.confidence * 100)}% of such estimates held the true date on the development set`
        : undefined,
    ],
    ['Evidence', published?.evidence?.join('; ')],
    [
      'Headline quote',
      doc.meta.headlineQuotes
        ?.map(
          (quote) =>
            `“${doc.meta.headline?.slice(quote.start, quote.end)}”${quote.speakerText ? ` — ${quote.speakerText}` : ''}`,
        )
        .join('; '),
    ],
    ['Byline', doc.meta.byline],
    ['Sections', doc.meta.sections.join(', ') || undefined],
    ['Language', doc.meta.language && languageLabel(doc.meta.language)],
    [
      'Page declares',
      // Shown only where the page's own declaration disagrees with the text (a site template's `en`, say).
      doc.meta.declaredLanguage?.toLowerCase().split(/[-_]/)[0] !== doc.meta.language
        ? doc.meta.declaredLanguage
        : undefined,
    ],
    ['Source', doc.source.uri],
    ['Media type', doc.source.mediaType],
    ['Ingested', doc.ingestedAt],
    ['Id', doc.id],
  ];
  return (
    <section aria-labelledby="meta-title">
      <h2 id="meta-title">Metadata</h2>
      <dl className="meta-list">
        {rows
          .filter(([, value]) => value)
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {doc.meta.captions.length ? (
        <>
          <h3>Captions</h3>
          <ul>
            {doc.meta.captions.map((caption) => (
              <li key={caption}>{caption}</li>
            ))}
          </ul>
        </>
      ) : null}
      {doc.messages.length ? (
        <details>
          <summary>{doc.messages.length} processing messages</summary>
          <ul>
            {doc.messages.map((message, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id and never reorder
              <li key={index}>
                {message.severity}: {message.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The active layers' spans as a list: what hovering shows, reachable by keyboard and screen reader. */
function LayerDetails({ doc, active }: { doc: Doc; active: string[] }) {
  if (active.length === 0) return null;
  return (
    <section aria-labelledby="layers-title">
      <h2 id="layers-title">Highlighted</h2>
      {HIGHLIGHT_LAYERS.filter((layer) => active.includes(layer.name)).map((layer) => {
        const spans = doc.layers[layer.name];
        return (
          <details key={layer.name} open={layer.name === 'quotes' || layer.name === 'timexes'}>
            <summary>
              {layer.title} ({spans?.length ?? 0})
            </summary>
            {layer.name === 'loaded' && spans !== undefined ? <FramingNote id={doc.id} /> : null}
            {spans === undefined ? (
              <Empty title={`No ${layer.title.toLowerCase()} layer on this document yet.`} />
            ) : (
              <ul className="span-list">
                {spans.slice(0, 200).map((span) => (
                  <li key={span.id}>
                    <a href={href(['doc', doc.id], { layers: active.join(','), at: span.start, end: span.end })}>
                      {doc.text.slice(span.start, Math.min(span.end, span.start + 80))}
                    </a>{' '}
                    <span
                      className={
                        layer.name === 'quotes'
                          ? `swatch ${colourClass(String(span.attrs?.speakerName ?? ''), 'q')}`
                          : 'muted'
                      }
                    >
                      {layer.describe(span)}
                    </span>
                    {layer.name === 'quotes' && typeof span.attrs?.speakerName === 'string' ? (
                      <>
                        {' '}
                        <EntityLink name={span.attrs.speakerName} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </details>
        );
      })}
    </section>
  );
}

/** Rates per 1,000 words, and how far such highlights can be trusted: they are findings, not verdicts. */
function FramingNote({ id }: { id: string }) {
  const framing = useApi<DocumentFraming>(`/api/documents/${encodeURIComponent(id)}/framing`);
  if (framing.state !== 'ok') return null;
  const { words, spans, perThousandWords, model } = framing.data;
  const rates = Object.entries(perThousandWords)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([technique, rate]) => `${techniqueName(technique)} ${rate.toFixed(1)}`)
    .join(', ');
  return (
    <p className="muted framing-note">
      {spans} in {words} words{words > 0 ? `: ${((spans / words) * 1000).toFixed(1)} per 1,000 words` : ''}
      {rates ? ` (${rates})` : ''}. <FramingCaveat model={model} />
    </p>
  );
}
