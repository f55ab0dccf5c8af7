CREATE TABLE "identity"."cbo_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"cbo_name" text NOT NULL,
	"province_code" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"cbo_id" uuid,
	"decided_by" uuid,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "cbo_claims_status_idx" ON "identity"."cbo_claims" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cbo_claims_user_idx" ON "identity"."cbo_claims" USING btree ("user_id");