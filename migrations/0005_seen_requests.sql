-- Unlogged: short-lived records (5 minutes) need no crash safety or WAL traffic; drizzle-kit does not model it.
CREATE UNLOGGED TABLE "seen_requests" (
	"key" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seen_requests_expires" ON "seen_requests" USING btree ("expires_at");