CREATE TABLE "slack_home_visits" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "slack_home_visits_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE INDEX "slack_home_visits_opened" ON "slack_home_visits" USING btree ("opened_at");