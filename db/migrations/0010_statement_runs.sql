CREATE TABLE `statement_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`period` text NOT NULL,
	`state` text NOT NULL,
	`started_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`finished_at` integer,
	`started_by_user_id` integer,
	`started_by_email` text,
	`agreements` integer NOT NULL,
	`customers` integer NOT NULL,
	`done` integer NOT NULL,
	`files` integer,
	`unavailable` integer,
	`archive_bytes` integer,
	`failure` text,
	FOREIGN KEY (`started_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statement_runs_one_running_uq` ON `statement_runs` (`state`) WHERE "statement_runs"."state" = 'running';--> statement-breakpoint
CREATE INDEX `statement_runs_started_idx` ON `statement_runs` (`started_at`);