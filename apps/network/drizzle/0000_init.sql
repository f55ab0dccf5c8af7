CREATE SCHEMA IF NOT EXISTS "network";
--> statement-breakpoint
CREATE TABLE "network"."cbos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	"focus_issue" text NOT NULL,
	"found_via" text NOT NULL,
	"stage" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network"."idempotency_keys" (
	"command" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_command_key_pk" PRIMARY KEY("command","key")
);
--> statement-breakpoint
CREATE INDEX "cbos_created_at_idx" ON "network"."cbos" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "cbos_province_idx" ON "network"."cbos" USING btree ("province_code");