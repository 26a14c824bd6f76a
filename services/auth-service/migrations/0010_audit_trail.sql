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
CREATE TABLE "security_event_clients" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "audit_seal_members" ADD CONSTRAINT "audit_seal_members_seal_id_audit_seals_id_fk" FOREIGN KEY ("seal_id") REFERENCES "public"."audit_seals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_event_clients" ADD CONSTRAINT "security_event_clients_event_id_security_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."security_events"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seal_members_row_id_key" ON "audit_seal_members" USING btree ("row_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seals_trail_seq_key" ON "audit_seals" USING btree ("trail","seq");--> statement-breakpoint
-- The events' client data moves beside them before the columns go.
INSERT INTO "security_event_clients" ("event_id", "ip", "user_agent")
  SELECT "id", "ip", "user_agent" FROM "security_events" WHERE "ip" IS NOT NULL OR "user_agent" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "security_events" DROP COLUMN "ip";--> statement-breakpoint
ALTER TABLE "security_events" DROP COLUMN "user_agent";--> statement-breakpoint
-- The security events are an insert-only, sealed trail (docs/audit-trail.md): nobody but the owner
-- holds UPDATE, DELETE or TRUNCATE on it (README "Production database roles" grants the service's
-- role SELECT and INSERT only), and these triggers refuse them even to the owner. A superuser can
-- still bypass both (session_replication_role = replica): what the seals are for. Users are never
-- deleted (erasure anonymises them), so the events' ON DELETE SET NULL never has to run.
REVOKE UPDATE, DELETE, TRUNCATE ON "security_events", "audit_seals", "audit_seal_members" FROM PUBLIC;--> statement-breakpoint
CREATE FUNCTION "refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is an audit trail: its rows are never updated or deleted (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "security_events_insert_only" BEFORE UPDATE OR DELETE ON "security_events" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "security_events_no_truncate" BEFORE TRUNCATE ON "security_events" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seals_insert_only" BEFORE UPDATE OR DELETE ON "audit_seals" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seals_no_truncate" BEFORE TRUNCATE ON "audit_seals" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seal_members_insert_only" BEFORE UPDATE OR DELETE ON "audit_seal_members" FOR EACH ROW EXECUTE FUNCTION "refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_seal_members_no_truncate" BEFORE TRUNCATE ON "audit_seal_members" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
