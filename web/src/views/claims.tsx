import { readableDate } from '../../../src/model/readable-date.js';
import { toQuery, useApi } from '../api.js';
import { Choice, Empty, Load } from '../components.js';
import { offsetParam, Pager, SelectParam } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { Claim, ClaimsPage } from '../types.js';

const PAGE = 50;
const KINDS = [
  { value: undefined, label: 'both' },
  { value: 'date', label: 'dates' },
  { value: 'figure', label: 'figures' },
] as const;
const RELATIONS = [
  { value: undefined, label: 'all' },
  { value: 'conflict', label: 'conflicts' },
  { value: 'agreement', label: 'agreements' },
] as const;

const SORTS = {
  conflicts: 'conflicts first',
  sources: 'most articles',
  newest: 'newest evidence',
  topic: 'topic',
} as const;

/** `#/claims?kind=…&relation=…`: where articles agree or disagree on a date or a figure, evidence side by side. */
export function ClaimsView({ params }: { params: URLSearchParams }) {
  const kind = params.get('kind') ?? undefined;
  const relation = params.get('relation') ?? undefined;
  const story = params.get('story') ?? undefined;
  const sort = params.get('sort') ?? undefined;
  const offset = offsetParam(params);
  const loaded = useApi<ClaimsPage>(`/api/claims${toQuery({ kind, relation, story, sort, limit: PAGE, offset })}`);
  const set = (changes: Record<string, string | undefined>) =>
    replaceRoute(href(['claims'], { kind, relation, story, sort, ...changes, offset: undefined }));
  return (
    <section aria-labelledby="claims-title">
      <h1 id="claims-title">Figures and dates across articles</h1>
      <div className="filters">
        <Choice legend="Kind" options={KINDS} current={kind} onChoose={(value) => set({ kind: value })} />
        <Choice legend="Show" options={RELATIONS} current={relation} onChoose={(value) => set({ relation: value })} />
        <form className="controls" onSubmit={(event) => event.preventDefault()}>
          <SelectParam
            label="Sort by"
            value={sort ?? 'conflicts'}
            options={SORTS}
            onChange={(value) => set({ sort: value === 'conflicts' ? undefined : value })}
          />
        </form>
      </div>
      <Load loaded={loaded}>
        {(page) =>
          !page.available ? (
            <Empty title="No claims computed yet.">
              They are computed after every ingest (or with <code>lede claims --refresh</code>) from the{' '}
              <code>figures</code> and <code>events</code> layers.
            </Empty>
          ) : page.total === 0 ? (
            <Empty title={kind || relation ? 'No claim matches these filters.' : 'No claims in this corpus.'}>
              {page.documents} documents were compared; no two of them state a date or figure about the same thing.
            </Empty>
          ) : (
            <>
              <p className="muted">
                {story ? (
                  <>
                    Claims from the articles of <a href={href(['story', story])}>one story</a> ·{' '}
                  </>
                ) : null}
                {page.documents} documents
                {page.scope === 'story' ? ' compared within story clusters' : ' compared across the corpus'}
              </p>
              <Pager
                total={page.total}
                offset={offset}
                limit={PAGE}
                shown={page.claims.length}
                pageHref={(at) => href(['claims'], { kind, relation, story, sort, offset: at || undefined })}
                noun="claims"
              />
              <ol className="claims">
                {page.claims.map((claim) => (
                  <ClaimItem key={claimKey(claim)} claim={claim} />
                ))}
              </ol>
            </>
          )
        }
      </Load>
    </section>
  );
}

/** One of a few values, as toggle buttons: keyboard and screen readers get the pressed state. */
function ClaimItem({ claim }: { claim: Claim }) {
  // The article opens with the layer the value came from switched on and the sentence in view.
  const layers = claim.kind === 'figure' ? 'figures' : 'timexes,events';
  return (
    <li className={`claim ${claim.relation}`}>
      <h2>
        <span className={`badge ${claim.relation}`}>{claim.relation === 'conflict' ? 'Conflict' : 'Agreement'}</span>{' '}
        {/* A date claim's topic is the group its happening falls in (`bill`); the happening says more. */}
        {claim.kind === 'date' ? 'date of' : 'figure for'}{' '}
        <q>{claim.kind === 'date' ? (claim.why?.subject ?? claim.topic) : claim.topic}</q>
      </h2>
      <p className="meta">{claim.note}</p>
      {claim.why ? (
        <p className="meta">
          Compared because both give the {claim.why.measure}
          {claim.why.subject ? ` of ${claim.why.subject}` : ''}
          {claim.why.time ? `, ${claim.why.time}` : ''}.
        </p>
      ) : null}
      <ul className="evidence">
        {claim.evidence.map((evidence) => (
          <li key={`${evidence.source.docId}:${evidence.start}`}>
            <p className="value">
              <span className="muted">{claim.kind === 'date' ? 'Date' : 'Value'}: </span>
              <strong>{claim.kind === 'date' ? readableDate(String(evidence.value)) : String(evidence.value)}</strong>
            </p>
            <blockquote>
              <MarkedSentence evidence={evidence} />
            </blockquote>
            <p className="meta">
              <a href={href(['doc', evidence.source.docId], { layers, at: evidence.start, end: evidence.end })}>
                {evidence.source.headline || evidence.source.name}
              </a>{' '}
              ·{' '}
              {[evidence.source.outlet, evidence.source.published].filter(Boolean).join(' · ') || evidence.source.name}
            </p>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The sentence with the date or figure it states highlighted (plain text, never HTML). */
function MarkedSentence({ evidence }: { evidence: Claim['evidence'][number] }) {
  const mark = evidence.mark;
  const from = mark ? mark.start - evidence.start : -1;
  const to = mark ? mark.end - evidence.start : -1;
  if (!mark || from < 0 || to > evidence.text.length || from >= to) return <>{evidence.text}</>;
  return (
    <>
      {evidence.text.slice(0, from)}
      <mark>{evidence.text.slice(from, to)}</mark>
      {evidence.text.slice(to)}
    </>
  );
}

/** A claim is its relation, kind and topic over its pieces of evidence. */
function claimKey(claim: Claim): string {
  const spans = claim.evidence.map((evidence) => `${evidence.source.docId}:${evidence.start}:${evidence.end}`);
  return [claim.relation, claim.kind, claim.topic, ...spans].join('|');
}
