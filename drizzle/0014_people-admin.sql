CREATE TABLE `distribution_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `distribution_groups_name_unique` ON `distribution_groups` (lower("name"));--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`) REFERENCES `distribution_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_members_person_idx` ON `group_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`person_id` integer,
	`group_id` integer,
	`action` text NOT NULL,
	`detail` text,
	`at` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `person_audit_events_person_idx` ON `person_audit_events` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_links_token_hash_unique` ON `person_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `person_links_person_idx` ON `person_links` (`person_id`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_person_idx` ON `recovery_codes` (`person_id`);--> statement-breakpoint
ALTER TABLE `people` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `people` ADD `totp_pending_secret` text;--> statement-breakpoint
ALTER TABLE `people` ADD `totp_enabled_at` text;--> statement-breakpoint
ALTER TABLE `people` ADD `deactivated_at` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `method` text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `pending_second_factor` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text;--> statement-breakpoint
CREATE INDEX `sessions_person_idx` ON `sessions` (`person_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `person_link_id` integer;--> statement-breakpoint
CREATE TRIGGER `person_audit_events_no_update` BEFORE UPDATE ON `person_audit_events`
BEGIN
  SELECT RAISE(ABORT, 'the people audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `person_audit_events_no_delete` BEFORE DELETE ON `person_audit_events`
BEGIN
  SELECT RAISE(ABORT, 'the people audit is append-only');
END;
