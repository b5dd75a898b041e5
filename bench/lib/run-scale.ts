// One scale: data (loaded when missing), then each case on each database kind, in order.
import { ensureData } from '../data.js';
import { apiCase, loadPaths, type ApiFigures, type LoadSettings } from '../cases/api.js';
import { associationCase, type AssociationFigure, type DeciderFigure } from '../cases/association.js';
import { embeddedCase, type EmbeddedFigures } from '../cases/embedded.js';
import { importCase, type ImportFigure } from '../cases/import.js';
import { outcomesCase, type OutcomesFigure } from '../cases/outcomes.js';
import { pairCase, type PairFigures } from '../cases/pair.js';
import { log } from './args.js';
import { openAt, readMarker, type DataMarker, type DbKind } from './db.js';
import { scaleOptions } from './load.js';
import { headCommit, loadAverage, machine, type Machine } from './machine.js';
import { findTargets } from './users.js';

export type RunSettings = {
  seed: number;
  kinds: DbKind[];
  cases: string[];
  outcomeRuns: number;
  /** Runs of the förbund's figures (each country-year run is every förbund's dashboard). */
  associationRuns: number;
  /** Time the förbund's figures on the suppression decisions an earlier run kept (skips the decider). */
  associationKeepDecisions?: boolean;
  importRuns: number;
  startRuns: number;
  load: LoadSettings;
  /** Appended to database names and directories (the smoke test runs beside real data). */
  labelSuffix: string;
};

export type KindResult = {
  data: DataMarker | null;
  target: { intervention: string; interventionEnrolments: number; association: string; associationEnrolments: number; interventions: number };
  outcomes?: OutcomesFigure[];
  association?: AssociationFigure[];
  /** The background decider after the bulk load (the association case). */
  associationDecider?: DeciderFigure;
  import?: ImportFigure;
  api?: ApiFigures;
  pair?: PairFigures;
  embeddedStart?: EmbeddedFigures;
  /** A case that failed: its message, so one failure does not lose the other figures. */
  errors: Record<string, string>;
  loadAverage: Record<string, number[]>;
};

export type ScaleResult = {
  scale: string;
  seed: number;
  enrolments: number;
  year: number;
  date: string;
  commit: string;
  machine: Machine;
  settings: RunSettings;
  kinds: Partial<Record<DbKind, KindResult>>;
  durationSeconds: number;
};

export async function runScale(scale: string, settings: RunSettings): Promise<ScaleResult> {
  const started = performance.now();
  const opts = scaleOptions(scale, settings.seed);
  const year = opts.endYear;
  const has = (name: string) => settings.cases.includes(name);
  const result: ScaleResult = {
    scale, seed: settings.seed, enrolments: opts.enrolments, year, date: new Date().toISOString(), commit: headCommit(),
    machine: await machine(), settings, kinds: {}, durationSeconds: 0,
  };
  for (const kind of settings.kinds) {
    const location = await ensureData(kind, scale, settings.seed, false, `${scale}${settings.labelSuffix}`);
    const handle = await openAt(location);
    const targets = await findTargets(handle.db).catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    const r: KindResult = {
      data: await readMarker(location),
      target: {
        intervention: targets.interventionCode, interventionEnrolments: targets.interventionEnrolments,
        association: targets.associationCode, associationEnrolments: targets.associationEnrolments, interventions: targets.interventionIds.length,
      },
      errors: {},
      loadAverage: {},
    };
    result.kinds[kind] = r;
    const attempt = async (name: string, work: () => Promise<void>) => {
      r.loadAverage[name] = loadAverage();
      log(`${scale} ${kind}: ${name} (load average ${r.loadAverage[name].join(' ')})`);
      try {
        await work();
      } catch (error) {
        r.errors[name] = error instanceof Error ? error.message : String(error);
        log(`${scale} ${kind}: ${name} FAILED: ${r.errors[name]}`);
      }
    };
    try {
      if (has('outcomes')) await attempt('outcomes', async () => { r.outcomes = await outcomesCase(handle.db, targets, year, settings.outcomeRuns); });
      if (has('association')) {
        await attempt('association', async () => {
          const { figures, decider } = await associationCase(handle.db, targets, year, settings.associationRuns, settings.associationKeepDecisions);
          r.association = figures;
          r.associationDecider = decider;
        });
      }
    } finally {
      await handle.close();
    }
    if (has('import')) await attempt('import', async () => { r.import = await importCase(kind, opts, settings.importRuns, settings.labelSuffix); });
    if (has('api') || has('pair')) {
      const paths = await loadPaths(location, year);
      if (has('api')) await attempt('api', async () => { r.api = await apiCase(location, paths, settings.load, `${scale}-${kind}`); });
      if (has('pair') && kind === 'postgres') await attempt('pair', async () => { r.pair = await pairCase(location, paths, settings.load); });
    }
    if (has('embedded') && kind === 'embedded') {
      await attempt('embedded start', async () => { r.embeddedStart = await embeddedCase(settings.startRuns, location.kind === 'embedded' ? location.dir : null, year); });
    }
    r.loadAverage.done = loadAverage();
  }
  result.durationSeconds = Math.round((performance.now() - started) / 1000);
  return result;
}
