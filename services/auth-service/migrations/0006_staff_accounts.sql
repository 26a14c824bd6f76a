ALTER TYPE "public"."security_event_type" ADD VALUE 'USER_INVITED';--> statement-breakpoint
ALTER TYPE "public"."security_event_type" ADD VALUE 'USER_CREATED';--> statement-breakpoint
ALTER TYPE "public"."security_event_type" ADD VALUE 'PASSWORD_SET';--> statement-breakpoint
ALTER TYPE "public"."security_event_type" ADD VALUE 'LOCKOUT_CLEARED';--> statement-breakpoint
CREATE TABLE "set_password_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "set_password_tokens" ADD CONSTRAINT "set_password_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_password_tokens" ADD CONSTRAINT "set_password_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "set_password_tokens_token_hash_key" ON "set_password_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "set_password_tokens_user_id_idx" ON "set_password_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "set_password_tokens_expires_at_idx" ON "set_password_tokens" USING btree ("expires_at");