ALTER TABLE `incident_services` ADD `status` text DEFAULT 'operational' NOT NULL;--> statement-breakpoint
ALTER TABLE `incident_updates` ADD `component_statuses` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `windows` ADD `incident_id` integer REFERENCES incidents(id);--> statement-breakpoint
ALTER TABLE `windows` ADD `author_user_id` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `windows_incident_idx` ON `windows` (`incident_id`);