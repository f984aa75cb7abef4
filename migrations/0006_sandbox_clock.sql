CREATE TABLE "sandbox_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"world_start" timestamp with time zone NOT NULL,
	"simulated_at" timestamp with time zone NOT NULL
);
