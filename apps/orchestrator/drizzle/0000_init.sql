CREATE SCHEMA IF NOT EXISTS "orchestrator";
--> statement-breakpoint
CREATE TABLE "orchestrator"."tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"workflow_id" text NOT NULL,
	"cbo_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_label" text NOT NULL,
	"assignee_role" text NOT NULL,
	"escalated_to_role" text,
	"due_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "tasks_open_role_idx" ON "orchestrator"."tasks" USING btree ("status","assignee_role","due_at");--> statement-breakpoint
CREATE INDEX "tasks_cbo_idx" ON "orchestrator"."tasks" USING btree ("cbo_id");