CREATE TABLE "alert_rule_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_id" integer NOT NULL,
	"workspace_id" integer NOT NULL,
	"change" text NOT NULL,
	"until" timestamp with time zone,
	"user_id" text NOT NULL,
	"via" text NOT NULL,
	"message_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_acks" (
	"outbox_id" bigint PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"user_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"outbox_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"workspace_id" integer NOT NULL,
	"kind" text NOT NULL,
	"shop_id" integer,
	"period" text,
	"rule_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_actions_token_unique" UNIQUE("token"),
	CONSTRAINT "message_actions_position" UNIQUE("outbox_id","position")
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "muted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "message_acks" ADD CONSTRAINT "message_acks_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_actions" ADD CONSTRAINT "message_actions_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_rule_changes_rule" ON "alert_rule_changes" USING btree ("rule_id");