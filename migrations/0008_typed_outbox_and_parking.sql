CREATE TYPE "public"."platform" AS ENUM('console', 'slack', 'discord');--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "platform" SET DATA TYPE "public"."platform" USING "platform"::"public"."platform";--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "parked_reason" text;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "parked_reason" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_known" CHECK ("outbox"."status" in ('pending', 'sending', 'sent', 'parked'));--> statement-breakpoint
-- Rows written before the typed outbox: the view's kind joins the payload, a digest's single chart becomes its list.
UPDATE "outbox" SET "payload" = jsonb_build_object('kind', "kind", 'reply', "payload"->'reply')
  || CASE WHEN "kind" = 'digest' THEN jsonb_build_object('charts', coalesce("payload"->'charts',
       CASE WHEN "payload" ? 'chart' THEN jsonb_build_array("payload"->'chart') ELSE '[]'::jsonb END))
     ELSE '{}'::jsonb END
  WHERE NOT ("payload" ? 'kind');
