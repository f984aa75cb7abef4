ALTER TABLE "alert_rules" ADD COLUMN "crossings" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "processed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "domain_events_unprocessed" ON "domain_events" USING btree ("processed_at");