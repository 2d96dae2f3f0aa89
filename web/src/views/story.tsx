import { toQuery, useApi } from '../api.js';
import { DocLine, DocLink, Empty, EntityLink, Load } from '../components.js';
import { offsetParam, pagerOf, SelectParam } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { StoryDetail } from '../types.js';
import { VersionDiff } from '../versions.js';

const PAGE = 20;
const ORDERS = { oldest: 'oldest first', newest: 'newest first' } as const;
type Order = keyof typeof ORDERS;

type Reason = NonNullable<StoryDetail['members'][number]['why']>;

/** What an article shares with the rest of its story, the words that put it there; a weak link is flagged. */
function MemberWhy({ why }: { why: Reason }) {
  const parts = [
    ['names', why.names],
    ['words', why.words],
    ['figures', why.numbers],
    ['dates', why.dates],
  ] as const;
  const shown = parts.filter(([, values]) => values.length > 0);
  return (
    <p className="member-why">
      {why.weak ? <span className="badge conflict">weak link: check it belongs</span> : null}
      {shown.length === 0 && why.quotedWords === 0 ? ' Shares nothing with the rest of the story. ' : ' Shares '}
      {shown.map(([label, values], index) => (
        <span key={label}>
          {index > 0 ? '; ' : ''}
          {label} <em>{values.join(', ')}</em>
        </span>
      ))}
      {why.quotedWords > 0
        ? `${shown.length > 0 ? '; ' : ''}${why.quotedWords} quoted ${why.quotedWords === 1 ? 'phrase' : 'phrases'}`
        : ''}
    </p>
  );
}

/**
 * One story: its articles a page at a time by date with what each shares with the rest, the versions
 * among them with their diffs, who is quoted on the page, and the names the whole story mentions most.
 */
export function StoryView({ id, params }: { id: string; params: URLSearchParams }) {
  const order: Order = params.get('order') === 'newest' ? 'newest' : 'oldest';
  const offset = offsetParam(params);
  const loaded = useApi<StoryDetail>(
    `/api/stories/${encodeURIComponent(id)}${toQuery({ order, offset, limit: PAGE })}`,
  );
  const go = (next: Record<string, string | number | undefined>) =>
    href(['story', id], { order: order === 'oldest' ? undefined : order, offset: undefined, ...next });
  const pager = pagerOf({ offset, limit: PAGE, noun: 'articles', pageHref: (at) => go({ offset: at || undefined }) });
  return (
    <section aria-labelledby="story-page-title">
      <p>
        <a href={href(['stories'])}>← Stories</a>
      </p>
      <Load loaded={loaded}>
        {(story) => (
          <>
            <h1 id="story-page-title">{story.label}</h1>
            <p className="meta">
              {story.total} {story.total === 1 ? 'article' : 'articles'}
              {story.dates ? ` · ${story.dates.first} – ${story.dates.last}` : ' · no stated date'}
              {story.outlets.length > 0 ? ` · ${story.outlets.join(', ')}` : ''}
            </p>
            <h2>Articles</h2>
            <form className="controls" onSubmit={(event) => event.preventDefault()}>
              <SelectParam
                label="Order"
                value={order}
                options={ORDERS}
                onChange={(value) => replaceRoute(go({ order: value === 'newest' ? value : undefined }))}
              />
            </form>
            {pager(story.total, story.members.length)}
            <ol className="story-members" start={story.offset + 1}>
              {story.members.map((member) => (
                <li key={member.id}>
                  <DocLink doc={member} /> <DocLine doc={member} />
                  {member.duplicateGroup ? <span className="badge">has versions</span> : null}
                  {member.why ? <MemberWhy why={member.why} /> : null}
                </li>
              ))}
            </ol>
            {pager(story.total, story.members.length)}
            <h2>Versions</h2>
            {story.versions.length === 0 ? (
              <p className="muted">No article on this page was re-published in another version.</p>
            ) : (
              story.versions.map((version) => (
                <VersionDiff key={`${version.older}-${version.newer}`} version={version} />
              ))
            )}
            <h2>Who and what it is about</h2>
            {story.entities.length === 0 ? (
              <p className="muted">No names found in its articles.</p>
            ) : (
              <ul className="chips">
                {story.entities.map((entity) => (
                  <li key={entity.name}>
                    <EntityLink name={entity.name} />{' '}
                    <span className="muted">
                      {entity.type.toLowerCase()} · {entity.documents} {entity.documents === 1 ? 'article' : 'articles'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href={href(['claims'], { story: story.id })}>Figures and dates its articles agree or disagree on</a>
            </p>
            <h2>Who is quoted in these articles</h2>
            {story.quotes.length === 0 ? (
              <Empty title="No quotes in the articles on this page." />
            ) : (
              <ul className="quotes">
                {story.quotes.map((quote) => (
                  <li key={`${quote.docId}:${quote.start}`}>
                    <strong>{quote.speaker ?? 'speaker not found'}</strong>: “{quote.text}” —{' '}
                    <DocLink
                      doc={story.members.find((member) => member.id === quote.docId) ?? { id: quote.docId }}
                      at={quote.start}
                      layers="quotes"
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Load>
    </section>
  );
}
