import { useApi } from '../api.js';
import { DocLine, DocLink, Empty, EntityLink, Load } from '../components.js';
import { href } from '../router.js';
import type { StoryDetail } from '../types.js';
import { VersionDiff } from '../versions.js';

/** One story: its articles by date and outlet, the versions among them with their diffs, and who is quoted. */
export function StoryView({ id }: { id: string }) {
  const loaded = useApi<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`);
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
              {story.members.length} {story.members.length === 1 ? 'article' : 'articles'}
              {story.dates ? ` · ${story.dates.first} – ${story.dates.last}` : ' · no stated date'}
              {story.outlets.length > 0 ? ` · ${story.outlets.join(', ')}` : ''}
            </p>
            <h2>Articles, oldest first</h2>
            <ol className="story-members">
              {story.members.map((member) => (
                <li key={member.id}>
                  <DocLink doc={member} /> <DocLine doc={member} />
                  {member.duplicateGroup ? <span className="badge">has versions</span> : null}
                  <MembershipWhy why={member.why} />
                </li>
              ))}
            </ol>
            <h2>Versions</h2>
            {story.versions.length === 0 ? (
              <p className="muted">No article in this story was re-published in another version.</p>
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
            <h2>Who is quoted</h2>
            {story.quotes.length === 0 ? (
              <Empty title="No quotes in this story's articles." />
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

/** Why an article is in the story, and where its event signature disagrees with the others. */
function MembershipWhy({ why }: { why: StoryDetail['members'][number]['why'] }) {
  const parts = [
    why.sharedWords.length > 0 ? `shares ${why.sharedWords.join(', ')}` : '',
    why.sameDay ? `same day ${why.sameDay}` : '',
    why.places.length > 0 ? `same place ${why.places.join(', ')}` : '',
    why.people.length > 0 ? `same people ${why.people.join(', ')}` : '',
  ].filter((part) => part !== '');
  return (
    <>
      {parts.length > 0 ? <div className="muted">{parts.join(' · ')}</div> : null}
      {why.disagreements.map((disagreement) => (
        <div key={disagreement} className="badge">
          no other article agrees on {disagreement}
        </div>
      ))}
    </>
  );
}
