-- Privileges of the application's database role (data-protection model 6: audit rows cannot be
-- updated or deleted by the application's database role). See docs/deployment.md.
--
-- Run as the role that owns the schema and runs the migrations, after every migration:
--   psql "postgres://stegvis_owner@db/stegvis" -v ON_ERROR_STOP=1 -v app_role=stegvis_app \
--     -f src/server/db/grants.sql
--
-- The application role must be neither the owner of the tables (an owner can disable triggers
-- and grant itself anything) nor a superuser (a superuser bypasses every privilege).

GRANT USAGE ON SCHEMA public TO :"app_role";

-- Ordinary tables: read and write rows, never TRUNCATE, REFERENCES or TRIGGER.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- The audit trail is append-only for the application: it adds and reads rows, nothing else.
-- The append-only trigger refuses the same, but an owner can drop a trigger; a privilege the
-- role never had cannot be bypassed from the application's connection.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON retention_runs FROM :"app_role";
-- The sealer runs in the server as this role: it appends seals, never changes one.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_seals FROM :"app_role";

-- Decided suppression is kept by key and never changed: the decider adds and prunes rows.
REVOKE UPDATE, TRUNCATE, REFERENCES, TRIGGER ON suppression_decisions FROM :"app_role";

-- Migrations are the owner's: the application may read which ran, not record or undo one.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kysely_migration, kysely_migration_lock FROM :"app_role";
