import { useApi } from '../api.js';
import { DocLink } from '../components.js';
import { href } from '../router.js';
import type { StoryDetail } from '../types.js';
import { VersionDiff } from '../versions.js';

/** Other articles of the story listed here; the story page has them all. */
const SHOWN = 10;

/** The article's story and, when it has other versions, what changed between them (as text, never HTML). */
export function StoryPanel({ docId }: { docId: string }) {
  // Asked by the article's id, the story's versions include those either side of this article.
  const loaded = useApi<StoryDetail>(`/api/stories/${encodeURIComponent(docId)}?limit=${SHOWN + 1}`);
  if (loaded.state !== 'ok') return null;
  const story = loaded.data;
  const others = story.members.filter((member) => member.id !== docId);
  const versions = story.versions.filter((version) => version.older === docId || version.newer === docId);
  return (
    <section aria-labelledby="story-title">
      <h2 id="story-title">Story</h2>
      <p>
        <a href={href(['story', story.id])}>{story.label}</a> · {story.total}{' '}
        {story.total === 1 ? 'article' : 'articles'}
      </p>
      {others.length > 0 ? (
        <ul>
          {others.slice(0, SHOWN).map((member) => (
            <li key={member.id}>
              <DocLink doc={member} /> {member.outlet} {member.published}
            </li>
          ))}
        </ul>
      ) : null}
      {versions.map((version) => (
        <VersionDiff key={`${version.older}-${version.newer}`} version={version} />
      ))}
    </section>
  );
}
