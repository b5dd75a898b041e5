import type { z } from 'zod';
import type { organisationCreate, organisationUpdate } from '../../core/schemas/organisation.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, type FieldError } from '../errors.js';
import { presentOrganisation } from './organisation.presenter.js';
import {
  codeTaken,
  findOrganisationRow,
  insertOrganisation,
  listOrganisationRows,
  membershipsOf,
  notAssociations,
  replaceMemberships,
  updateOrganisationRow,
} from './organisation.repository.js';
import { isUniqueViolation } from '../db/pg-errors.js';

type Create = z.output<typeof organisationCreate>;
type Update = z.output<typeof organisationUpdate>;

// Organisations are shared master data, not person data: every user picks referrers and consent
// parties among all of them, so every authenticated role sees every organisation.

export async function listOrganisations(ctx: RequestContext) {
  const rows = await listOrganisationRows(ctx.db);
  const memberships = await membershipsOf(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((row) => presentOrganisation(row, memberships.get(row.id) ?? [])) };
}

export async function getOrganisation(ctx: RequestContext, id: string) {
  return loadView(ctx.db, id);
}

async function loadView(db: Db, id: string) {
  const row = await findOrganisationRow(db, id);
  if (!row) return null;
  const memberships = await membershipsOf(db, [id]);
  return presentOrganisation(row, memberships.get(id) ?? []);
}

async function checkAssociations(db: Db, associationIds: string[], selfId: string | null): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (selfId && associationIds.includes(selfId)) {
    errors.push({ path: 'associationIds', message: 'En organisation kan inte vara medlem i sig själv' });
  }
  const bad = await notAssociations(db, associationIds.filter((id) => id !== selfId));
  if (bad.length) {
    errors.push({ path: 'associationIds', message: 'Välj bara samordningsförbund (organisationer av typen association)' });
  }
  return errors;
}

// The code is not repeated: answers never echo what was typed (it could be personal data).
const codeConflict = () => new AppError('conflict', 'Det finns redan en organisation med den koden. Välj en annan kod.');

export async function createOrganisation(ctx: RequestContext, input: Create) {
  const associationIds = [...new Set(input.associationIds)];
  return ctx.db.transaction().execute(async (trx) => {
    const errors = await checkAssociations(trx, associationIds, null);
    if (errors.length) throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', errors);
    if (await codeTaken(trx, input.code)) throw codeConflict();
    const id = await insertOrganisation(trx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      org_number: input.orgNumber,
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? codeConflict() : error;
    });
    await replaceMemberships(trx, id, associationIds);
    return (await loadView(trx, id))!;
  });
}

export async function updateOrganisation(ctx: RequestContext, id: string, input: Update) {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findOrganisationRow(trx, id))) return null;
    const associationIds = input.associationIds && [...new Set(input.associationIds)];
    if (associationIds) {
      const errors = await checkAssociations(trx, associationIds, id);
      if (errors.length) throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', errors);
    }
    await updateOrganisationRow(trx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.orgNumber !== undefined && { org_number: input.orgNumber }),
    });
    if (associationIds) await replaceMemberships(trx, id, associationIds);
    return loadView(trx, id);
  });
}
