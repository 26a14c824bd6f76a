-- A seal's members move onto the seal itself (two arrays in the order of its Merkle leaves): one
-- row per batch instead of one per audited row. Seals already written keep their members; the
-- migration (run by the tables' owner) pauses the trigger that refuses changes to do so.
ALTER TABLE "audit_seals" ADD COLUMN "member_ids" uuid[];--> statement-breakpoint
ALTER TABLE "audit_seals" ADD COLUMN "member_hashes" text[];--> statement-breakpoint
ALTER TABLE "audit_seals" DISABLE TRIGGER "audit_seals_insert_only";--> statement-breakpoint
UPDATE "audit_seals" AS "s" SET "member_ids" = "m"."ids", "member_hashes" = "m"."hashes"
  FROM (SELECT "seal_id", array_agg("row_id" ORDER BY "row_id") AS "ids", array_agg("row_hash" ORDER BY "row_id") AS "hashes"
          FROM "audit_seal_members" GROUP BY "seal_id") AS "m"
 WHERE "m"."seal_id" = "s"."id";--> statement-breakpoint
ALTER TABLE "audit_seals" ENABLE TRIGGER "audit_seals_insert_only";--> statement-breakpoint
ALTER TABLE "audit_seals" ALTER COLUMN "member_ids" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_seals" ALTER COLUMN "member_hashes" SET NOT NULL;--> statement-breakpoint
DROP TABLE "audit_seal_members" CASCADE;--> statement-breakpoint
CREATE INDEX "audit_seals_trail_last_row_at_idx" ON "audit_seals" USING btree ("trail","last_row_at");
