CREATE TABLE `vendor_attributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`window_id` integer NOT NULL,
	`incident_id` integer,
	`reason` text NOT NULL,
	`created_by_user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`window_id`) REFERENCES `windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vendor_attributions_uq` ON `vendor_attributions` (`agreement_id`,`window_id`);--> statement-breakpoint
CREATE INDEX `vendor_attributions_window_idx` ON `vendor_attributions` (`window_id`);--> statement-breakpoint
CREATE TABLE `vendor_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`evaluation` text NOT NULL,
	`policy_version_id` integer NOT NULL,
	`computed_credit_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`claim_deadline` integer NOT NULL,
	`filed_at` integer NOT NULL,
	`vendor_reference` text,
	`note` text,
	`filed_by_user_id` integer NOT NULL,
	`amount_received_minor` integer,
	`decided_at` integer,
	`decision_note` text,
	`decided_by_user_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vendor_claims_live_uq` ON `vendor_claims` (`agreement_id`,`service_id`,`period`) WHERE "vendor_claims"."status" <> 'refused';--> statement-breakpoint
CREATE INDEX `vendor_claims_agreement_idx` ON `vendor_claims` (`agreement_id`,`period`);--> statement-breakpoint
ALTER TABLE `agreements` ADD `kind` text DEFAULT 'customer' NOT NULL;