CREATE TABLE "reading_history" (
	"user_id" text NOT NULL,
	"slug" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"progress" real,
	CONSTRAINT "reading_history_user_id_slug_pk" PRIMARY KEY("user_id","slug"),
	CONSTRAINT "reading_history_progress_check" CHECK ("reading_history"."progress" is null or ("reading_history"."progress" >= 0 and "reading_history"."progress" <= 1))
);
--> statement-breakpoint
ALTER TABLE "reading_history" ADD CONSTRAINT "reading_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reading_history_user_opened_idx" ON "reading_history" USING btree ("user_id","opened_at" DESC NULLS LAST,"slug");