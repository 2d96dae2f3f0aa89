import type { ReactNode } from 'react';
import { href, useRoute } from './router.js';
import { TokenControl } from './token-control.js';
import { ArticleView } from './views/article.js';
import { ClaimsView } from './views/claims.js';
import { DuplicatesView } from './views/duplicates.js';
import { EntitiesView, EntityView } from './views/entity.js';
import { FramingView } from './views/framing.js';
import { IngestView } from './views/ingest.js';
import { QuotesView } from './views/quotes.js';
import { SearchView } from './views/search.js';
import { StoriesView } from './views/stories.js';
import { StoryView } from './views/story.js';
import { TimelineView } from './views/timeline.js';

const NAV = [
  { path: 'search', label: 'Search' },
  { path: 'quotes', label: 'Quotes' },
  { path: 'entities', label: 'Entities' },
  { path: 'timeline', label: 'Timeline' },
  { path: 'stories', label: 'Stories' },
  { path: 'claims', label: 'Claims' },
  { path: 'framing', label: 'Framing' },
  { path: 'ingest', label: 'Ingest' },
];

export function App() {
  const route = useRoute();
  const [view = 'search', ...rest] = route.path;
  let content: ReactNode;
  if (view === 'doc' && rest[0]) content = <ArticleView id={rest[0]} params={route.params} />;
  else if (view === 'entity' && rest[0]) content = <EntityView name={rest[0]} />;
  else if (view === 'entities') content = <EntitiesView params={route.params} />;
  else if (view === 'quotes') content = <QuotesView params={route.params} />;
  else if (view === 'timeline') content = <TimelineView params={route.params} />;
  else if (view === 'stories') content = <StoriesView params={route.params} />;
  else if (view === 'story' && rest[0]) content = <StoryView id={rest[0]} params={route.params} />;
  else if (view === 'duplicates') content = <DuplicatesView params={route.params} />;
  else if (view === 'claims') content = <ClaimsView params={route.params} />;
  else if (view === 'framing') content = <FramingView params={route.params} />;
  else if (view === 'ingest') content = <IngestView params={route.params} />;
  else content = <SearchView params={route.params} />;
  const current =
    view === 'doc'
      ? 'search'
      : view === 'entity'
        ? 'entities'
        : view === 'story' || view === 'duplicates'
          ? 'stories'
          : view;
  return (
    <>
      <button type="button" className="skip" onClick={skipToMain}>
        Skip to content
      </button>
      <header className="top">
        <a className="brand" href={href(['search'])}>
          lede
        </a>
        <nav aria-label="Views">
          {NAV.map((item) => (
            <a key={item.path} href={href([item.path])} aria-current={current === item.path ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
          <a href="/api/docs">API</a>
        </nav>
        <TokenControl />
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

function skipToMain() {
  document.getElementById('main')?.focus();
}
