CREATE TABLE "highlights" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"slug" text NOT NULL,
	"color" text,
	"exact" text,
	"prefix" text,
	"suffix" text,
	"start_offset" integer,
	"end_offset" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "highlights_shape_check" CHECK (("highlights"."exact" is null and "highlights"."prefix" is null and "highlights"."suffix" is null and "highlights"."start_offset" is null and "highlights"."end_offset" is null and "highlights"."color" is null and "highlights"."note" is not null)
        or ("highlights"."exact" is not null and "highlights"."prefix" is not null and "highlights"."suffix" is not null and "highlights"."start_offset" >= 0 and "highlights"."end_offset" > "highlights"."start_offset" and "highlights"."color" is not null)),
	CONSTRAINT "highlights_color_check" CHECK ("highlights"."color" is null or "highlights"."color" in ('yellow', 'green', 'blue', 'pink', 'purple'))
);
--> statement-breakpoint
ALTER TABLE "highlights" ADD CONSTRAINT "highlights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "highlights_user_slug_idx" ON "highlights" USING btree ("user_id","slug");--> statement-breakpoint
CREATE INDEX "highlights_user_created_idx" ON "highlights" USING btree ("user_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "highlights_article_note_idx" ON "highlights" USING btree ("user_id","slug") WHERE "highlights"."exact" is null;