CREATE TABLE `meeting_invites` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`sequence` integer NOT NULL,
	`fingerprint` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_recipients` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`list` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`, `list`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`packet_id` integer,
	`person_id` integer NOT NULL,
	`email` text NOT NULL,
	`message_id` text NOT NULL,
	`subject` text,
	`body` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`server_response` text,
	`sent_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_packet_idx` ON `outbox` (`packet_id`);--> statement-breakpoint
CREATE TABLE `packets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`subject` text NOT NULL,
	`message` text NOT NULL,
	`lists` text NOT NULL,
	`content` text NOT NULL,
	`include_invite` integer NOT NULL,
	`item_ids` text NOT NULL,
	`left_out` text NOT NULL,
	`invite_sequence` integer,
	`created_by_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `people` ADD `packet_format` text DEFAULT 'combined' NOT NULL;