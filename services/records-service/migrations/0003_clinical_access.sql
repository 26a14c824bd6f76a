CREATE TYPE "public"."access_outcome" AS ENUM('ALLOWED', 'DENIED');--> statement-breakpoint
CREATE TYPE "public"."access_purpose" AS ENUM('TREATMENT', 'EMERGENCY', 'PATIENT', 'ADMIN', 'INTAKE');--> statement-breakpoint
CREATE TYPE "public"."care_source" AS ENUM('REGISTERED', 'AUTHORED', 'ASSIGNED', 'GRANTED', 'REFERRED');--> statement-breakpoint
CREATE TYPE "public"."emergency_review_outcome" AS ENUM('APPROPRIATE', 'INAPPROPRIATE');--> statement-breakpoint
CREATE SEQUENCE "public"."patients_mrn_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "care_relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"doctor_id" uuid NOT NULL,
	"source" "care_source" NOT NULL,
	"granted_by_user_id" uuid NOT NULL,
	"granted_by_role" "role" NOT NULL,
	"referred_by_doctor_id" uuid,
	"note" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"doctor_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_outcome" "emergency_review_outcome",
	"review_note" text,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "patient_claim_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_user_id" uuid,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "patients" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_access_log" ADD COLUMN "purpose" "access_purpose";--> statement-breakpoint
-- Rows written before purposes existed: by the actor's role (a doctor's read was treatment).
UPDATE "patient_access_log" SET "purpose" = (CASE "actor_role"::text WHEN 'ADMIN' THEN 'ADMIN' WHEN 'PATIENT' THEN 'PATIENT' ELSE 'TREATMENT' END)::"access_purpose";--> statement-breakpoint
ALTER TABLE "patient_access_log" ALTER COLUMN "purpose" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_access_log" ADD COLUMN "outcome" "access_outcome" DEFAULT 'ALLOWED' NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_access_log" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "patient_access_log" ADD COLUMN "count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_access_log" ADD COLUMN "last_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_access_log" ADD COLUMN "denied_window" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "mrn" text;--> statement-breakpoint
-- Every existing profile gets an MRN with the default prefix, oldest first.
UPDATE "patients" SET "mrn" = 'RM-' || lpad("numbered"."n"::text, greatest(6, length("numbered"."n"::text)), '0')
FROM (SELECT "id", nextval('"public"."patients_mrn_seq"') AS "n" FROM (SELECT "id" FROM "patients" ORDER BY "created_at", "id") AS "ordered") AS "numbered"
WHERE "numbered"."id" = "patients"."id";--> statement-breakpoint
ALTER TABLE "patients" ALTER COLUMN "mrn" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "nik_encrypted" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "nik_hash" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "bpjs_encrypted" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "bpjs_hash" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "registered_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "record_access_log" ADD COLUMN "purpose" "access_purpose";--> statement-breakpoint
-- Rows written before purposes existed: by the actor's role (a doctor's read was treatment).
UPDATE "record_access_log" SET "purpose" = (CASE "actor_role"::text WHEN 'ADMIN' THEN 'ADMIN' WHEN 'PATIENT' THEN 'PATIENT' ELSE 'TREATMENT' END)::"access_purpose";--> statement-breakpoint
ALTER TABLE "record_access_log" ALTER COLUMN "purpose" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "record_access_log" ADD COLUMN "outcome" "access_outcome" DEFAULT 'ALLOWED' NOT NULL;--> statement-breakpoint
ALTER TABLE "record_access_log" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "record_access_log" ADD COLUMN "count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "record_access_log" ADD COLUMN "last_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "record_access_log" ADD COLUMN "denied_window" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care_relationships" ADD CONSTRAINT "care_relationships_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_relationships" ADD CONSTRAINT "care_relationships_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_relationships" ADD CONSTRAINT "care_relationships_referred_by_doctor_id_doctors_id_fk" FOREIGN KEY ("referred_by_doctor_id") REFERENCES "public"."doctors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access" ADD CONSTRAINT "emergency_access_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access" ADD CONSTRAINT "emergency_access_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_claim_codes" ADD CONSTRAINT "patient_claim_codes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_relationships_patient_doctor_idx" ON "care_relationships" USING btree ("patient_id","doctor_id");--> statement-breakpoint
CREATE INDEX "care_relationships_doctor_patient_idx" ON "care_relationships" USING btree ("doctor_id","patient_id");--> statement-breakpoint
CREATE INDEX "emergency_access_patient_doctor_ends_idx" ON "emergency_access" USING btree ("patient_id","doctor_id","ends_at");--> statement-breakpoint
CREATE INDEX "emergency_access_pending_review_idx" ON "emergency_access" USING btree ("created_at") WHERE "emergency_access"."review_outcome" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_claim_codes_code_hash_key" ON "patient_claim_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "patient_claim_codes_patient_idx" ON "patient_claim_codes" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_access_log_denied_fold_key" ON "patient_access_log" USING btree ("patient_id","actor_user_id","action","denied_window");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_mrn_key" ON "patients" USING btree ("mrn");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_nik_hash_key" ON "patients" USING btree ("nik_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_bpjs_hash_key" ON "patients" USING btree ("bpjs_hash");--> statement-breakpoint
CREATE INDEX "patients_date_of_birth_idx" ON "patients" USING btree ("date_of_birth");--> statement-breakpoint
CREATE UNIQUE INDEX "record_access_log_denied_fold_key" ON "record_access_log" USING btree ("record_id","actor_user_id","action","denied_window");--> statement-breakpoint
-- Every doctor who authored a record (deleted ones too) is in that patient's care from the first one on.
INSERT INTO "care_relationships" ("patient_id", "doctor_id", "source", "granted_by_user_id", "granted_by_role", "starts_at")
SELECT "r"."patient_id", "r"."doctor_id", 'AUTHORED', "d"."user_id", 'DOCTOR', min("r"."created_at")
FROM "medical_records" AS "r" JOIN "doctors" AS "d" ON "d"."id" = "r"."doctor_id"
GROUP BY "r"."patient_id", "r"."doctor_id", "d"."user_id";