import { useApi } from '../api.js';
import { DocLink, Empty, Load } from '../components.js';
import type { Stories } from '../types.js';

export function StoriesView() {
  const loaded = useApi<Stories>('/api/stories');
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
                  <h2>{story.label}</h2>
                  <p className="meta">
                    {story.members.length} {story.members.length === 1 ? 'article' : 'articles'}
                    {story.dates ? ` · ${story.dates.first} – ${story.dates.last}` : ' · undated'}
                    {story.outlets.length > 0 ? ` · ${story.outlets.join(', ')}` : ''}
                  </p>
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
