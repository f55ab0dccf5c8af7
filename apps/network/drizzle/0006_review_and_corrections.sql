ALTER TABLE "network"."cbos" ADD COLUMN "duplicate_decision" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "duplicate_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "duplicate_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network"."hotline_calls" ADD COLUMN "corrected_by" uuid;--> statement-breakpoint
ALTER TABLE "network"."hotline_calls" ADD COLUMN "corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network"."settings" ADD COLUMN "unopened_provinces" text DEFAULT 'warn' NOT NULL;