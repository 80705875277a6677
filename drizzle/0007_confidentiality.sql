CREATE TABLE `note_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`number` integer NOT NULL,
	`procedure` text,
	`reason` text,
	`released_by_id` integer NOT NULL,
	`released_at` text NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `cover_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `note_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`released_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `note_publications_number_unique` ON `note_publications` (`note_id`,`number`);--> statement-breakpoint
CREATE TABLE `packet_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`packet_id` integer NOT NULL,
	`key` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`stored_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packet_files_key_unique` ON `packet_files` (`packet_id`,`key`);--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `audience` text DEFAULT 'network' NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `audience_groups` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `stored_files` ADD `audience` text DEFAULT 'network' NOT NULL;--> statement-breakpoint
ALTER TABLE `stored_files` ADD `audience_groups` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `link_revoked_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `link_revoked_reason` text;--> statement-breakpoint
ALTER TABLE `packets` ADD `frozen` text;--> statement-breakpoint
ALTER TABLE `packets` ADD `links_revoked_at` text;--> statement-breakpoint
ALTER TABLE `packets` ADD `links_revoked_reason` text;--> statement-breakpoint
-- Publications of notes released before this table existed, from the audit trail: each release
-- event names the content hash of the version it released.
INSERT INTO `note_publications` (`note_id`, `version_id`, `number`, `procedure`, `released_by_id`, `released_at`)
SELECT a.`note_id`, v.`id`, ROW_NUMBER() OVER (PARTITION BY a.`note_id` ORDER BY a.`id`), n.`procedure`, a.`actor_id`, a.`at`
FROM `audit_events` a
JOIN `cover_notes` n ON n.`id` = a.`note_id`
JOIN `note_versions` v ON v.`id` = (
  SELECT MAX(v2.`id`) FROM `note_versions` v2 WHERE v2.`note_id` = a.`note_id` AND v2.`content_hash` = a.`version_hash`
)
WHERE a.`to_state` = 'released'
ORDER BY a.`id`;
--> statement-breakpoint
-- What was published stays as it was published.
CREATE TRIGGER `note_publications_no_update` BEFORE UPDATE ON `note_publications`
BEGIN
  SELECT RAISE(ABORT, 'publications are append-only');
END;
