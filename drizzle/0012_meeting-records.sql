CREATE TABLE `action_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`what` text NOT NULL,
	`owner_person_id` integer,
	`owner_delegation` text,
	`due_date` text,
	`state` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_points_item_idx` ON `action_points` (`item_id`);--> statement-breakpoint
CREATE INDEX `action_points_owner_idx` ON `action_points` (`owner_person_id`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`state` text NOT NULL,
	`represented_by_id` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`represented_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `item_conclusions` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `meetings` ADD `format` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `co_chairs` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `is_action_follow_up` integer DEFAULT false NOT NULL;