ALTER TABLE `incidents` ADD `request_fingerprint` text;--> statement-breakpoint
CREATE INDEX `windows_start_idx` ON `windows` (`start`);--> statement-breakpoint
CREATE INDEX `windows_end_idx` ON `windows` (`end`);--> statement-breakpoint
ALTER TABLE `daily_rollups` DROP COLUMN `monitored_ms`;