CREATE TABLE `support_request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`event_key` text NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`author` text NOT NULL,
	`api_key_id` integer,
	`user_id` integer,
	`request_fingerprint` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_request_events_key_uq` ON `support_request_events` (`request_id`,`event_key`);--> statement-breakpoint
CREATE INDEX `support_request_events_request_idx` ON `support_request_events` (`request_id`,`at`);--> statement-breakpoint
CREATE TABLE `support_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text NOT NULL,
	`customer_id` integer NOT NULL,
	`agreement_id` integer NOT NULL,
	`priority` text NOT NULL,
	`subject` text,
	`opened_at` integer NOT NULL,
	`request_fingerprint` text NOT NULL,
	`api_key_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_requests_external_id_unique` ON `support_requests` (`external_id`);--> statement-breakpoint
CREATE INDEX `support_requests_agreement_idx` ON `support_requests` (`agreement_id`,`opened_at`);--> statement-breakpoint
CREATE INDEX `support_requests_customer_idx` ON `support_requests` (`customer_id`,`opened_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`agreement_id` integer NOT NULL,
	`kind` text DEFAULT 'availability' NOT NULL,
	`service_id` integer,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`description` text,
	`evaluation` text NOT NULL,
	`policy_version_id` integer NOT NULL,
	`computed_credit_minor` integer NOT NULL,
	`cap_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`approved_amount_minor` integer,
	`decision_reason` text,
	`decided_by_user_id` integer,
	`decided_at` integer,
	`invoice_reference` text,
	`credited_at` integer,
	`created_by_user_id` integer,
	`created_by_api_key_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_kind_service" CHECK((`kind` = 'support') = (`service_id` IS NULL))
);
--> statement-breakpoint
INSERT INTO `__new_claims`("id", "customer_id", "agreement_id", "kind", "service_id", "period", "status", "description", "evaluation", "policy_version_id", "computed_credit_minor", "cap_minor", "currency", "approved_amount_minor", "decision_reason", "decided_by_user_id", "decided_at", "invoice_reference", "credited_at", "created_by_user_id", "created_by_api_key_id", "created_at", "updated_at") SELECT "id", "customer_id", "agreement_id", 'availability', "service_id", "period", "status", "description", "evaluation", "policy_version_id", "computed_credit_minor", "cap_minor", "currency", "approved_amount_minor", "decision_reason", "decided_by_user_id", "decided_at", "invoice_reference", "credited_at", "created_by_user_id", "created_by_api_key_id", "created_at", "updated_at" FROM `claims`;--> statement-breakpoint
DROP TABLE `claims`;--> statement-breakpoint
ALTER TABLE `__new_claims` RENAME TO `claims`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `claims_live_uq` ON `claims` (`agreement_id`,`service_id`,`period`) WHERE "claims"."status" NOT IN ('rejected', 'withdrawn');--> statement-breakpoint
CREATE UNIQUE INDEX `claims_live_support_uq` ON `claims` (`agreement_id`,`period`) WHERE "claims"."kind" = 'support' AND "claims"."status" NOT IN ('rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX `claims_customer_idx` ON `claims` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_status_idx` ON `claims` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_credits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`agreement_id` integer NOT NULL,
	`kind` text DEFAULT 'availability' NOT NULL,
	`service_id` integer,
	`period` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`approved_by_user_id` integer NOT NULL,
	`approved_at` integer NOT NULL,
	`invoice_reference` text,
	`credited_at` integer,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_credits`("id", "claim_id", "customer_id", "agreement_id", "kind", "service_id", "period", "amount_minor", "currency", "approved_by_user_id", "approved_at", "invoice_reference", "credited_at") SELECT "id", "claim_id", "customer_id", "agreement_id", 'availability', "service_id", "period", "amount_minor", "currency", "approved_by_user_id", "approved_at", "invoice_reference", "credited_at" FROM `credits`;--> statement-breakpoint
DROP TABLE `credits`;--> statement-breakpoint
ALTER TABLE `__new_credits` RENAME TO `credits`;--> statement-breakpoint
CREATE UNIQUE INDEX `credits_claim_id_unique` ON `credits` (`claim_id`);--> statement-breakpoint
CREATE INDEX `credits_customer_idx` ON `credits` (`customer_id`,`approved_at`);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `author` text DEFAULT 'automation' NOT NULL;--> statement-breakpoint
ALTER TABLE `agreements` ADD `business_hours` text;--> statement-breakpoint
ALTER TABLE `agreements` ADD `support_fee_minor` integer;--> statement-breakpoint
ALTER TABLE `policy_versions` ADD `response` text;--> statement-breakpoint
-- A request's events are append-only, like the claim trail: the database refuses edits.
CREATE TRIGGER `support_request_events_no_update` BEFORE UPDATE ON `support_request_events`
BEGIN SELECT RAISE(ABORT, 'support_request_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `support_request_events_no_delete` BEFORE DELETE ON `support_request_events`
BEGIN SELECT RAISE(ABORT, 'support_request_events is append-only'); END;
