CREATE INDEX "audit_log_action_idx" ON "identity"."audit_log" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "identity"."audit_log" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "identity"."audit_log" USING btree ("target_type","target_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_cbo_idx" ON "identity"."audit_log" USING btree (("details"->>'cboId'),"seq");