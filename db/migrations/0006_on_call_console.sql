CREATE TABLE `incident_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`status` text,
	`body` text NOT NULL,
	`created_by_user_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_templates_name_unique` ON `incident_templates` (`name`);--> statement-breakpoint
ALTER TABLE `incidents` ADD `postmortem` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `postmortem_published_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `postmortem_updated_at` integer;--> statement-breakpoint
ALTER TABLE `maintenances` ADD `started_early_at` integer;--> statement-breakpoint
ALTER TABLE `maintenances` ADD `completed_early_at` integer;
--> statement-breakpoint
-- Templates every portal starts with; staff edit or delete them (docs/decisions/130).
INSERT INTO `incident_templates` (`name`, `status`, `body`, `created_at`, `updated_at`) VALUES
  ('Investigating', 'investigating', 'We are looking into reports of … and will post an update within 30 minutes.', 0, 0),
  ('Identified', 'identified', 'We have found the cause, …, and are putting a fix in place.', 0, 0),
  ('Monitoring', 'monitoring', 'A fix is in place and we are watching the results.', 0, 0),
  ('Resolved', 'resolved', 'This incident has been resolved: everything is working normally again.', 0, 0);
