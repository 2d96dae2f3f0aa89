import { sqliteBackend } from './conformance/backends.js';
import { corpusQueryCases } from './conformance/corpus-queries.cases.js';
import { estimatedDateCases } from './conformance/estimated-dates.cases.js';
import { searchCases } from './conformance/search.cases.js';
import { searchScriptCases } from './conformance/search-scripts.cases.js';
import { storeCases } from './conformance/store.cases.js';

// The store's conformance suite, on the embedded default; store.postgres.test.ts runs the same on PostgreSQL.
const backend = sqliteBackend();
storeCases(backend);
searchCases(backend);
searchScriptCases(backend);
corpusQueryCases(backend);
estimatedDateCases(backend);
