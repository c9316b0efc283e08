ALTER TABLE "councils" ADD COLUMN "accessibility_email" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "data_protection_email" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "safeguarding_phone" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "taking_new_people" boolean;