CREATE TABLE "training"."sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" text NOT NULL,
	"trainer_ids" uuid[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue" jsonb NOT NULL,
	"province_code" text,
	"capacity" integer NOT NULL,
	"minimum_attendance" integer NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training"."sessions" ADD CONSTRAINT "sessions_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "training"."modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_starts_at_idx" ON "training"."sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "sessions_trainers_idx" ON "training"."sessions" USING gin ("trainer_ids");