import { toQuery, useApi } from '../api.js';
import { DocLine, DocLink, Empty, Load } from '../components.js';
import { offsetParam, pagerOf, SelectParam } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { Duplicates } from '../types.js';
import { VersionDiff } from '../versions.js';

const PAGE = 20;
const KINDS = { '': 'all', exact: 'exact copies', near: 'edited versions' } as const;

/** Groups of versions of one article (copies and re-publications), largest first, with what changed. */
export function DuplicatesView({ params }: { params: URLSearchParams }) {
  const kind = params.get('kind') ?? '';
  const offset = offsetParam(params);
  const loaded = useApi<Duplicates>(`/api/duplicates${toQuery({ kind: kind || undefined, offset, limit: PAGE })}`);
  const go = (next: Record<string, string | number | undefined>) =>
    href(['duplicates'], { kind: kind || undefined, offset: undefined, ...next });
  const pager = pagerOf({ offset, limit: PAGE, noun: 'groups', pageHref: (at) => go({ offset: at || undefined }) });
  return (
    <section aria-labelledby="duplicates-title">
      <h1 id="duplicates-title">Versions of one article</h1>
      <p className="muted">
        Articles published more than once: exact copies, and edited versions (a changed headline, an added paragraph).
        Each version is compared with the one before it.
      </p>
      <form className="controls" onSubmit={(event) => event.preventDefault()}>
        <SelectParam
          label="Show"
          value={kind}
          options={KINDS}
          onChange={(value) => replaceRoute(go({ kind: value }))}
        />
      </form>
      <Load loaded={loaded}>
        {(data) =>
          !data.available || data.groups.length === 0 ? (
            <Empty title={data.available ? 'No article was published twice.' : 'Not linked yet.'}>{data.message}</Empty>
          ) : (
            <>
              {pager(data.total, data.groups.length)}
              <ul className="stories">
                {data.groups.map((group) => (
                  <li key={group.id}>
                    <h2>
                      {group.members.length} {group.kind === 'exact' ? 'copies' : 'versions'}:{' '}
                      {group.members[0]?.headline ?? group.id}
                    </h2>
                    <ol>
                      {group.members.map((member) => (
                        <li key={member.id}>
                          <DocLink doc={member} /> <DocLine doc={member} />
                        </li>
                      ))}
                    </ol>
                    {group.versions.map((version) => (
                      <VersionDiff key={`${version.older}-${version.newer}`} version={version} />
                    ))}
                  </li>
                ))}
              </ul>
              {pager(data.total, data.groups.length)}
            </>
          )
        }
      </Load>
    </section>
  );
}
