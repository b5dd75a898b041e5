// One intervention of the förbund's dashboard (issue 12, item 8), assembled from figures defined
// elsewhere: the period's (suppressed) key figures, its goals judged by core/figures/goals.ts, and
// the cost figures of core/figures/budget.ts. Nothing is counted here, so the dashboard shows
// exactly what the intervention's own report shows a reader outside the controller.
import type { DashboardIntervention } from '../schemas/dashboard.js';
import type { KeyFiguresReport } from '../schemas/key-figures-report.js';
import { costPerOutcome, costPerParticipant } from './budget.js';
import { fulfilmentOf, type Goal } from './goals.js';

export type DashboardFacts = { code: string; name: string; owner: string };

/**
 * volume fulfilment, share to work or studies and completion as the key figures give them;
 * cost per participant and per outcome over the period's actual cost (null without recorded
 * costs, or when what it divides by is 0 or hidden); goals met = goals of the period whose
 * fulfilment is `met` (a goal without data, or judged on a hidden figure, is not met).
 */
export function dashboardRowOf(facts: DashboardFacts, f: KeyFiguresReport, goals: readonly Goal[], actualCost: number | null): DashboardIntervention {
  const met = goals.filter((g) => fulfilmentOf(g, f, { employments: null, survey: null }).status === 'met').length;
  return {
    ...facts,
    volume: { participants: f.volume.participants, target: f.volume.target, share: f.volume.share },
    workOrStudies: { count: f.work_or_studies.total.count, exited: f.flow.exited.total, share: f.work_or_studies.total.share },
    completion: { completed: f.completion.completed, recorded: f.completion.recorded, share: f.completion.share },
    cost: {
      actual: actualCost,
      perParticipant: actualCost === null ? null : costPerParticipant(actualCost, f.volume.participants),
      perOutcome: actualCost === null ? null : costPerOutcome(actualCost, f.work_or_studies.total.count),
    },
    goals: { met, total: goals.length },
  };
}
