// Dependency rules between the layers of ARCHITECTURE.md, checked by `npm run lint:deps` (part of
// `npm test`). src/test/architecture/lint-checks.test.ts proves that a violation fails.
//
// Paths are relative to the repository root. Type-only imports count too: a route that needs the
// database's types is a route that handles the database.

/** Test code: unit, integration, browser and fault tests, their helpers and fixtures. */
const testCode = '(^src/test/|^e2e/|^faults/|[.](test|spec)[.]tsx?$)';

/** Every kind of npm package, as dependency-cruiser names them. */
const npm = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const forbidden = [
  {
    name: 'core-is-pure',
    comment: 'src/core is pure and isomorphic (server, CLI and web import it): it imports no other code of ours.',
    severity: 'error',
    from: { path: '^src/core/', pathNot: testCode },
    to: { pathNot: '^src/core/', dependencyTypesNot: [...npm, 'core'] },
  },
  {
    name: 'core-no-node-builtins',
    comment: 'src/core does no I/O and runs in the browser: no node built-ins (fs, net, child_process …).',
    severity: 'error',
    from: { path: '^src/core/', pathNot: testCode },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'core-only-pure-packages',
    comment: 'src/core uses only packages that do no I/O and run in the browser; add one here deliberately.',
    severity: 'error',
    from: { path: '^src/core/', pathNot: testCode },
    to: { dependencyTypes: npm, pathNot: '^node_modules/(zod|csv-parse)/' },
  },
  {
    name: 'web-not-server-or-cli',
    comment: 'The web app reaches the server over HTTP only; it shares src/core, never server or CLI code.',
    severity: 'error',
    from: { path: '^src/web/' },
    to: { path: '^src/(server|cli)/' },
  },
  {
    name: 'routes-not-database',
    comment: 'Routes call services; the database layer, kysely, pg and repositories are behind them.',
    severity: 'error',
    from: { path: '^src/server/.+[.]routes[.]ts$' },
    to: { path: ['^src/server/db/', '^node_modules/(kysely|pg|@types/pg)/', '[.]repository[.]ts$'] },
  },
  {
    name: 'no-test-code-outside-tests',
    comment: 'Test helpers and fixtures (seeded worlds, test databases) never reach the product.',
    severity: 'error',
    from: { pathNot: testCode },
    to: { path: testCode },
  },
  {
    name: 'resolvable',
    comment: 'Every import resolves; otherwise the rules above could not see where it leads.',
    severity: 'error',
    from: {},
    to: { couldNotResolve: true },
  },
  {
    name: 'no-circular',
    comment: 'Circular imports make module order matter and blur the layers.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
];

// Known exceptions: violations that exist today, each named and explained. They are reported as
// "known" and do not fail; any other violation does. Remove an entry when its cause is gone.

/** A known cycle: dependency-cruiser matches it by the set of modules on it. */
const knownCycle = (...modules) => ({
  type: 'cycle',
  from: modules[0],
  to: modules[1],
  rule: { name: 'no-circular', severity: 'error' },
  cycle: modules.map((name) => ({ name, dependencyTypes: [] })),
});

/**
 * Every route file imports `type App` from app.ts, which registers the routes through routes.ts:
 * a type-only cycle (erased at run time). The fix is to move `App` (and the fastify module
 * augmentation) into a module of its own that route files import; that touches every feature's
 * route file, several of which the scoped-access refactor is rewriting, so it waits for it.
 */
const appTypeCycles = [
  'src/server/anonymous/anonymous.routes.ts',
  'src/server/audit/log-review.routes.ts',
  'src/server/auth/auth.routes.ts',
  'src/server/activities/activity.routes.ts',
  'src/server/case/meeting.routes.ts',
  'src/server/case/plan.routes.ts',
  'src/server/code-lists/code-list.routes.ts',
  'src/server/consents/consent.routes.ts',
  'src/server/enrolments/enrolment.routes.ts',
  'src/server/import/import.routes.ts',
  'src/server/interventions/intervention.routes.ts',
  'src/server/organisations/organisation.routes.ts',
  'src/server/persons/person.routes.ts',
  'src/server/reports/outcomes.routes.ts',
  'src/server/reports/board-report.routes.ts',
  'src/server/users/user.routes.ts',
  'src/server/surveys/participant.routes.ts',
  'src/server/surveys/questionnaire.routes.ts',
  'src/server/surveys/results.routes.ts',
  'src/server/surveys/sending.routes.ts',
  'src/server/workplaces/workplace.routes.ts',
  'src/server/worklist/worklist.routes.ts',
].map((routes) => knownCycle(routes, 'src/server/app.ts', 'src/server/routes.ts'));

/** @type {import('dependency-cruiser').IViolation[]} */
const knownViolations = [
  ...appTypeCycles,
  // app.ts → routes.ts, and routes.ts → type App from app.ts: the same cycle, at its shortest.
  knownCycle('src/server/app.ts', 'src/server/routes.ts'),
  // auth.routes.ts registers oidc.routes.ts, which imports type App: the same cycle, one step longer.
  knownCycle('src/server/auth/auth.routes.ts', 'src/server/auth/oidc.routes.ts', 'src/server/app.ts', 'src/server/routes.ts'),
  // board-report.routes.ts registers the key figures', monthly series', case figures', goals', budget, report documents', förbund and drill-down routes: the same cycle, one step longer.
  ...['reports/key-figures', 'reports/monthly-results', 'reports/case-figures', 'goals/goals', 'budget/budget', 'report-documents/report-document', 'reports/association', 'reports/drill-down'].map((name) =>
    knownCycle('src/server/reports/board-report.routes.ts', `src/server/${name}.routes.ts`, 'src/server/app.ts', 'src/server/routes.ts'),
  ),
  // rows.ts re-exports the enrolment row checks of enrolments.ts, which imports `type EnrolmentRow`
  // from rows.ts. src/core/import is being changed by the import work; moving the row types into a
  // module of their own (rows imports nothing) removes the cycle.
  knownCycle('src/core/import/enrolments.ts', 'src/core/import/rows.ts'),
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: '^node_modules' },
    exclude: { path: '^dist/' },
    // node_modules stays node_modules even when it is a symlink (a worktree, a test fixture).
    preserveSymlinks: true,
    // Type-only imports are dependencies too (see above).
    tsPreCompilationDeps: true,
    // Resolves `./x.js` in an import to the source `./x.ts`, as TypeScript does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    knownViolations,
  },
};
