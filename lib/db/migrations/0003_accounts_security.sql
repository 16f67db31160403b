CREATE TABLE "email_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "email_tokens_purpose_check" CHECK ("email_tokens"."purpose" in ('verify', 'reset'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"attempt_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_tokens_user_purpose_idx" ON "email_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "throttles_expires_at_idx" ON "throttles" USING btree ("expires_at");--> statement-breakpoint
-- Sessions are rows now (the "sessions" table): the per-user version number they replace goes, and the
-- bookmark toggle checks the session row instead.
DROP FUNCTION IF EXISTS toggle_bookmark(text, text, integer);--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "session_version";--> statement-breakpoint
-- Flips one bookmark in a single round trip, serialised per reader (see 0001 for why the lock and the
-- fresh snapshots make concurrent toggles behave as if one after another). Returns -1 when the reader
-- is gone or the session has ended, 0 when the article is now unsaved, 1 when it is now saved.
CREATE OR REPLACE FUNCTION toggle_bookmark(p_user text, p_slug text, p_session text)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
AS $$
DECLARE
  removed integer;
BEGIN
  PERFORM 1 FROM users
    WHERE id = p_user
      AND (p_session IS NULL OR EXISTS (
        SELECT 1 FROM sessions WHERE sessions.id = p_session AND sessions.user_id = p_user AND sessions.expires_at > now()))
    FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN -1;
  END IF;
  DELETE FROM bookmarks WHERE user_id = p_user AND slug = p_slug;
  GET DIAGNOSTICS removed = ROW_COUNT;
  IF removed > 0 THEN
    RETURN 0;
  END IF;
  -- A concurrent plain save may have inserted it meanwhile: then it is saved either way.
  INSERT INTO bookmarks (user_id, slug) VALUES (p_user, p_slug) ON CONFLICT DO NOTHING;
  RETURN 1;
END;
$$;