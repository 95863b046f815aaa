ALTER TABLE `incidents` ADD `api_key_id` integer REFERENCES api_keys(id);--> statement-breakpoint
-- A monitor incident opened with a first update records its key on that update, written in
-- the same transaction (the same created_at): that key opened it. Others stay ownerless.
UPDATE `incidents` SET `api_key_id` = (
  SELECT `u`.`api_key_id` FROM `incident_updates` `u`
  WHERE `u`.`incident_id` = `incidents`.`id` AND `u`.`api_key_id` IS NOT NULL
    AND `u`.`created_at` = `incidents`.`created_at`
  ORDER BY `u`.`id` LIMIT 1
) WHERE `external_id` IS NOT NULL;
