CREATE TYPE "public"."security_event_type" AS ENUM('USER_REGISTERED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'REFRESH_REUSE_DETECTED', 'SESSION_REVOKED', 'PASSWORD_CHANGED', 'ROLE_CHANGED', 'USER_BLOCKED', 'USER_UNBLOCKED');--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "security_event_type" NOT NULL,
	"user_id" uuid,
	"actor_user_id" uuid,
	"session_id" uuid,
	"reason" text,
	"ip" text,
	"user_agent" text,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "security_events_created_at_idx" ON "security_events" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "security_events_user_created_at_idx" ON "security_events" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "security_events_type_created_at_idx" ON "security_events" USING btree ("type","created_at" DESC NULLS LAST);