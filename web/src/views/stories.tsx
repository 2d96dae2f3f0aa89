import { toQuery, useApi } from '../api.js';
import { DocLink, Empty, Load } from '../components.js';
import { offsetParam, pagerOf, SelectParam, TextParam } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { Stats, Stories } from '../types.js';

const PAGE = 25;
const SORTS = { size: 'most articles', newest: 'newest', oldest: 'oldest' } as const;
type Sort = keyof typeof SORTS;

/** A date bound as the API takes it (YYYY, YYYY-MM or YYYY-MM-DD); anything else while typing is no bound. */
function datePrefix(value: string): string | undefined {
  const trimmed = value.trim();
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(trimmed) ? trimmed : undefined;
}

/** Story clusters a page at a time, sortable, filtered by outlet; each links to its story page. */
export function StoriesView({ params }: { params: URLSearchParams }) {
  const sort = (params.get('sort') ?? 'size') as Sort;
  const outlet = params.get('outlet') ?? undefined;
  const entity = params.get('entity') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const offset = offsetParam(params);
  const loaded = useApi<Stories>(`/api/stories${toQuery({ sort, outlet, entity, from, to, offset, limit: PAGE })}`);
  const stats = useApi<Stats>('/api/stats');
  const outlets = stats.state === 'ok' ? stats.data.outlets : [];
  const go = (next: Record<string, string | number | undefined>) =>
    href(['stories'], { sort, outlet, entity, from, to, offset: undefined, ...next });
  const pager = pagerOf({ offset, limit: PAGE, noun: 'stories', pageHref: (at) => go({ offset: at || undefined }) });
  return (
    <section aria-labelledby="stories-title">
      <h1 id="stories-title">Stories</h1>
      <p className="muted">
        A story is the articles about one event or statement. <a href={href(['duplicates'])}>Versions of one article</a>{' '}
        (copies and edited re-publications) have a page of their own.
      </p>
      <form className="controls" onSubmit={(event) => event.preventDefault()}>
        <SelectParam
          label="Sort by"
          value={sort}
          options={SORTS}
          onChange={(value) => replaceRoute(go({ sort: value }))}
        />
        <SelectParam
          label="Outlet"
          value={outlet ?? ''}
          options={{ '': 'all', ...Object.fromEntries(outlets.map((count) => [count.value, count.value])) }}
          onChange={(value) => replaceRoute(go({ outlet: value }))}
        />
        <TextParam
          label="Mentioning"
          value={entity}
          placeholder="a name or alias"
          accept={(typed) => typed.trim() || undefined}
          onChange={(value) => replaceRoute(go({ entity: value }))}
        />
        <TextParam
          label="From"
          value={from}
          placeholder="YYYY-MM"
          size={10}
          accept={datePrefix}
          onChange={(value) => replaceRoute(go({ from: value }))}
        />
        <TextParam
          label="to"
          value={to}
          placeholder="YYYY-MM"
          size={10}
          accept={datePrefix}
          onChange={(value) => replaceRoute(go({ to: value }))}
        />
      </form>
      <Load loaded={loaded}>
        {(data) =>
          !data.available || data.stories.length === 0 ? (
            <Empty title={data.available ? 'No story matches.' : 'No story clusters yet.'}>{data.message}</Empty>
          ) : (
            <>
              {pager(data.total, data.stories.length)}
              <ul className="stories">
                {data.stories.map((story) => (
                  <li key={story.id}>
                    <h2>
                      <a href={href(['story', story.id])}>{story.label}</a>
                    </h2>
                    <p className="meta">
                      {story.size} {story.size === 1 ? 'article' : 'articles'}
                      {story.dates ? ` · ${story.dates.first} – ${story.dates.last}` : ' · no stated date'}
                      {story.outlets.length > 0 ? ` · ${story.outlets.join(', ')}` : ''}
                    </p>
                    <ul>
                      {story.members.slice(-5).map((doc) => (
                        <li key={doc.id}>
                          <DocLink doc={doc} /> {doc.outlet} {doc.published}
                        </li>
                      ))}
                      {story.size > 5 ? (
                        <li className="muted">
                          and {story.size - 5} more on the <a href={href(['story', story.id])}>story page</a>
                        </li>
                      ) : null}
                    </ul>
                  </li>
                ))}
              </ul>
              {pager(data.total, data.stories.length)}
            </>
          )
        }
      </Load>
    </section>
  );
}
