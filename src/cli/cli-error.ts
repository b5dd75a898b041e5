import { AppError } from '../server/errors.js';

/** An error the user can act on: its Swedish message is printed as is, with exit code 1. */
export class CliError extends Error {}

/** The one line printed for an error. Driver errors give name and message only, never a row's values. */
export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof AppError) return error.message;
  if (error instanceof Error) {
    // Messages of our own start-up errors (a locked data directory) are Swedish already.
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED') return 'Kunde inte ansluta till databasen: kontrollera DATABASE_URL och att PostgreSQL är igång.';
    return `Ett oväntat fel inträffade: ${error.message}`;
  }
  return `Ett oväntat fel inträffade: ${String(error)}`;
}
