-- The work queue kept per council until its data changes (src/use-cases/council-read-cache.ts): every statement
-- that inserts, updates or deletes rows of a table the queue reads announces the councils it touched on the
-- `work_queue` channel. PostgreSQL delivers a NOTIFY when its transaction commits (and sends one payload once per
-- transaction), so a listener never hears of a change it cannot read yet. The audit trail is not watched: a
-- feedback response writes an audit event, and the queue's "mine" filter only reads events written with a change
-- to one of these tables.
CREATE OR REPLACE FUNCTION announce_work_queue_change() RETURNS trigger AS $$
DECLARE
  council uuid;
BEGIN
  FOR council IN SELECT DISTINCT council_id FROM changed_rows WHERE council_id IS NOT NULL LOOP
    PERFORM pg_notify('work_queue', council::text);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessments_work_queue_insert AFTER INSERT ON assessments
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER assessments_work_queue_update AFTER UPDATE ON assessments
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER assessments_work_queue_delete AFTER DELETE ON assessments
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER evidence_work_queue_insert AFTER INSERT ON evidence
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER evidence_work_queue_update AFTER UPDATE ON evidence
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER evidence_work_queue_delete AFTER DELETE ON evidence
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER awards_work_queue_insert AFTER INSERT ON awards
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER awards_work_queue_update AFTER UPDATE ON awards
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER awards_work_queue_delete AFTER DELETE ON awards
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER concerns_work_queue_insert AFTER INSERT ON concerns
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER concerns_work_queue_update AFTER UPDATE ON concerns
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER concerns_work_queue_delete AFTER DELETE ON concerns
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER appeals_work_queue_insert AFTER INSERT ON appeals
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER appeals_work_queue_update AFTER UPDATE ON appeals
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER appeals_work_queue_delete AFTER DELETE ON appeals
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER notification_messages_work_queue_insert AFTER INSERT ON notification_messages
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER notification_messages_work_queue_update AFTER UPDATE ON notification_messages
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER notification_messages_work_queue_delete AFTER DELETE ON notification_messages
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER interests_work_queue_insert AFTER INSERT ON interests
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER interests_work_queue_update AFTER UPDATE ON interests
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER interests_work_queue_delete AFTER DELETE ON interests
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER providers_work_queue_insert AFTER INSERT ON providers
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER providers_work_queue_update AFTER UPDATE ON providers
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER providers_work_queue_delete AFTER DELETE ON providers
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
