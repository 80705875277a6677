ALTER TABLE `packets` ADD `kind` text DEFAULT 'consolidated' NOT NULL;--> statement-breakpoint
ALTER TABLE `packets` ADD `addendum_to` integer REFERENCES packets(id);