import { postgresBackend } from './conformance/backends.js';
import { corpusQueryCases } from './conformance/corpus-queries.cases.js';
import { estimatedDateCases } from './conformance/estimated-dates.cases.js';
import { searchCases } from './conformance/search.cases.js';
import { searchScriptCases } from './conformance/search-scripts.cases.js';
import { storeCases } from './conformance/store.cases.js';

// The store's conformance suite on a fresh PostgreSQL database per store (no mocks); store.sqlite.test.ts runs the same on SQLite.
const backend = postgresBackend();
storeCases(backend);
searchCases(backend);
searchScriptCases(backend);
corpusQueryCases(backend);
estimatedDateCases(backend);
