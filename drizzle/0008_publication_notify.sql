-- Push-based freshness (README: Publication): each bump of a council's publication version is also announced
-- on the `publication_version` channel as "<council id> <version>". PostgreSQL delivers a NOTIFY when its
-- transaction commits, so a listener never hears of a version it cannot read yet. Both trigger functions now
-- share one upsert-and-announce (ids in order, so concurrent statements lock the counters in the same order).
CREATE OR REPLACE FUNCTION bump_publication_versions(council_ids uuid[]) RETURNS void AS $$
DECLARE
  bumped record;
BEGIN
  FOR bumped IN
    INSERT INTO publication_versions AS pv (council_id, version, updated_at)
    SELECT id, 1, now() FROM unnest(council_ids) AS id
    ON CONFLICT (council_id) DO UPDATE SET version = pv.version + 1, updated_at = now()
    RETURNING pv.council_id, pv.version
  LOOP
    PERFORM pg_notify('publication_version', bumped.council_id::text || ' ' || bumped.version::text);
  END LOOP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_publication_version() RETURNS trigger AS $$
BEGIN
  PERFORM bump_publication_versions(ARRAY(
    SELECT DISTINCT council_id FROM changed_rows WHERE council_id IS NOT NULL ORDER BY council_id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_publication_version_of_council() RETURNS trigger AS $$
BEGIN
  PERFORM bump_publication_versions(ARRAY(SELECT DISTINCT id FROM changed_rows ORDER BY id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
