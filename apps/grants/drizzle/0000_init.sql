CREATE SCHEMA IF NOT EXISTS "grants";
--> statement-breakpoint
CREATE TABLE "grants"."applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"cbo_id" uuid NOT NULL,
	"cbo_name" text NOT NULL,
	"cbo_name_km" text,
	"stage" text DEFAULT 'draft' NOT NULL,
	"reference" text,
	"currency" text NOT NULL,
	"plan" jsonb NOT NULL,
	"budget" jsonb NOT NULL,
	"requested" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"decision" jsonb,
	"eligibility" jsonb,
	"submissions" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grants"."attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"upload_id" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grants"."decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"outcome" text NOT NULL,
	"step" integer,
	"role" text,
	"decided_by" uuid,
	"amount" bigint,
	"reason" text,
	"event_id" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grants"."idempotency_keys" (
	"command" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_command_key_pk" PRIMARY KEY("command","key")
);
--> statement-breakpoint
CREATE TABLE "grants"."outbox" (
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
CREATE TABLE "grants"."relationships" (
	"user_id" uuid NOT NULL,
	"cbo_id" uuid NOT NULL,
	"cbo_name" text,
	"note" text NOT NULL,
	"source" text DEFAULT 'declared' NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationships_user_id_cbo_id_pk" PRIMARY KEY("user_id","cbo_id")
);
--> statement-breakpoint
CREATE TABLE "grants"."reviews" (
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text,
	"status" text DEFAULT 'assigned' NOT NULL,
	"conflict_note" text,
	"scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"total" double precision,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"declared_at" timestamp with time zone,
	"scored_at" timestamp with time zone,
	CONSTRAINT "reviews_application_id_reviewer_id_pk" PRIMARY KEY("application_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "grants"."rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"currency" text NOT NULL,
	"budget" bigint NOT NULL,
	"committed" bigint DEFAULT 0 NOT NULL,
	"min_amount" bigint NOT NULL,
	"max_amount" bigint NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"eligibility" jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"reviewers_per_application" integer NOT NULL,
	"blind_review" boolean NOT NULL,
	"approval_chain" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rounds_committed_within_budget" CHECK ("grants"."rounds"."committed" >= 0 and "grants"."rounds"."committed" <= "grants"."rounds"."budget")
);
--> statement-breakpoint
ALTER TABLE "grants"."applications" ADD CONSTRAINT "applications_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "grants"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants"."attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "grants"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants"."decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "grants"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants"."reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "grants"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_round_cbo_idx" ON "grants"."applications" USING btree ("round_id","cbo_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_reference_idx" ON "grants"."applications" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "applications_round_stage_idx" ON "grants"."applications" USING btree ("round_id","stage");--> statement-breakpoint
CREATE INDEX "applications_cbo_idx" ON "grants"."applications" USING btree ("cbo_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_application_upload_idx" ON "grants"."attachments" USING btree ("application_id","upload_id");--> statement-breakpoint
CREATE INDEX "decisions_application_idx" ON "grants"."decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "relationships_cbo_idx" ON "grants"."relationships" USING btree ("cbo_id");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "grants"."reviews" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE INDEX "rounds_opens_at_idx" ON "grants"."rounds" USING btree ("opens_at");