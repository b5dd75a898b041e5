import { sql, type Kysely } from 'kysely';

// Protected identity (data-protection model 5): the consent's document reference leads to the
// signed form, that is, to the name, so it is refused for a protected person like the identity
// columns (CHECK on persons) and the free text (trigger on enrolments) are. Found by the registry
// test (persons/personal-data-registry.int.test.ts), which tries every declared column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE FUNCTION consents_no_reference_when_protected() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM persons WHERE id = NEW.person_id AND protected_identity) THEN
    RAISE EXCEPTION 'identity is not stored for a protected person' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consents_no_reference_when_protected BEFORE INSERT OR UPDATE ON consents
  FOR EACH ROW WHEN (NEW.document_ref IS NOT NULL)
  EXECUTE FUNCTION consents_no_reference_when_protected();
`.execute(db);
}
