-- The claim trail and the audit log are append-only: the database refuses edits and deletions.
CREATE TRIGGER `claim_events_no_update` BEFORE UPDATE ON `claim_events`
BEGIN SELECT RAISE(ABORT, 'claim_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_events_no_delete` BEFORE DELETE ON `claim_events`
BEGIN SELECT RAISE(ABORT, 'claim_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
-- The one row whose version every public-status write bumps (see api/services/status-cache.ts).
INSERT INTO `status_version` (`id`, `version`, `updated_at`) VALUES (1, 1, 0);
