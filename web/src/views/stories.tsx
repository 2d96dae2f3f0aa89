import { useApi } from '../api.js';
import { DocLink, Empty, Load } from '../components.js';
import type { DocRef } from '../types.js';

export function StoriesView() {
  const loaded = useApi<{ available: boolean; message: string; stories: { id: string; members: DocRef[] }[] }>(
    '/api/stories',
  );
  return (
    <section aria-labelledby="stories-title">
      <h1 id="stories-title">Stories</h1>
      <Load loaded={loaded}>
        {(data) =>
          !data.available || data.stories.length === 0 ? (
            <Empty title="No story clusters yet.">{data.message}</Empty>
          ) : (
            <ul className="stories">
              {data.stories.map((story) => (
                <li key={story.id}>
                  <h2>{story.members[0]?.headline ?? story.id}</h2>
                  <ul>
                    {story.members.map((doc) => (
                      <li key={doc.id}>
                        <DocLink doc={doc} /> {doc.outlet} {doc.published}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </section>
  );
}
