ALTER TABLE "providers" ADD COLUMN "charity_number" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "company_number" text;