-- Each response keeps the provider's size band as it was when the answers were received (README: Reports), so a
-- report does not change when a provider grows or the council moves its micro bound. Rows already stored take the
-- band their provider has today: the best record there is of it.
ALTER TABLE "feedback_held" ADD COLUMN "size_band" text;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD COLUMN "size_band" text;--> statement-breakpoint
UPDATE "feedback_held" h SET "size_band" = p."size_band" FROM "providers" p WHERE p."id" = h."provider_id";--> statement-breakpoint
UPDATE "feedback_responses" r SET "size_band" = p."size_band" FROM "providers" p WHERE p."id" = r."provider_id";--> statement-breakpoint
ALTER TABLE "feedback_held" ALTER COLUMN "size_band" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_responses" ALTER COLUMN "size_band" SET NOT NULL;
