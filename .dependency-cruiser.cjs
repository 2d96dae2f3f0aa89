/**
 * The import rules of ARCHITECTURE.md, checked in `npm test` (`npm run check:imports`):
 * no cycles, run-time code never imports evaluation, training or benchmark code, and imports go
 * down the layers.
 */
/** The run-time layers, lowest first: each may import only the layers before it (src/errors.ts sits below them all). */
const LAYERS = ['resources', 'model', 'ingest', 'clean', 'nlp', 'store', 'link', 'pipeline', 'query', 'server', 'cli'];

/** Test code, exempt from the layer rules: test files and the store's shared conformance suites and their databases. */
const TEST_CODE = ['\\.test\\.ts$', '^src/store/conformance/', '^src/store/postgres/test-database\\.ts$'];

const layersGoDown = LAYERS.slice(0, -1).map((layer, rank) => ({
  name: `layers-go-down-from-${layer}`,
  severity: 'error',
  comment: `src/${layer} may import only the layers below it: ${LAYERS.slice(0, rank).join(', ') || 'none'}.`,
  from: { path: `^src/${layer}/`, pathNot: TEST_CODE },
  to: { path: `^src/(${LAYERS.slice(rank + 1).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layersGoDown,
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be understood, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'run-time-never-imports-build-time',
      severity: 'error',
      comment: 'Evaluation, training and benchmarks read datasets and gold; the run time must not load them.',
      from: { path: '^src/', pathNot: ['^src/(eval|train|bench)/', '\\.test\\.ts$', '^src/cli/'] },
      to: { path: '^src/(eval|train|bench)/' },
    },
    {
      name: 'run-time-never-imports-test-code',
      severity: 'error',
      comment: 'The conformance suites and the test databases they create are for tests alone.',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: TEST_CODE.slice(1) },
    },
    {
      name: 'through-index',
      severity: 'error',
      comment:
        'A folder of a run-time layer (src/nlp/timex, src/link/clusters, src/store/sqlite, ...) is used from outside it only through its index.ts: that file is its public surface, the rest may change freely.',
      from: { path: '^(src/.+/)[^/]+$', pathNot: TEST_CODE },
      to: {
        path: '^src/(ingest|clean|nlp|link|store|pipeline|query|server|cli|model|resources)/[^/]+/',
        pathNot: ['/index\\.ts$', '^$1[^/]+$'],
      },
    },
    {
      name: 'layer-through-index',
      severity: 'error',
      comment:
        'A run-time layer (src/ingest, src/clean, src/nlp, ...) is used from another layer only through its index.ts.',
      from: { path: '^src/([^/]+)/', pathNot: TEST_CODE },
      to: {
        path: '^src/(ingest|clean|nlp|link|store|pipeline|query|server|cli|model|resources)/[^/]+$',
        pathNot: ['/index\\.ts$', '^src/$1/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
