import { useApi } from '../api.js';
import { DocLink } from '../components.js';
import type { StoryDetail } from '../types.js';

type WordPart = NonNullable<StoryDetail['versions'][number]['diff']['headline']>['parts'][number];

/** The article's story and, when it has other versions, what changed between them (as text, never HTML). */
export function StoryPanel({ docId }: { docId: string }) {
  const loaded = useApi<StoryDetail>(`/api/stories/${encodeURIComponent(docId)}`);
  if (loaded.state !== 'ok') return null;
  const story = loaded.data;
  const others = story.members.filter((member) => member.id !== docId);
  const versions = story.versions.filter((version) => version.older === docId || version.newer === docId);
  return (
    <section aria-labelledby="story-title">
      <h2 id="story-title">Story</h2>
      <p>
        <a href={`#/stories`}>{story.label}</a> · {story.members.length}{' '}
        {story.members.length === 1 ? 'article' : 'articles'}
      </p>
      {others.length > 0 ? (
        <ul>
          {others.map((member) => (
            <li key={member.id}>
              <DocLink doc={member} /> {member.outlet} {member.published}
            </li>
          ))}
        </ul>
      ) : null}
      {versions.map((version) => (
        <details key={`${version.older}-${version.newer}`}>
          <summary>Versions: {version.summary}</summary>
          {version.diff.headline ? <Diff parts={version.diff.headline.parts} /> : null}
          {version.diff.paragraphs
            .filter((paragraph) => paragraph.kind !== 'same')
            .map((paragraph, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a diff's paragraphs never reorder
              <p key={index} className={`diff-${paragraph.kind}`}>
                {paragraph.kind === 'changed' ? (
                  <Diff parts={paragraph.parts} />
                ) : (
                  `${paragraph.kind === 'added' ? '+ ' : '− '}${paragraph.text}`
                )}
              </p>
            ))}
        </details>
      ))}
    </section>
  );
}

function Diff({ parts }: { parts: WordPart[] }) {
  return (
    <span>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: word runs never reorder
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: word runs never reorder
          <ins key={index}>{part.text}</ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: word runs never reorder
          <del key={index}>{part.text}</del>
        ),
      )}
    </span>
  );
}
