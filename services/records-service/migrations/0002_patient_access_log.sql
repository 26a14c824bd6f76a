CREATE TABLE "patient_access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_role" "role" NOT NULL,
	"action" "access_action" NOT NULL,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "patient_access_log_patient_at_idx" ON "patient_access_log" USING btree ("patient_id","at");