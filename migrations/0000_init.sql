CREATE TABLE "daily_rollups" (
	"shop_id" integer NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"category" text NOT NULL,
	"amount" numeric NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "daily_rollups_shop_id_day_currency_category_pk" PRIMARY KEY("shop_id","day","currency","category")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"shop_id" integer NOT NULL,
	"source" text NOT NULL,
	"id" text NOT NULL,
	"type" text,
	"status" text NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"settlement_amount" numeric,
	"settlement_currency" text,
	"reserve_amount" numeric,
	"exchange_rate" text,
	"bank_account" text,
	"created_time" timestamp with time zone NOT NULL,
	"paid_time" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_shop_id_source_id_pk" PRIMARY KEY("shop_id","source","id")
);
--> statement-breakpoint
CREATE TABLE "statement_transactions" (
	"shop_id" integer NOT NULL,
	"id" text NOT NULL,
	"statement_id" text NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"order_id" text,
	"adjustment_id" text,
	"order_create_time" timestamp with time zone,
	"currency" text NOT NULL,
	"settlement" numeric NOT NULL,
	"revenue" numeric,
	"shipping" numeric,
	"fee_tax" numeric,
	"adjustment" numeric,
	"reserve" numeric,
	"reserve_status" text,
	"breakdown" jsonb,
	CONSTRAINT "statement_transactions_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"shop_id" integer NOT NULL,
	"id" text NOT NULL,
	"statement_time" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"settlement" numeric NOT NULL,
	"revenue" numeric,
	"net_sales" numeric,
	"fee" numeric,
	"shipping" numeric,
	"adjustment" numeric,
	"payment_status" text NOT NULL,
	"payment_id" text,
	"payment_time" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statements_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "unsettled_snapshots" (
	"shop_id" integer PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"est_settlement" numeric NOT NULL,
	"est_revenue" numeric,
	"est_fee" numeric,
	"est_adjustment" numeric,
	"order_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "authorizations" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"open_id" text NOT NULL,
	"seller_name" text,
	"region" text,
	"access_token" text NOT NULL,
	"refresh_token" text NOT NULL,
	"access_expires_at" timestamp with time zone,
	"refresh_expires_at" timestamp with time zone,
	"scopes" text[],
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorizations_provider_open_id" UNIQUE("provider","open_id")
);
--> statement-breakpoint
CREATE TABLE "shops" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"currency" text,
	"timezone" text NOT NULL,
	"cipher" text,
	"seller_type" text,
	"code" text,
	"authorization_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shops_provider_external" UNIQUE("provider","external_id")
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" integer NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"shop_id" integer NOT NULL,
	"resource" text NOT NULL,
	"cursor" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_code" text,
	"last_request_id" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sync_state_shop_id_resource_pk" PRIMARY KEY("shop_id","resource")
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"digest_enabled" boolean DEFAULT false NOT NULL,
	"digest_time" text DEFAULT '09:00' NOT NULL,
	"digest_zone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channels_workspace_external" UNIQUE("workspace_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "workspace_shops" (
	"workspace_id" integer NOT NULL,
	"shop_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_shops_workspace_id_shop_id_pk" PRIMARY KEY("workspace_id","shop_id")
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspaces_platform_external" UNIQUE("platform","external_id")
);
--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD CONSTRAINT "daily_rollups_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_transactions" ADD CONSTRAINT "statement_transactions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsettled_snapshots" ADD CONSTRAINT "unsettled_snapshots_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shops" ADD CONSTRAINT "shops_authorization_id_authorizations_id_fk" FOREIGN KEY ("authorization_id") REFERENCES "public"."authorizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_shops" ADD CONSTRAINT "workspace_shops_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_shops" ADD CONSTRAINT "workspace_shops_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payouts_shop_created" ON "payouts" USING btree ("shop_id","created_time");--> statement-breakpoint
CREATE INDEX "statement_transactions_statement" ON "statement_transactions" USING btree ("shop_id","statement_id");--> statement-breakpoint
CREATE INDEX "statements_shop_time" ON "statements" USING btree ("shop_id","statement_time");--> statement-breakpoint
CREATE INDEX "statements_shop_status" ON "statements" USING btree ("shop_id","payment_status");--> statement-breakpoint
CREATE INDEX "statements_shop_payment" ON "statements" USING btree ("shop_id","payment_id");--> statement-breakpoint
CREATE INDEX "domain_events_shop_created" ON "domain_events" USING btree ("shop_id","created_at");