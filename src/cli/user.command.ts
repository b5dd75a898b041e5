// `stegvis user add --email E --name N --organisation CODE --role ROLE [--intervention CODE |
//  --association CODE] [--password-stdin]`: the first administrator of an installation, typically.
import { randomBytes } from 'node:crypto';
import { role as roleSchema, userCreate } from '../core/schemas/user.js';
import type { Role } from '../server/access/roles.js';
import { systemAuditActor, writeAudit } from '../server/audit/audit.js';
import { hashPassword } from '../server/auth/password.js';
import type { Db } from '../server/db/connection.js';
import { CliError } from './cli-error.js';
import { withDatabase } from './database.js';

export type UserAddOptions = {
  email: string;
  name: string;
  organisation: string;
  role: string;
  intervention?: string;
  association?: string;
  passwordStdin?: boolean;
};

// Where each role is held (the assignments CHECK constraint of the initial migration).
const HELD_IN: Record<Role, 'intervention' | 'association' | 'organisation'> = {
  case_worker: 'intervention',
  intervention_lead: 'intervention',
  association_admin: 'association',
  report_reader: 'association',
  org_admin: 'organisation',
  log_reviewer: 'organisation',
  system_admin: 'organisation',
};

export async function userAddCommand(options: UserAddOptions): Promise<void> {
  const role = roleSchema.safeParse(options.role);
  if (!role.success) throw new CliError(`Okänd roll '${options.role}': ange en av ${roleSchema.options.join(', ')}.`);
  checkTarget(role.data, options);
  const generated = !options.passwordStdin;
  const password = generated ? randomBytes(15).toString('base64url') : await readStdin();
  const input = userCreate.safeParse({ email: options.email, displayName: options.name, password });
  if (!input.success) throw new CliError(input.error.issues.map((issue) => issue.message).join('. ') + '.');
  const passwordHash = await hashPassword(password);
  await withDatabase((db) => createUser(db, { ...input.data, role: role.data, passwordHash, options }));
  process.stdout.write(`Användaren ${input.data.email} är skapad med rollen ${role.data}.\n`);
  if (generated) process.stdout.write(`Lösenord: ${password}\n(Visas bara nu. Lösenordet är tillfälligt: användaren väljer ett eget vid första inloggningen.)\n`);
}

function checkTarget(role: Role, options: UserAddOptions) {
  const held = HELD_IN[role];
  if (held === 'intervention' && (!options.intervention || options.association)) {
    throw new CliError(`Rollen ${role} gäller en insats: ange --intervention KOD (och inte --association).`);
  }
  if (held === 'association' && (!options.association || options.intervention)) {
    throw new CliError(`Rollen ${role} gäller ett förbund: ange --association KOD (och inte --intervention).`);
  }
  if (held === 'organisation' && (options.intervention || options.association)) {
    throw new CliError(`Rollen ${role} gäller hela organisationen: ange varken --intervention eller --association.`);
  }
}

async function createUser(
  db: Db,
  user: { email: string; displayName: string; role: Role; passwordHash: string; options: UserAddOptions },
): Promise<void> {
  const { options } = user;
  const organisation = await db.selectFrom('organisations').select('id').where('code', '=', options.organisation).executeTakeFirst();
  if (!organisation) throw new CliError(`Organisationen '${options.organisation}' finns inte.`);
  const intervention = options.intervention
    ? await db.selectFrom('interventions').select('id').where('code', '=', options.intervention).executeTakeFirst()
    : null;
  if (intervention === undefined) throw new CliError(`Insatsen '${options.intervention}' finns inte.`);
  const association = options.association
    ? await db.selectFrom('organisations').select(['id', 'kind']).where('code', '=', options.association).executeTakeFirst()
    : null;
  if (association === undefined || (association && association.kind !== 'association')) {
    throw new CliError(`Förbundet '${options.association}' finns inte (ange koden för ett samordningsförbund).`);
  }
  const taken = await db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
  if (taken) throw new CliError(`Det finns redan en användare med e-postadressen ${user.email}.`);
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values({
        email: user.email,
        display_name: user.displayName,
        organisation_id: organisation.id,
        password_hash: user.passwordHash,
        // The operator knows it: temporary, changed by the user at the first login (auth/auth.plugin.ts).
        password_must_change: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const assignment = await trx
      .insertInto('assignments')
      .values({ user_id: id, role: user.role, intervention_id: intervention?.id ?? null, association_id: association?.id ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every change of users and rights is audited (security finding 2): here as the system, by the operator.
    const target = { userId: id, userOrgId: organisation.id };
    await writeAudit(trx, systemAuditActor('cli_user_add'), [
      { action: 'create', entity: 'user', details: { ...target, passwordSet: true, passwordMustChange: true } },
      {
        action: 'create',
        entity: 'assignment',
        details: { ...target, assignmentId: assignment.id, role: user.role, interventionId: intervention?.id ?? null, teamId: null, associationId: association?.id ?? null },
      },
    ]);
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  // One trailing line break is the terminal's or echo's, not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
