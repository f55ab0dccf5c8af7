CREATE TABLE "training"."seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"cbo_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD COLUMN "per_cbo_limit" integer;--> statement-breakpoint
ALTER TABLE "training"."seats" ADD CONSTRAINT "seats_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "training"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "seats_session_member_idx" ON "training"."seats" USING btree ("session_id","member_user_id");--> statement-breakpoint
CREATE INDEX "seats_session_status_idx" ON "training"."seats" USING btree ("session_id","status");