CREATE TABLE "fetched_orders" (
	"shop_id" integer NOT NULL,
	"order_id" text NOT NULL,
	"outcome" text NOT NULL,
	"currency" text,
	"lines" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fetched_orders_shop_id_order_id_pk" PRIMARY KEY("shop_id","order_id")
);
--> statement-breakpoint
ALTER TABLE "fetched_orders" ADD CONSTRAINT "fetched_orders_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fetched_orders_fetched" ON "fetched_orders" USING btree ("fetched_at");