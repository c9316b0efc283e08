CREATE TABLE "feedback_held" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"respondent_type" text NOT NULL,
	"mode" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "feedback_spends" (
	"key_hash" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_held" ADD CONSTRAINT "feedback_held_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_held" ADD CONSTRAINT "feedback_held_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_held" ADD CONSTRAINT "feedback_held_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_held_assessment_idx" ON "feedback_held" USING btree ("assessment_id");