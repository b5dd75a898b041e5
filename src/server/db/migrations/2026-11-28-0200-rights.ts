import { sql, type Kysely } from 'kysely';

// Rights (security findings 2 and 7).
//
// Finding 7: association_admin and case_worker are never held together (domain.md, roles). The
// trigger of the initial migration checked for the other role, but two transactions inserting
// the two roles for the same user at the same time each saw no committed row of the other and
// both succeeded. Now the trigger first locks the user's row (FOR NO KEY UPDATE: it waits for
// another transaction holding the same lock, but not for foreign-key checks of sessions or
// assignments, which take FOR KEY SHARE), so the second transaction waits until the first has
// ended; under READ COMMITTED (the application's level) its check is a new statement with a new
// snapshot and sees the first one's row. It still raises check_violation without a constraint
// name, so the API answers as before (assignment.service.ts, assignmentInsertError).
//
// Finding 2: changes of users and assignments are audited with entity 'user' or 'assignment',
// no person and no enrolment; details name the target user and that user's organisation
// (userId, userOrgId), which log review scopes and filters on (audit/log-review.repository.ts).
// The partial indexes keep those look-ups off a scan of the whole trail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE OR REPLACE FUNCTION assignments_keep_roles_apart() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role NOT IN ('association_admin', 'case_worker') THEN
    RETURN NEW;
  END IF;
  -- One change of these roles per user at a time, until the transaction ends.
  PERFORM 1 FROM users WHERE id = NEW.user_id FOR NO KEY UPDATE;
  IF (NEW.role = 'association_admin' AND EXISTS (
        SELECT 1 FROM assignments WHERE user_id = NEW.user_id AND role = 'case_worker' AND id <> NEW.id))
     OR (NEW.role = 'case_worker' AND EXISTS (
        SELECT 1 FROM assignments WHERE user_id = NEW.user_id AND role = 'association_admin' AND id <> NEW.id)) THEN
    RAISE EXCEPTION 'association_admin may not also hold case_worker' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE INDEX audit_events_rights_user ON audit_events ((details->>'userId'), at)
  WHERE entity IN ('user', 'assignment');
CREATE INDEX audit_events_rights_org ON audit_events ((details->>'userOrgId'), at)
  WHERE entity IN ('user', 'assignment');
`).execute(db);
}
