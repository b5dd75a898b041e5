// npm run bench [-- --scale S,M] [--db postgres,embedded] [--cases outcomes,association,import,api,pair,embedded]
//   [--runs 3] [--seconds 10] [--quick] [--merge] [--no-report | --report-only] [--label-suffix _x]
//   [--association-keep-decisions]
// Loads data when missing (bench:data), runs the cases, writes bench/results/<scale>.json and
// renders bench/RESULTS.md from every results file present.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { list, log, parseArgs } from './lib/args.js';
import { dbKinds, type DbKind } from './lib/db.js';
import { runScale, type RunSettings, type ScaleResult } from './lib/run-scale.js';
import { renderResults } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const quick = args.has('quick');
const settings: RunSettings = {
  seed: Number(args.get('seed') ?? 1),
  kinds: list(args.get('db'), dbKinds) as DbKind[],
  cases: list(args.get('cases'), ['outcomes', 'association', 'import', 'api', 'pair', 'embedded']),
  outcomeRuns: Number(args.get('outcome-runs') ?? (quick ? 3 : 15)),
  associationRuns: Number(args.get('association-runs') ?? (quick ? 2 : 5)),
  associationKeepDecisions: args.has('association-keep-decisions'),
  importRuns: Number(args.get('import-runs') ?? (quick ? 1 : 3)),
  startRuns: Number(args.get('start-runs') ?? (quick ? 2 : 5)),
  load: {
    connections: Number(args.get('connections') ?? 50),
    seconds: Number(args.get('seconds') ?? (quick ? 3 : 10)),
    warmupSeconds: Number(args.get('warmup') ?? (quick ? 1 : 3)),
    runs: Number(args.get('runs') ?? (quick ? 1 : 3)),
  },
  labelSuffix: args.get('label-suffix') ?? '',
};
const resultsDir = path.join(here, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
// --report-only: render RESULTS.md from the results files without running anything.
for (const scale of args.has('report-only') ? [] : list(args.get('scale'), ['S', 'M'])) {
  const file = path.join(resultsDir, `${scale}.json`);
  const result = await runScale(scale, settings);
  // --merge: re-run some cases and keep the other figures of an earlier run of the scale.
  if (args.has('merge') && fs.existsSync(file)) mergeInto(JSON.parse(fs.readFileSync(file, 'utf8')) as ScaleResult, result);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`results of ${scale} written`);
}
if (!args.has('no-report')) {
  fs.writeFileSync(path.join(here, 'RESULTS.md'), renderResults(resultsDir, path.join(here, 'notes.md')));
  log('bench/RESULTS.md written');
}

function mergeInto(old: ScaleResult, result: ScaleResult): void {
  for (const [kind, earlier] of Object.entries(old.kinds)) {
    const now = result.kinds[kind as DbKind];
    if (!now) {
      result.kinds[kind as DbKind] = earlier;
      continue;
    }
    for (const key of ['outcomes', 'association', 'associationDecider', 'import', 'api', 'pair', 'embeddedStart'] as const) {
      if (now[key] === undefined && earlier![key] !== undefined) (now as Record<string, unknown>)[key] = earlier![key];
    }
    now.errors = { ...earlier!.errors, ...now.errors };
    for (const name of Object.keys(now.errors)) if (name in now.loadAverage && now[caseKey(name)] !== undefined) delete now.errors[name];
    now.loadAverage = { ...earlier!.loadAverage, ...now.loadAverage };
  }
  result.settings.cases = [...new Set([...old.settings.cases, ...result.settings.cases])];
  result.durationSeconds += old.durationSeconds;
}

const caseKey = (name: string) => (name === 'embedded start' ? 'embeddedStart' : name) as 'outcomes';
