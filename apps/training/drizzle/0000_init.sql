CREATE SCHEMA IF NOT EXISTS "training";
--> statement-breakpoint
CREATE TABLE "training"."idempotency_keys" (
	"command" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_command_key_pk" PRIMARY KEY("command","key")
);
--> statement-breakpoint
CREATE TABLE "training"."modules" (
	"id" text PRIMARY KEY NOT NULL,
	"title_km" text NOT NULL,
	"title_en" text NOT NULL,
	"description_km" text NOT NULL,
	"description_en" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"required_for_grants" boolean NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training"."outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training"."trainers" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"module_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"province_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
