// `stegvis figures decide` on the test database (both kinds), parsed by commander as the real
// command line is; the database is handed in instead of opened from the environment.
import { Command } from 'commander';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../server/config.js';
import { worldFixture } from '../test/fixture.js';
import { seedNineExits } from '../test/nine-exits.js';
import type { withDatabase } from './database.js';
import { registerFiguresCommand } from './figures.command.js';

const t = worldFixture({ app: false });

async function stegvis(...args: string[]): Promise<string> {
  const output: string[] = [];
  const program = new Command('stegvis').exitOverride();
  registerFiguresCommand(program, {
    withDatabase: (<T>(work: Parameters<typeof withDatabase<T>>[0]) => work(t.db, configFromEnv({}), [])) as typeof withDatabase,
    write: (text) => void output.push(text),
  });
  await program.parseAsync(args, { from: 'user' });
  return output.join('');
}

const rows = async (table: 'suppression_dirty' | 'suppression_decisions') =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0].n);

describe('stegvis figures decide', () => {
  it('decides the changed interventions once and says how many, then finds nothing to do', async () => {
    await seedNineExits(t.db, t.world, 'CLI');
    expect(await rows('suppression_dirty')).toBeGreaterThan(0);
    expect(await stegvis('figures', 'decide')).toMatch(/^1 insatser genomgångna: [1-9]\d* nya beslut sparade, 0 gamla borttagna\.\n$/);
    expect(await rows('suppression_dirty')).toBe(0);
    const kept = await rows('suppression_decisions');
    expect(kept).toBeGreaterThan(0);
    expect(await stegvis('figures', 'decide')).toBe('0 insatser genomgångna: 0 nya beslut sparade, 0 gamla borttagna.\n');
    // --all goes through every intervention; what is kept already is not decided again.
    expect(await stegvis('figures', 'decide', '--all')).toBe(`${(await t.db.selectFrom('interventions').select('id').execute()).length} insatser genomgångna: 0 nya beslut sparade, 0 gamla borttagna.\n`);
    expect(await rows('suppression_decisions')).toBe(kept);
  });
});
