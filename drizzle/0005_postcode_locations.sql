CREATE TABLE "postcode_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_bytes" bigint NOT NULL,
	"source_modified" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_loaded" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "postcode_locations" (
	"postcode" text PRIMARY KEY NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"terminated_on" date,
	CONSTRAINT "postcode_locations_lat" CHECK ("postcode_locations"."latitude" between -90 and 90),
	CONSTRAINT "postcode_locations_lng" CHECK ("postcode_locations"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "postcode_locations_staging" (
	"postcode" text PRIMARY KEY NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"terminated_on" date
);
--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "longitude" double precision;--> statement-breakpoint
CREATE INDEX "providers_location_idx" ON "providers" USING btree ("council_id","latitude","longitude");