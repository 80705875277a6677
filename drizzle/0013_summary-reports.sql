CREATE TABLE `summary_report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`event` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`version_number` integer NOT NULL,
	`comment` text,
	`actor_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `summary_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `summary_report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`number` integer NOT NULL,
	`content` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`author_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `summary_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `summary_report_versions_number_unique` ON `summary_report_versions` (`report_id`,`number`);--> statement-breakpoint
CREATE TABLE `summary_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`state` text DEFAULT 'drafting' NOT NULL,
	`current_version_id` integer,
	`released_version_id` integer,
	`released_at` text,
	`adopted_at_item_id` integer,
	`adopted_at` text,
	`registry_reference` text,
	`audience` text DEFAULT 'network' NOT NULL,
	`audience_groups` text DEFAULT '[]' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`current_version_id`) REFERENCES `summary_report_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`released_version_id`) REFERENCES `summary_report_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_at_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `summary_reports_meeting_unique` ON `summary_reports` (`meeting_id`);--> statement-breakpoint
-- A version of a summary report is a record of what the secretariat wrote, and an event a
-- record of what it did: neither is changed in place, whatever code path tries to.
CREATE TRIGGER `summary_report_versions_immutable` BEFORE UPDATE ON `summary_report_versions`
BEGIN
  SELECT RAISE(ABORT, 'summary report versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `summary_report_events_append_only` BEFORE UPDATE ON `summary_report_events`
BEGIN
  SELECT RAISE(ABORT, 'summary report events are append-only');
END;
