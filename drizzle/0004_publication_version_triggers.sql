-- Publication version per council (issue 6: "correct the moment an award changes, with several instances on
-- one database"): every statement that inserts or updates councils, providers or awards bumps its councils'
-- counter in the same transaction, so feed ETags and cached pages are keyed by the data, never by a clock.
CREATE OR REPLACE FUNCTION bump_publication_version() RETURNS trigger AS $$
BEGIN
  INSERT INTO publication_versions AS pv (council_id, version, updated_at)
  SELECT DISTINCT council_id, 1, now() FROM changed_rows WHERE council_id IS NOT NULL ORDER BY council_id
  ON CONFLICT (council_id) DO UPDATE SET version = pv.version + 1, updated_at = now();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_publication_version_of_council() RETURNS trigger AS $$
BEGIN
  INSERT INTO publication_versions AS pv (council_id, version, updated_at)
  SELECT DISTINCT id, 1, now() FROM changed_rows ORDER BY id
  ON CONFLICT (council_id) DO UPDATE SET version = pv.version + 1, updated_at = now();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER councils_publication_insert AFTER INSERT ON councils
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_publication_version_of_council();
--> statement-breakpoint
CREATE TRIGGER councils_publication_update AFTER UPDATE ON councils
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_publication_version_of_council();
--> statement-breakpoint
CREATE TRIGGER providers_publication_insert AFTER INSERT ON providers
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE TRIGGER providers_publication_update AFTER UPDATE ON providers
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE TRIGGER awards_publication_insert AFTER INSERT ON awards
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_publication_version();
--> statement-breakpoint
CREATE TRIGGER awards_publication_update AFTER UPDATE ON awards
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_publication_version();
