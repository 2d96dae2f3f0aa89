/**
 * The import rules of ARCHITECTURE.md, checked in `npm test` (`npm run check:imports`):
 * no cycles, run-time code never imports evaluation, training or benchmark code, and imports go
 * down the layers.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
