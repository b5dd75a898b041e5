// The query of the reports of an intervention or a förbund over a period (outcomes, case figures).
import { z } from 'zod';
import { code, isoDate } from './common.js';

export const reportQueryFields = {
  intervention: code.optional(),
  association: code.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /**
   * Instead of from and to: a calendar month (2025-03), a tertial (2025-T2), a calendar year
   * (2025) or the intervention's project period (project). Suppressed figures are given only
   * for these periods (also when asked for with from and to).
   */
  period: z.string().max(16).optional(),
  /** Ask for suppressed figures even where unsuppressed ones are allowed (e.g. to publish). */
  suppress: z.enum(['true', 'false']).default('false'),
};

export type Asked = { intervention?: string; association?: string; from?: string; to?: string; period?: string };
export const reportQueryRules = (q: Asked, ctx: z.core.$RefinementCtx<Asked>) => {
  if (Boolean(q.intervention) === Boolean(q.association)) {
    ctx.addIssue({ code: 'custom', path: ['intervention'], message: 'Ange antingen en insats eller ett förbund' });
  }
  if (q.period !== undefined ? q.from !== undefined || q.to !== undefined : q.from === undefined || q.to === undefined) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'Ange antingen period eller både from och to' });
  }
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Välj ett slutdatum efter startdatum' });
};

/** An intervention or a förbund, and a period (from–to or a calendar period's name). */
export const reportQuery = z.object(reportQueryFields).superRefine(reportQueryRules);
