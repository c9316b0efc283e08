-- Evidence files' content as rows of small chunks instead of one bytea value (src/db/schema/assessments.ts).
CREATE TABLE "evidence_file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "evidence_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
ALTER TABLE "evidence_file_chunks" ADD CONSTRAINT "evidence_file_chunks_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each file's content moves into chunks of 32 KB in order (src/use-cases/uploads.ts: EVIDENCE_CHUNK_BYTES); an empty
-- file has no chunk.
INSERT INTO "evidence_file_chunks" ("file_id", "seq", "content")
SELECT f."id", piece, substring(f."content" FROM piece * 32768 + 1 FOR 32768)
FROM "evidence_files" f, generate_series(0, (octet_length(f."content") - 1) / 32768) AS piece
WHERE octet_length(f."content") > 0;
--> statement-breakpoint
ALTER TABLE "evidence_files" DROP COLUMN "content";