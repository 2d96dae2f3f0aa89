import type { StoryDetail } from './types.js';

type Version = StoryDetail['versions'][number];
type WordPart = NonNullable<Version['diff']['headline']>['parts'][number];

/** What changed from one version of an article to the next, as text, never HTML. */
export function VersionDiff({ version, open = false }: { version: Version; open?: boolean }) {
  return (
    <details open={open}>
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
