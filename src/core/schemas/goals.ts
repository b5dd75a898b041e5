import { z } from 'zod';
import { codeLists } from '../code-lists.js';
import { exitGroups } from '../figures/key-figures.js';
import { goalKinds } from '../figures/goals.js';
import { parseCalendarPeriod } from '../figures/periods.js';
import { id, shortText } from './common.js';

const shareKinds = ['work_or_studies', 'further_step', 'completion', 'survey'];
const employmentTypes = codeLists.employment_type.map((e) => e.code) as [string, ...string[]];

/** A goal as the lead writes it (issue 12, item 1); the target of a share is a fraction (0.4 = 40 %). */
export const goalInput = z
  .object({
    /** A calendar year (2025), a tertial (2025-T2) or the project period (project). */
    period: z.string().trim().max(16).refine((p) => { const c = parseCalendarPeriod(p); return c !== null && c.kind !== 'month'; }, 'Välj ett år, ett tertial eller projektperioden'),
    kind: z.enum(goalKinds, { message: 'Välj vilken sorts mål det är' }),
    title: shortText(200).min(1, 'Skriv målet med egna ord'),
    target: z.number({ message: 'Ange ett målvärde' }).min(0, 'Målvärdet kan inte vara negativt').max(10_000_000).default(0),
    exitGroups: z.array(z.enum(exitGroups)).max(6).default([]),
    employmentTypes: z.array(z.enum(employmentTypes)).max(20).default([]),
    employmentMeasure: z.enum(['started', 'persons']).nullable().default(null),
    surveyQuestion: shortText(64).nullable().default(null),
    statedValue: shortText(200).nullable().default(null),
    statedMet: z.boolean().nullable().default(null),
  })
  .superRefine((g, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (shareKinds.includes(g.kind) && g.target > 1) issue('target', 'Ange andelen som ett tal mellan 0 och 1 (0,4 betyder 40 %)');
    if ((g.kind === 'volume' || g.kind === 'employment') && !Number.isInteger(g.target)) issue('target', 'Ange ett helt antal');
    if (g.kind === 'further_step' && g.exitGroups.length === 0) issue('exitGroups', 'Välj vilka avslutsgrupper som räknas som ett steg vidare');
    if (g.kind === 'employment' && g.employmentMeasure === null) issue('employmentMeasure', 'Välj påbörjade anställningar eller personer anställda');
    if (g.kind === 'survey' && !g.surveyQuestion) issue('surveyQuestion', 'Ange frågan i enkäten');
    if (g.kind !== 'manual' && (g.statedValue !== null || g.statedMet !== null)) issue('statedMet', 'Utfall anges bara för mål som följs upp för hand');
  });
export type GoalInput = z.output<typeof goalInput>;

const input = z.object({ label: z.string(), value: z.union([z.number(), z.string(), z.null()]) });

export const goalView = z.object({
  id,
  period: z.string(),
  /** The dates the period covers; null for a project period without an end. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  kind: z.enum(goalKinds),
  title: z.string(),
  target: z.number(),
  exitGroups: z.array(z.string()),
  employmentTypes: z.array(z.string()),
  employmentMeasure: z.enum(['started', 'persons']).nullable(),
  surveyQuestion: z.string().nullable(),
  statedValue: z.string().nullable(),
  statedMet: z.boolean().nullable(),
  fulfilment: z.object({
    status: z.enum(['met', 'not_met', 'no_data']),
    value: z.union([z.number(), z.string(), z.null()]),
    target: z.number().nullable(),
    rule: z.string(),
    inputs: z.array(input),
  }),
});

export const goalList = z.object({
  goals: z.array(goalView),
  /** Whether the reader may add, change and remove goals (access/goals-policy.ts). */
  can: z.object({ edit: z.boolean() }),
});
