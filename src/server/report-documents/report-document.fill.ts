import type { CategoryAmounts } from '../../core/figures/budget.js';
import type { ReportDocument } from '../../core/reports/document.js';
import { fillReportDocument, reportPeriodLabel } from '../../core/reports/fill.js';
import type { TemplateSection } from '../../core/reports/templates.js';
import type { Db } from '../db/connection.js';
import { budgetLinesOf, costsOf, grantOf } from '../budget/budget.repository.js';
import { goalOf, judgeOnOwnCounts } from '../goals/goals.service.js';
import { goalsOf } from '../goals/goals.repository.js';
import { computeKeyFiguresReport } from '../reports/key-figures.service.js';
import { surveyOverviewSuppressed } from '../surveys/results.service.js';
import { partiesOf, questionsOf, type ReportIntervention } from './report-document.repository.js';

export type FillState = { version: number; submitted: { by: string; on: string } | null; narratives: Record<string, string> };
type DocumentFacts = { id: string; template_name: string; sections: unknown; period: string; period_from: string; period_to: string };

/**
 * The document as it fills from today's data. The figures are always the suppressed ones: a
 * report is written for the förbund and its board (access/report-document-policy.ts), so the
 * lead's own exact figures stay on the Mål och budget page. Goals are those set for the report's
 * period, judged on those figures; the budget is that of the years the period touches, against
 * the actual costs of its months.
 */
export async function fillDocument(db: Db, doc: DocumentFacts, intervention: ReportIntervention, state: FillState): Promise<ReportDocument> {
  const figures = await computeKeyFiguresReport(db, { scope: { intervention: intervention.code }, period: doc.period, suppress: true });
  const goals = [];
  for (const row of (await goalsOf(db, intervention.id)).filter((g) => g.period === doc.period)) {
    const fulfilment = await judgeOnOwnCounts(db, intervention.id, goalOf(row), figures, { from: doc.period_from, to: doc.period_to });
    goals.push({ title: row.title, kind: row.kind, fulfilment });
  }
  return fillReportDocument({
    templateName: doc.template_name,
    sections: doc.sections as TemplateSection[],
    intervention: { name: intervention.name, owner: intervention.owner_name, association: intervention.association_name, projectFrom: intervention.start_date, projectTo: intervention.end_date },
    period: { label: reportPeriodLabel(doc.period), from: doc.period_from, to: doc.period_to },
    figures,
    goals,
    survey: await surveyOverviewSuppressed(db, intervention.id, figures.rules.suppression_threshold ?? 5),
    budget: await budgetOf(db, intervention.id, doc.period_from, doc.period_to),
    parties: (await partiesOf(db, intervention.id)).map((p) => ({ name: p.name, role: p.owner ? 'Insatsägare' : 'Part i insatsen' })),
    narratives: state.narratives,
    questions: (await questionsOf(db, doc.id)).map((q) => ({ question: q.question, askedOn: swedishDate(q.asked_at), reply: q.reply })),
    version: state.version,
    submitted: state.submitted,
  });
}

async function budgetOf(db: Db, interventionId: string, from: string, to: string) {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  const budget: CategoryAmounts = {};
  let grant: number | null = null;
  for (const year of years) {
    for (const [category, amount] of Object.entries(await budgetLinesOf(db, interventionId, year))) budget[category] = (budget[category] ?? 0) + amount!;
    const granted = await grantOf(db, interventionId, year);
    if (granted !== null) grant = (grant ?? 0) + granted;
  }
  const actual: CategoryAmounts = {};
  for (const c of await costsOf(db, interventionId, `${from.slice(0, 7)}-01`, `${to.slice(0, 7)}-01`)) actual[c.category] = (actual[c.category] ?? 0) + c.amount;
  return { budget, actual, grant, years: years.length === 1 ? String(years[0]) : `${years[0]}–${years.at(-1)}` };
}

/** A moment as Sweden's calendar date, as a document says when something happened. */
export const swedishDate = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
