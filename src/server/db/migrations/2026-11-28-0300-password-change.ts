import { sql, type Kysely } from 'kysely';

// Accounts (issue 9, item 4). A password set by someone else — an administrator creating the
// account or resetting its password, or `stegvis user add` — is temporary: while
// password_must_change is set, the user's sessions may only read who they are, change the
// password and log out (auth/auth.plugin.ts). Existing accounts keep their passwords as they are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN password_must_change boolean NOT NULL DEFAULT false`.execute(db);
}
