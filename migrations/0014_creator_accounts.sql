CREATE TABLE "creator_orders" (
	"shop_id" integer NOT NULL,
	"order_id" text NOT NULL,
	"status" text NOT NULL,
	"create_time" timestamp with time zone NOT NULL,
	"delivery_time" timestamp with time zone,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"estimated" numeric NOT NULL,
	"actual" numeric NOT NULL,
	"skus" integer NOT NULL,
	"settled_seen_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "creator_orders_shop_id_order_id_pk" PRIMARY KEY("shop_id","order_id")
);
--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "kind" text DEFAULT 'seller' NOT NULL;--> statement-breakpoint
ALTER TABLE "creator_orders" ADD CONSTRAINT "creator_orders_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "creator_orders_day" ON "creator_orders" USING btree ("shop_id","day");--> statement-breakpoint
CREATE INDEX "creator_orders_status" ON "creator_orders" USING btree ("shop_id","status");--> statement-breakpoint
ALTER TABLE "shops" ADD CONSTRAINT "shops_kind" CHECK ("shops"."kind" in ('seller', 'creator'));