import type { Actor } from './actor.js';

// Whose eyes person data is read and written with. A request always acts in its actor's scope;
// the only way around the access rule is a system scope that names why, and whose caller audits
// the work as the system (architecture.md, convention 3).

/** The stated reasons the system acts outside any user's scope. */
export type SystemReason =
  | 'cli_import' // an operator imports files on the server (stegvis import)
  | 'cli_consent' // an operator records a withdrawal on the server (stegvis consent)
  | 'demo_data' // demo data loaded into an empty database
  | 'benchmark_data'; // the benchmark suite's generated data

export type DataScope = { kind: 'actor'; actor: Actor } | { kind: 'system'; reason: SystemReason };

export const actorScope = (actor: Actor): DataScope => ({ kind: 'actor', actor });

export const systemScope = (reason: SystemReason): DataScope => ({ kind: 'system', reason });

/** The organisation acting, or null for the system (which acts as every controller). */
export const actingOrganisation = (scope: DataScope): string | null => (scope.kind === 'actor' ? scope.actor.organisationId : null);
