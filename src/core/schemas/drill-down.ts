import { z } from 'zod';
import { drillDownCells, drillDownFigures } from '../figures/drill-down.js';
import { exitGroups } from '../figures/key-figures.js';
import { code, isoDate } from './common.js';
import { enrolmentSummary } from './enrolment.js';

/** One number of an intervention's key figures: the figure, the exit group (exit_group only) and the column. */
export const drillDownQuery = z
  .object({
    intervention: code,
    /** 2025, 2025-T2 or 2025-03; or from and to. */
    period: z.string().max(16).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    figure: z.enum(drillDownFigures, { message: 'Välj ett nyckeltal: inskrivna, aktiva, avslutade, avslut per grupp eller arbete eller studier' }),
    group: z.enum(exitGroups, { message: 'Välj en grupp av avslutsorsaker' }).optional(),
    cell: z.enum(drillDownCells, { message: 'Välj kvinnor, män, annat/ej angivet, totalt eller under 30 år' }).default('total'),
  })
  .superRefine((q, ctx) => {
    if (q.period !== undefined ? q.from !== undefined || q.to !== undefined : q.from === undefined || q.to === undefined) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'Ange antingen period eller både from och to' });
    }
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Välj ett slutdatum efter startdatum' });
    if ((q.figure === 'exit_group') !== (q.group !== undefined)) ctx.addIssue({ code: 'custom', path: ['group'], message: 'Ange en grupp för avslut per grupp, och bara då' });
  });

export const drillDownView = z.object({
  /** The intervention's code. */
  intervention: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  figure: z.string(),
  group: z.string().nullable(),
  cell: z.string(),
  /** The number clicked: the enrolments listed and those hidden. */
  count: z.number().int(),
  items: z.array(enrolmentSummary),
  /** Counted, but persons with protected identity are shown to no one at person level. */
  protectedIdentity: z.number().int(),
});
export type DrillDownView = z.infer<typeof drillDownView>;
