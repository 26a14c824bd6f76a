CREATE TYPE "public"."amendment_request_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED');--> statement-breakpoint
CREATE TYPE "public"."record_status" AS ENUM('draft', 'final', 'entered-in-error');--> statement-breakpoint
CREATE TYPE "public"."record_version_kind" AS ENUM('CREATED', 'UPDATED', 'SIGNED', 'AMENDED', 'ENTERED_IN_ERROR');--> statement-breakpoint
ALTER TYPE "public"."access_action" ADD VALUE 'SIGN';--> statement-breakpoint
ALTER TYPE "public"."access_action" ADD VALUE 'AMEND';--> statement-breakpoint
CREATE TABLE "amendment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" "amendment_request_status" DEFAULT 'PENDING' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"resulting_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"algorithm" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "record_versions" (
	"record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" "record_version_kind" NOT NULL,
	"status" "record_status" NOT NULL,
	"content" jsonb NOT NULL,
	"reason" text,
	"changed_by_user_id" uuid NOT NULL,
	"changed_by_role" "role" NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by_user_id" uuid,
	"signature" text,
	"amends_version" integer,
	"amendment_request_id" uuid,
	CONSTRAINT "record_versions_record_id_version_pk" PRIMARY KEY("record_id","version")
);
--> statement-breakpoint
ALTER TABLE "medical_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "medical_records" ADD COLUMN "status" "record_status" DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "medical_records" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "medical_records" ADD COLUMN "signed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "medical_records" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "medical_records" ADD COLUMN "error_reason" text;--> statement-breakpoint
ALTER TABLE "amendment_requests" ADD CONSTRAINT "amendment_requests_record_id_medical_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."medical_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_requests" ADD CONSTRAINT "amendment_requests_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_record_id_medical_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."medical_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendment_requests_record_idx" ON "amendment_requests" USING btree ("record_id","created_at");--> statement-breakpoint
CREATE INDEX "amendment_requests_pending_idx" ON "amendment_requests" USING btree ("created_at") WHERE "amendment_requests"."status" = 'PENDING';--> statement-breakpoint
-- Every existing record gets its first version (its content today, by its doctor, at its creation).
INSERT INTO "record_versions" ("record_id", "version", "kind", "status", "content", "changed_by_user_id", "changed_by_role", "changed_at")
SELECT "r"."id", 1, 'CREATED', 'draft',
  jsonb_build_object('visitDate', "r"."visit_date"::text, 'complaint', "r"."complaint", 'diagnosis', "r"."diagnosis",
    'treatment', "r"."treatment", 'prescription', "r"."prescription", 'notes', "r"."notes"),
  "d"."user_id", 'DOCTOR', "r"."created_at"
FROM "medical_records" AS "r" JOIN "doctors" AS "d" ON "d"."id" = "r"."doctor_id";--> statement-breakpoint
-- A record deleted before versions were kept is entered in error (version 2), by whoever the trail says deleted it.
INSERT INTO "record_versions" ("record_id", "version", "kind", "status", "content", "reason", "changed_by_user_id", "changed_by_role", "changed_at")
SELECT "v"."record_id", 2, 'ENTERED_IN_ERROR', 'entered-in-error', "v"."content", 'Deleted before record versions were kept',
  coalesce("l"."actor_user_id", "v"."changed_by_user_id"), coalesce("l"."actor_role", 'DOCTOR'), "r"."deleted_at"
FROM "record_versions" AS "v"
JOIN "medical_records" AS "r" ON "r"."id" = "v"."record_id" AND "r"."deleted_at" IS NOT NULL
LEFT JOIN LATERAL (
  SELECT "actor_user_id", "actor_role" FROM "record_access_log"
  WHERE "record_id" = "r"."id" AND "action" = 'DELETE' AND "outcome" = 'ALLOWED' ORDER BY "at" DESC LIMIT 1
) AS "l" ON true;--> statement-breakpoint
UPDATE "medical_records" SET "status" = 'entered-in-error', "version" = 2, "error_reason" = 'Deleted before record versions were kept'
WHERE "deleted_at" IS NOT NULL;
