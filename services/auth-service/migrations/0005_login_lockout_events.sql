ALTER TYPE "public"."security_event_type" ADD VALUE 'LOGIN_LOCKED';--> statement-breakpoint
ALTER TYPE "public"."security_event_type" ADD VALUE 'PASSWORD_CHECK_FAILED';--> statement-breakpoint
ALTER TYPE "public"."security_event_type" ADD VALUE 'EMAIL_CHANGED';