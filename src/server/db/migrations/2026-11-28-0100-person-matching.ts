import { sql, type Kysely } from 'kysely';

// Security review, findings 1 and 3 (SECURITY.md).
//
// A person is matched only among the persons the registering user may see (access/person-policy.ts),
// so a party that cannot see a person registers a new record instead of learning that one exists.
// Two records of one controller may then carry the same personnummer or reference: the uniqueness
// per controller becomes an index.
//
// One consent per person (the person has one controller): a second consent is a revision of the
// first, never a copy, so removing a party from it removes the party everywhere. Persons that got a
// second active consent before this keep one: the oldest, naming every party either named.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
ALTER TABLE persons DROP CONSTRAINT IF EXISTS persons_controller_org_id_participant_ref_key;
ALTER TABLE persons DROP CONSTRAINT IF EXISTS persons_controller_org_id_personnummer_key;
CREATE INDEX persons_controller_personnummer ON persons (controller_org_id, personnummer) WHERE personnummer IS NOT NULL;
CREATE INDEX persons_controller_participant_ref ON persons (controller_org_id, participant_ref) WHERE participant_ref IS NOT NULL;

CREATE TEMPORARY TABLE consent_merge AS
  SELECT c.id AS duplicate_id, k.id AS keep_id
  FROM consents c
  JOIN LATERAL (
    SELECT id FROM consents o
    WHERE o.person_id = c.person_id AND o.withdrawn_at IS NULL
    ORDER BY o.created_at, o.id LIMIT 1
  ) k ON k.id <> c.id
  WHERE c.withdrawn_at IS NULL;
INSERT INTO consent_parties (consent_id, organisation_id, added_at)
  SELECT m.keep_id, cp.organisation_id, cp.added_at
  FROM consent_merge m JOIN consent_parties cp ON cp.consent_id = m.duplicate_id
  ON CONFLICT DO NOTHING;
DELETE FROM consent_parties WHERE consent_id IN (SELECT duplicate_id FROM consent_merge);
DELETE FROM consents WHERE id IN (SELECT duplicate_id FROM consent_merge);
DROP TABLE consent_merge;
CREATE UNIQUE INDEX consents_one_active ON consents (person_id) WHERE withdrawn_at IS NULL;
`.execute(db);
}
