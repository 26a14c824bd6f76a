CREATE TABLE "audit_seal_members" (
	"seal_id" uuid NOT NULL,
	"row_id" uuid NOT NULL,
	"row_hash" text NOT NULL,
	CONSTRAINT "audit_seal_members_pkey" PRIMARY KEY("seal_id","row_id")
);
--> statement-breakpoint
CREATE TABLE "audit_seals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trail" text NOT NULL,
	"seq" integer NOT NULL,
	"row_count" integer NOT NULL,
	"merkle_root" text NOT NULL,
	"previous_seal_hash" text,
	"seal_hash" text NOT NULL,
	"mac" text NOT NULL,
	"last_row_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "denied_access_counts" (
	"target" text NOT NULL,
	"target_id" uuid NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"action" "access_action" NOT NULL,
	"denied_window" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "denied_access_counts_pkey" PRIMARY KEY("target","target_id","actor_user_id","action","denied_window")
);
--> statement-breakpoint
ALTER TABLE "audit_seal_members" ADD CONSTRAINT "audit_seal_members_seal_id_audit_seals_id_fk" FOREIGN KEY ("seal_id") REFERENCES "public"."audit_seals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seal_members_row_id_key" ON "audit_seal_members" USING btree ("row_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seals_trail_seq_key" ON "audit_seals" USING btree ("trail","seq");--> statement-breakpoint
CREATE INDEX "patient_access_log_at_idx" ON "patient_access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "record_access_log_at_idx" ON "record_access_log" USING btree ("at");--> statement-breakpoint
-- The repeat counts of folded refusals move to their counter before the columns go.
INSERT INTO "denied_access_counts" ("target", "target_id", "actor_user_id", "action", "denied_window", "count", "last_at")
  SELECT 'RECORD', "record_id", "actor_user_id", "action", "denied_window", "count", "last_at" FROM "record_access_log"
   WHERE "outcome" = 'DENIED' AND "denied_window" IS NOT NULL AND "count" > 1;--> statement-breakpoint
INSERT INTO "denied_access_counts" ("target", "target_id", "actor_user_id", "action", "denied_window", "count", "last_at")
  SELECT 'PATIENT', "patient_id", "actor_user_id", "action", "denied_window", "count", "last_at" FROM "patient_access_log"
   WHERE "outcome" = 'DENIED' AND "denied_window" IS NOT NULL AND "count" > 1;--> statement-breakpoint
ALTER TABLE "patient_access_log" DROP COLUMN "count";--> statement-breakpoint
ALTER TABLE "patient_access_log" DROP COLUMN "last_at";--> statement-breakpoint
ALTER TABLE "record_access_log" DROP COLUMN "count";--> statement-breakpoint
ALTER TABLE "record_access_log" DROP COLUMN "last_at";--> statement-breakpoint
-- The audit trail is insert-only (docs/audit-trail.md): nobody but the owner holds UPDATE, DELETE
-- or TRUNCATE on it (README "Production database roles" grants the service's role SELECT and
-- INSERT only), and these triggers refuse them even to the owner. A superuser can still bypass
-- both (session_replication_role = replica): what the seals are for.
REVOKE UPDATE, DELETE, TRUNCATE ON "record_access_log", "patient_access_log", "audit_seals", "audit_seal_members" FROM PUBLIC;--> statement-breakpoint
CREATE FUNCTION "refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is an audit trail: its rows are never updated or deleted (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "record_access_log_insert_only" BEFORE UPDATE OR DELETE ON "record_access_log" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "record_access_log_no_truncate" BEFORE TRUNCATE ON "record_access_log" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "patient_access_log_insert_only" BEFORE UPDATE OR DELETE ON "patient_access_log" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "patient_access_log_no_truncate" BEFORE TRUNCATE ON "patient_access_log" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seals_insert_only" BEFORE UPDATE OR DELETE ON "audit_seals" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seals_no_truncate" BEFORE TRUNCATE ON "audit_seals" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seal_members_insert_only" BEFORE UPDATE OR DELETE ON "audit_seal_members" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seal_members_no_truncate" BEFORE TRUNCATE ON "audit_seal_members" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
