CREATE TABLE `brand_logos` (
	`hash` text PRIMARY KEY NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`width_px` integer NOT NULL,
	`height_px` integer NOT NULL,
	`created_by_user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `brand_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`product_name` text NOT NULL,
	`accent_color` text,
	`logo_hash` text,
	`support_url` text,
	`support_email` text,
	`footer_text` text,
	`updated_by_user_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`logo_hash`) REFERENCES `brand_logos`(`hash`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "brand_settings_one_row" CHECK("brand_settings"."id" = 1)
);
