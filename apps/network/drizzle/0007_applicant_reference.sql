ALTER TABLE "network"."cbos" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "applicant_email" text;--> statement-breakpoint
ALTER TABLE "network"."cbos" ADD COLUMN "applicant_locale" text;--> statement-breakpoint
CREATE UNIQUE INDEX "cbos_reference_idx" ON "network"."cbos" USING btree ("reference");