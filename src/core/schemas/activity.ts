import { z } from 'zod';
import { activityStatuses } from '../figures/activities.js';
import { code, id, isoDate, shortText } from './common.js';

// Activities and placements (issue 10, item 5), one schema for the form and the route.

export const activityStatus = z.enum(activityStatuses, { message: 'Välj en status' });

const hoursPerWeek = z.number().positive('Ange timmar per vecka, mer än 0').max(60, 'Högst 60 timmar per vecka').multipleOf(0.5, 'Ange hela eller halva timmar');

const activityFields = {
  activityType: code,
  employmentType: code.nullable().default(null),
  extension: z.boolean().default(false),
  workplaceId: id.nullable().default(null),
  provider: shortText(200).nullable().default(null),
  supervisorId: id.nullable().default(null),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  hoursPerWeek: hoursPerWeek.nullable().default(null),
  status: activityStatus.default('planned'),
  health: z.boolean().default(false),
  notes: shortText(2000).nullable().default(null),
};

type ActivityShape = { activityType: string; employmentType: string | null; extension: boolean; startDate: string; endDate: string | null };

/** Rules between fields, the same in the browser, the API and the import. */
export function activityFieldProblems(a: ActivityShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (a.activityType === 'employment' && !a.employmentType) problems.push({ path: 'employmentType', message: 'Ange anställningsform för en anställning' });
  if (a.activityType !== 'employment' && a.employmentType) problems.push({ path: 'employmentType', message: 'Anställningsform anges bara för en anställning' });
  if (a.activityType !== 'employment' && a.extension) problems.push({ path: 'extension', message: 'Bara en anställning kan vara en förlängning' });
  if (a.endDate !== null && a.endDate < a.startDate) problems.push({ path: 'endDate', message: 'Slutdatum kan inte vara före startdatum' });
  return problems;
}

const withFieldRules = <T extends ActivityShape>(value: T, ctx: z.RefinementCtx) => {
  for (const problem of activityFieldProblems(value)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
};

export const activityCreate = z.object(activityFields).superRefine(withFieldRules);

/** A change sends every field again (the form holds them all). */
export const activityUpdate = activityCreate;

export const activityView = z.object({
  id,
  enrolmentId: id,
  activityType: z.string(),
  employmentType: z.string().nullable(),
  extension: z.boolean(),
  workplace: z.object({ id, name: z.string() }).nullable(),
  provider: z.string().nullable(),
  supervisor: z.object({ id, name: z.string() }).nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  status: activityStatus,
  health: z.boolean(),
  notes: z.string().nullable(),
  controller: z.object({ id, name: z.string() }),
  can: z.object({ update: z.boolean() }),
});

export const activityList = z.object({ items: z.array(activityView), can: z.object({ create: z.boolean() }) });

