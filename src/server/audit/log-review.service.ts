import { randomBytes } from 'node:crypto';
import { writeAudit } from './audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { badRequest } from '../errors.js';
import { accessesToCsv } from './log-review.csv.js';
import { accessesToPdf } from './log-review.pdf.js';
import { presentAccess } from './log-review.presenter.js';
import {
  countReviewRows,
  enrolmentIdsOf,
  reviewRows,
  sampleIds,
  type Period,
  type ReviewFilter,
} from './log-review.repository.js';

export type ExportFormat = 'csv' | 'pdf';
export type ExportFile = { body: Buffer; contentType: string; fileName: string };
type Paging = { page: number; pageSize: number };

/** The most rows one file carries; a larger selection must be narrowed (never cut silently). */
export const EXPORT_LIMIT: Record<ExportFormat, number> = { csv: 100_000, pdf: 2_000 };

const titles = {
  'person-accesses': { title: 'Loggkontroll: åtkomster till en person', file: 'personatkomster' },
  'user-accesses': { title: 'Loggkontroll: en användares åtkomster', file: 'anvandaratkomster' },
  sample: { title: 'Loggkontroll: stickprov av åtkomster', file: 'stickprov' },
} as const;
type Query = keyof typeof titles;

/**
 * Data-protection model 6: the review is itself an access and is audited in the same
 * transaction, with the query in details: ids, dates and counts only, never names or e-mail.
 * A review of one person's accesses carries that person's id, so it shows in the person's own log.
 */
function auditReview(db: Db, ctx: RequestContext, query: Query, personId: string | null, details: Record<string, unknown>) {
  return writeAudit(db, ctx.audit, [{ action: 'review', entity: 'audit_log', personId, details: { query, ...details } }]);
}

const periodOf = (p: Period) => ({ from: p.from ?? null, to: p.to ?? null });

async function filterFor(db: Db, input: { personId: string } | { userId: string }): Promise<ReviewFilter> {
  if ('personId' in input) return { kind: 'person', personId: input.personId, enrolmentIds: await enrolmentIdsOf(db, input.personId) };
  return { kind: 'user', userId: input.userId };
}

/** (a) all accesses to one person, (b) all accesses by one user: one page as JSON. */
export async function listAccesses(
  ctx: RequestContext,
  query: 'person-accesses' | 'user-accesses',
  input: ({ personId: string } | { userId: string }) & Period & Paging,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const filter = await filterFor(trx, input);
    const orgId = ctx.actor.organisationId;
    const total = await countReviewRows(trx, orgId, filter, input);
    const rows = await reviewRows(trx, orgId, filter, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
    await auditReview(trx, ctx, query, 'personId' in input ? input.personId : null, {
      ...('userId' in input && { userId: input.userId }),
      ...periodOf(input),
      format: 'json',
      page: input.page,
      rows: rows.length,
    });
    return { items: rows.map(presentAccess), total, page: input.page, pageSize: input.pageSize, period: periodOf(input) };
  });
}

/** (a) or (b) as one CSV or PDF file with every row of the selection. */
export async function exportAccesses(
  ctx: RequestContext,
  query: 'person-accesses' | 'user-accesses',
  input: ({ personId: string } | { userId: string }) & Period & { format: ExportFormat },
): Promise<ExportFile> {
  return ctx.db.transaction().execute(async (trx) => {
    const filter = await filterFor(trx, input);
    const orgId = ctx.actor.organisationId;
    const rows = await reviewRows(trx, orgId, filter, input, { limit: EXPORT_LIMIT[input.format] + 1, offset: 0 });
    if (rows.length > EXPORT_LIMIT[input.format]) throw tooMany(input.format);
    const organisation = await organisationName(trx, ctx);
    await auditReview(trx, ctx, query, 'personId' in input ? input.personId : null, {
      ...('userId' in input && { userId: input.userId }),
      ...periodOf(input),
      format: input.format,
      rows: rows.length,
    });
    return { rows: rows.map(presentAccess), organisation };
  }).then(({ rows, organisation }) => render(query, rows, organisation, periodOf(input), input.format, []));
}

type SampleInput = { from: string; to: string; k: number; seed?: string };

/** (c) a reproducible random sample of k accesses in the period, for the recurring check. */
export async function sampleAccesses(ctx: RequestContext, input: SampleInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { items, population, seed } = await drawSample(trx, ctx, input);
    await auditReview(trx, ctx, 'sample', null, { ...periodOf(input), k: input.k, seed, population, format: 'json', rows: items.length });
    return { items, population, seed, period: periodOf(input) };
  });
}

export async function exportSample(ctx: RequestContext, input: SampleInput & { format: ExportFormat }): Promise<ExportFile> {
  if (input.k > EXPORT_LIMIT[input.format]) throw tooMany(input.format);
  const drawn = await ctx.db.transaction().execute(async (trx) => {
    const sample = await drawSample(trx, ctx, input);
    const organisation = await organisationName(trx, ctx);
    const { population, seed } = sample;
    await auditReview(trx, ctx, 'sample', null, { ...periodOf(input), k: input.k, seed, population, format: input.format, rows: sample.items.length });
    return { ...sample, organisation };
  });
  const lines = [`Stickprov: ${drawn.items.length} av ${drawn.population} åtkomster`, `Startvärde (seed) för att upprepa stickprovet: ${drawn.seed}`];
  return render('sample', drawn.items, drawn.organisation, periodOf(input), input.format, lines);
}

async function drawSample(db: Db, ctx: RequestContext, input: SampleInput) {
  const seed = input.seed ?? randomBytes(8).toString('hex');
  const orgId = ctx.actor.organisationId;
  const { ids, population } = await sampleIds(db, orgId, input, input.k, seed);
  const rows = ids.length ? await reviewRows(db, orgId, { kind: 'ids', ids }, input, { limit: ids.length, offset: 0 }) : [];
  return { items: rows.map(presentAccess), population, seed };
}

const organisationName = async (db: Db, ctx: RequestContext) => {
  const org = await db.selectFrom('organisations').select(['name', 'code']).where('id', '=', ctx.actor.organisationId).executeTakeFirst();
  return org ? `${org.name} (${org.code})` : '';
};

// Rendered after the commit: the audit write holds the chain's lock until then (migration 0300),
// so nothing slow may run between it and the end of the transaction.
async function render(
  query: Query,
  rows: ReturnType<typeof presentAccess>[],
  organisation: string,
  period: { from: string | null; to: string | null },
  format: ExportFormat,
  lines: string[],
): Promise<ExportFile> {
  const span = `${period.from ?? 'start'}--${period.to ?? 'nu'}`;
  const fileName = `loggkontroll-${titles[query].file}-${span}.${format}`;
  if (format === 'csv') return { body: Buffer.from(accessesToCsv(rows), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName };
  const body = await accessesToPdf(rows, { title: titles[query].title, organisation, period, lines }, new Date());
  return { body, contentType: 'application/pdf', fileName };
}

const tooMany = (format: ExportFormat) =>
  badRequest(
    `Urvalet är för stort för en ${format.toUpperCase()}-fil (högst ${EXPORT_LIMIT[format]} händelser). Välj en kortare period${format === 'pdf' ? ' eller CSV' : ''}.`,
  );
