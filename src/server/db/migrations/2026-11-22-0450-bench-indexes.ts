import { sql, type Kysely } from 'kysely';

// Indexes found missing by the benchmarks (bench/, issue 5). PostgreSQL 15 compatible.
//
// persons_protected: every person-level query carries the access rule's "not exists (… persons
// … protected_identity)" (access/scope.ts). Without an index the planner probes persons by id
// once per enrolment (2,500 probes for one intervention's list); with this partial index, which
// holds only the few protected persons, the anti-join reads an almost empty index once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX persons_protected ON persons (id) WHERE protected_identity`.execute(db);
}
