/**
 * The engine's layers, bottom to top, and the rules between them (`npm run lint` runs
 * `depcruise`). A module may import its own layer and the layers below it, never one above, and
 * no import circle is allowed in the engine, the renderer or the main process. The renderer and the main process use the engine through
 * its public entry only (eslint checks that too).
 *
 * Layer order (simulation/README.md says what each holds):
 *   kernel (core/)  <  network (net/, proc/)  <  host (roles/, windows/)  <  apps (sync/, cloud/)
 *   <  tools (tools/)  <  devices (devices/)  <  lab (lab/)  <  faults (faults/)
 *   <  facade (facade/)  <  scenarios (scenarios/)  <  classroom (classroom/)  <  entry (index.ts)
 */
const LAYERS = [
  ['kernel', ['core']],
  ['network', ['net', 'proc']],
  ['host', ['roles', 'windows']],
  ['apps', ['sync', 'cloud']],
  ['tools', ['tools']],
  ['devices', ['devices']],
  ['lab', ['lab']],
  ['faults', ['faults']],
  ['facade', ['facade']],
  ['scenarios', ['scenarios']],
  ['classroom', ['classroom']],
];

const { existsSync } = require('node:fs');

const root = 'simulation';
const under = (folders) => `^${root}/(${folders.join('|')})/`;

const layerRules = LAYERS.slice(0, -1).map(([name, folders], i) => ({
  name: `layer-${name}`,
  comment: `${name} (${folders.join('/, ')}/) may not import a layer above it: ${LAYERS.slice(i + 1)
    .map(([n]) => n)
    .join(', ')}`,
  severity: 'error',
  from: { path: under(folders) },
  to: { path: [under(LAYERS.slice(i + 1).flatMap(([, f]) => f)), `^${root}/index\\.ts$`] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle makes two modules one; cut it by moving the shared part down a layer.',
      severity: 'error',
      // The engine, the renderer and the main process. One known exception, a type-only circle the scenario loader brought in
      // (issue 10's area): giveaway.ts takes the Scenario type from schema.ts, whose meaning check
      // calls giveaway.ts.
      from: {
        path: '^(simulation|src-renderer|src-main)/',
        pathNot: '^simulation/scenarios/(giveaway|schema)\\.ts$',
      },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'engine-through-its-entry',
      comment: 'The renderer and the main process use the engine through simulation/index.ts only.',
      severity: 'error',
      from: { path: '^src-(renderer|main)/' },
      to: { path: '^simulation/', pathNot: '^simulation/index\\.ts$' },
    },
    {
      name: 'engine-stays-pure',
      comment: 'simulation/ imports no UI or platform code.',
      severity: 'error',
      from: { path: `^${root}/` },
      to: { path: '^src-' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    // The project's own tsconfig resolves its imports; a fixture tree (test/fixtures/layers) has none.
    ...(existsSync('tsconfig.test.json') ? { tsConfig: { fileName: 'tsconfig.test.json' } } : {}),
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|test-results)/' },
  },
};
