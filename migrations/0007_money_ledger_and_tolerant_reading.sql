CREATE TABLE "read_anomalies" (
	"shop_id" integer NOT NULL,
	"resource" text NOT NULL,
	"record_key" text NOT NULL,
	"field" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "read_anomalies_shop_id_resource_record_key_field_pk" PRIMARY KEY("shop_id","resource","record_key","field")
);
--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "reversal_of" text;--> statement-breakpoint
ALTER TABLE "unsettled_snapshots" ADD COLUMN "others" jsonb;--> statement-breakpoint
ALTER TABLE "read_anomalies" ADD CONSTRAINT "read_anomalies_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;