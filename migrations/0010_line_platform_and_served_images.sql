ALTER TYPE "public"."platform" ADD VALUE 'line';--> statement-breakpoint
CREATE TABLE "served_images" (
	"id" text PRIMARY KEY NOT NULL,
	"png" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "served_images_expires" ON "served_images" USING btree ("expires_at");