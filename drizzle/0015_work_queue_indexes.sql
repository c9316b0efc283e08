DROP INDEX "assessments_council_idx";--> statement-breakpoint
CREATE INDEX "providers_council_status_idx" ON "providers" USING btree ("council_id","status");--> statement-breakpoint
CREATE INDEX "evidence_verified_item_idx" ON "evidence" USING btree ("provider_id","item_code") WHERE "evidence"."status" = 'verified';--> statement-breakpoint
CREATE INDEX "assessments_council_idx" ON "assessments" USING btree ("council_id","state","updated_at","id");