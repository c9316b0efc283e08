-- The provider's task list is kept per council until its data changes (src/use-cases/council-read-cache.ts), as
-- the work queue is: it also reads the files of each piece of evidence, so a change to them is announced on the
-- same `work_queue` channel with the council's id, by the function of 0017.
CREATE TRIGGER evidence_files_work_queue_insert AFTER INSERT ON evidence_files
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER evidence_files_work_queue_update AFTER UPDATE ON evidence_files
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
--> statement-breakpoint
CREATE TRIGGER evidence_files_work_queue_delete AFTER DELETE ON evidence_files
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_work_queue_change();
