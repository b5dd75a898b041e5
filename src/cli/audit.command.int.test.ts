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

  it('reports an intact chain with its count, in batches', async () => {
    await writeAudit(t.db, systemAuditActor('test'), Array.from({ length: 25 }, () => ({ action: 'read' as const, entity: 'person' as const })));
    const last = await t.db.selectFrom('audit_events').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(await stegvis('audit', 'verify', '--batch-size', '4')).toBe(
      `Åtkomstloggens kedja är hel: 25 händelser kontrollerade (till och med id ${last.id}).\n`,
    );
  });

  it('names the first broken link and fails', async () => {
    const rows = await t.db.selectFrom('audit_events').select('id').orderBy('id').execute();
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
