CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`event` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`actor_id` integer NOT NULL,
	`at` text NOT NULL,
	`comment` text,
	`version_hash` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_note_idx` ON `audit_events` (`note_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`item_id` integer,
	`meeting_id` integer,
	`message` text NOT NULL,
	`dedupe_key` text,
	`created_at` text NOT NULL,
	`read_at` text,
	`mailed_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_person_idx` ON `notifications` (`person_id`);--> statement-breakpoint
CREATE INDEX `notifications_dedupe_idx` ON `notifications` (`person_id`,`dedupe_key`);--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`section` text,
	`paragraph` integer,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by_id` integer,
	FOREIGN KEY (`note_id`) REFERENCES `cover_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `note_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_comments_note_idx` ON `review_comments` (`note_id`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `drafting_deadline` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `copied_from_item_id` integer;--> statement-breakpoint
ALTER TABLE `cover_notes` ADD `outcome` text;