// `stegvis audit verify` on the test database (both kinds), parsed by commander as the real
// command line is; the database is handed in instead of opened from the environment.
import { Command } from 'commander';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { systemAuditActor, writeAudit } from '../server/audit/audit.js';
import { configFromEnv } from '../server/config.js';
import { databaseFixture } from '../test/fixture.js';
import { registerAuditCommand } from './audit.command.js';
import { CliError } from './cli-error.js';
import type { withDatabase } from './database.js';

const t = databaseFixture();

async function stegvis(...args: string[]): Promise<string> {
  const output: string[] = [];
  const program = new Command('stegvis').exitOverride();
  registerAuditCommand(program, {
    withDatabase: (<T>(work: Parameters<typeof withDatabase<T>>[0]) => work(t.db, configFromEnv({}), [])) as typeof withDatabase,
    write: (text) => void output.push(text),
    progress: () => undefined,
  });
  await program.parseAsync(args, { from: 'user' });
  return output.join('');
}

describe('stegvis audit verify', () => {
  it('says so when the log is empty', async () => {
    expect(await stegvis('audit', 'verify')).toBe('Åtkomstloggen är tom: inget att kontrollera.\n');
  });

  it('seals, then reports an intact chain with its count, in batches', async () => {
    await writeAudit(t.db, systemAuditActor('test'), Array.from({ length: 25 }, () => ({ action: 'read' as const, entity: 'person' as const })));
    expect(await stegvis('audit', 'verify', '--batch-size', '4')).toBe('Åtkomstloggens kedja är hel: 25 händelser kontrollerade i 0 förseglingar.\n25 händelser är ännu inte förseglade.\n');
    // On a shared PostgreSQL server another database's open transaction can hold the horizon a moment.
    const sealed = async () => (await t.db.selectFrom('audit_seals').select(['id', 'hash', 'row_count']).orderBy('id').execute());
    const deadline = Date.now() + 20_000;
    while ((await sealed()).reduce((n, s) => n + s.row_count, 0) < 25 && Date.now() < deadline) {
      expect(await stegvis('audit', 'seal')).toMatch(/^\d+ händelser förseglade i \d+ förseglingar\.\n$/);
    }
    const seals = await sealed();
    expect(await stegvis('audit', 'verify', '--batch-size', '4')).toBe(
      `Åtkomstloggens kedja är hel: 25 händelser kontrollerade i ${seals.length} förseglingar.\nSenaste försegling: ${seals.at(-1)!.id} (${seals.at(-1)!.hash.toString('hex')}).\n`,
    );
  });

  it('warns of events left unsealed for more than a minute', async () => {
    await t.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`insert into audit_events (action, entity, outcome, at, xid, hash) values ('read', 'person', 'allowed', now() - interval '5 minutes', pg_current_xact_id(), '\\x00')`.execute(trx);
      await sql`update audit_events e set hash = sha256(audit_event_content(e)) where length(hash) = 1`.execute(trx);
    });
    expect(await stegvis('audit', 'verify')).toContain(
      '1 händelser är ännu inte förseglade.\nVarning: 1 av dem är äldre än en minut. Förseglingen går inte i servern; kör stegvis audit seal.\n',
    );
    await stegvis('audit', 'seal');
  });

  it('names the first broken event and fails', async () => {
    const rows = await sql<{ id: number }>`select id from audit_events order by xid, id`.execute(t.db).then((r) => r.rows);
    await t.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_events set outcome = 'denied' where id = ${rows[9].id}`.execute(trx);
    });
    const failure = stegvis('audit', 'verify', '--batch-size', '4');
    await expect(failure).rejects.toBeInstanceOf(CliError);
    await expect(failure).rejects.toThrow(`kedja är bruten vid händelse med id ${rows[9].id}: händelsens innehåll stämmer inte`);
    await expect(failure).rejects.toThrow('9 händelser före den är hela');
  });

  it('refuses a batch size that is not a positive whole number', async () => {
    await expect(stegvis('audit', 'verify', '--batch-size', '0')).rejects.toThrow('--batch-size ska vara ett positivt heltal.');
  });
});
