CREATE TYPE "public"."revocation_kind" AS ENUM('SESSION', 'USER');--> statement-breakpoint
CREATE TABLE "revocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "revocation_kind" NOT NULL,
	"subject" uuid NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "revocations_expires_at_idx" ON "revocations" USING btree ("expires_at");