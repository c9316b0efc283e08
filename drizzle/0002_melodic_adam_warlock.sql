ALTER TABLE "assessments" ADD COLUMN "provider_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "info_request_note" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "info_response_note" text;