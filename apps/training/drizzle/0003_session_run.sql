CREATE TABLE "training"."attendance" (
	"session_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	"cbo_id" uuid NOT NULL,
	"mark" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "attendance_session_id_member_user_id_pk" PRIMARY KEY("session_id","member_user_id")
);
--> statement-breakpoint
CREATE TABLE "training"."calendar_tokens" (
	"trainer_user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training"."certificates" (
	"code" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"cbo_id" uuid NOT NULL,
	"cbo_name" text NOT NULL,
	"cbo_name_km" text,
	"module_id" text NOT NULL,
	"module_title_km" text NOT NULL,
	"module_title_en" text NOT NULL,
	"session_date" timestamp with time zone NOT NULL,
	"trainer_names" text[] NOT NULL,
	"language" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training"."completions" (
	"cbo_id" uuid NOT NULL,
	"module_id" text NOT NULL,
	"session_id" uuid NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "completions_cbo_id_module_id_pk" PRIMARY KEY("cbo_id","module_id")
);
--> statement-breakpoint
CREATE TABLE "training"."invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"cbo_id" uuid NOT NULL,
	"province_code" text,
	"rank" integer NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD COLUMN "attendance_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD COLUMN "attendance_recorded_by" text;--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training"."attendance" ADD CONSTRAINT "attendance_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "training"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."certificates" ADD CONSTRAINT "certificates_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "training"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."completions" ADD CONSTRAINT "completions_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "training"."modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."completions" ADD CONSTRAINT "completions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "training"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."invitations" ADD CONSTRAINT "invitations_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "training"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_tokens_hash_idx" ON "training"."calendar_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_session_member_idx" ON "training"."certificates" USING btree ("session_id","member_user_id");--> statement-breakpoint
CREATE INDEX "certificates_cbo_idx" ON "training"."certificates" USING btree ("cbo_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_session_cbo_idx" ON "training"."invitations" USING btree ("session_id","cbo_id");--> statement-breakpoint
CREATE INDEX "invitations_cbo_idx" ON "training"."invitations" USING btree ("cbo_id");