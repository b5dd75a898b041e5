import { sql, type Kysely } from 'kysely';

// Authentication hardening (issue 3).
// login_attempts: failed password logins, counted per account and per address across every server
// process on the database (ASVS 6.3.1 — brute force and credential stuffing). Keys are sha256
// hashes, so a mistyped e-mail address (or anything else typed into the field) is not stored.
// oidc_flows: the state, nonce and PKCE verifier of a single sign-on started in a browser; the
// browser holds only a random id (cookie), the row is used once and expires after minutes.
// users.oidc_issuer/oidc_subject: the provider's `sub` a user is bound to at the first sign-on, so a
// reassigned e-mail address at the provider cannot take over the account (ASVS 10.5.2, 6.8.1).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  account_key text NOT NULL,
  address_key text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_account ON login_attempts (account_key, attempted_at);
CREATE INDEX login_attempts_address ON login_attempts (address_key, attempted_at);
CREATE INDEX login_attempts_at ON login_attempts (attempted_at);

CREATE TABLE oidc_flows (
  id_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_flows_expires ON oidc_flows (expires_at);

CREATE INDEX sessions_expires ON sessions (expires_at);

ALTER TABLE users ADD COLUMN oidc_issuer text, ADD COLUMN oidc_subject text,
  ADD CONSTRAINT users_oidc_binding CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX users_oidc_identity ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
`).execute(db);
}
