CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "network"."assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cbo_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"assessed_by" uuid NOT NULL,
	"members_women" integer NOT NULL,
	"members_men" integer NOT NULL,
	"ongoing_activities" text NOT NULL,
	"planned_activities" text NOT NULL,
	"ambitions" text NOT NULL,
	"leadership" text NOT NULL,
	"meetings_held" integer NOT NULL,
	"records_kept" boolean NOT NULL,
	"registration" text NOT NULL,
	"risks" text NOT NULL,
	"parts" jsonb NOT NULL,
	"total" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network"."expansion_phases" (
	"seq" integer PRIMARY KEY NOT NULL,
	"provinces" text[] NOT NULL,
	"opens_on" date NOT NULL,
	"opened_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network"."field_visit_cbos" (
	"visit_id" uuid NOT NULL,
	"cbo_id" uuid NOT NULL,
	CONSTRAINT "field_visit_cbos_visit_id_cbo_id_pk" PRIMARY KEY("visit_id","cbo_id")
);
--> statement-breakpoint
CREATE TABLE "network"."field_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"district" text,
	"commune" text,
	"village" text,
	"visited_on" date NOT NULL,
	"notes" text,
	"visited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network"."hotline_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cbo_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"caller_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"issue" text NOT NULL,
	"summary" text NOT NULL,
	"guidance" text NOT NULL,
	"logged_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network"."partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"expertise" text[] NOT NULL,
	"description" text,
	"contact_name" text,
	"phone" text,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network"."referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"cbo_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"outcome_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network"."settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"pilot_declines_development" boolean NOT NULL,
	"reassessment_wait_days" integer NOT NULL,
	"rubric" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network"."targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"label_en" text NOT NULL,
	"label_km" text NOT NULL,
	"metric" text NOT NULL,
	"count" integer NOT NULL,
	"provinces" text[] NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network"."cbos" ALTER COLUMN "focus_issue" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "name_km" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "district" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "commune" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "village" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "focus_issues" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "network"."cbos" SET "focus_issues" = ARRAY["focus_issue"] WHERE "focus_issue" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "purpose" text DEFAULT 'human_rights' NOT NULL;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "members_count" integer;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "contacts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "publish_contacts" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "about" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "found_on" date DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "found_by" uuid;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "field_visit_id" uuid;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "decision_outcome" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "participant_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(name_km, ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "network"."assessments" ADD CONSTRAINT "assessments_cbo_id_cbos_id_fk" FOREIGN KEY ("cbo_id") REFERENCES "network"."cbos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network"."field_visit_cbos" ADD CONSTRAINT "field_visit_cbos_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "network"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network"."field_visit_cbos" ADD CONSTRAINT "field_visit_cbos_cbo_id_cbos_id_fk" FOREIGN KEY ("cbo_id") REFERENCES "network"."cbos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network"."hotline_calls" ADD CONSTRAINT "hotline_calls_cbo_id_cbos_id_fk" FOREIGN KEY ("cbo_id") REFERENCES "network"."cbos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network"."referrals" ADD CONSTRAINT "referrals_call_id_hotline_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "network"."hotline_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network"."referrals" ADD CONSTRAINT "referrals_cbo_id_cbos_id_fk" FOREIGN KEY ("cbo_id") REFERENCES "network"."cbos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network"."referrals" ADD CONSTRAINT "referrals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "network"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_step_idx" ON "network"."assessments" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "assessments_cbo_idx" ON "network"."assessments" USING btree ("cbo_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_cbo_idx" ON "network"."hotline_calls" USING btree ("cbo_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_call_idx" ON "network"."referrals" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "referrals_status_idx" ON "network"."referrals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cbos_stage_province_name_idx" ON "network"."cbos" USING btree ("stage","province_code","name");--> statement-breakpoint
CREATE INDEX "cbos_search_trgm_idx" ON "network"."cbos" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cbos_commune_idx" ON "network"."cbos" USING btree ("province_code",lower("commune"));