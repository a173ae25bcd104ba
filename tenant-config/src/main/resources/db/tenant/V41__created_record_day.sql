-- Created records per village and Vietnamese day, for fast progress at a million people. It is a summary of the view
-- created_record kept exact by the triggers below, in the same transaction as every insert, update or delete of a
-- person: a row leaves its old (village, day) when it stopped counting or moved and joins its new one when it counts.
-- The triggers read the computed column record_created, so the definition of a created record stays in one place.
-- day is the epoch day in Vietnam (UTC+7, no daylight saving) of completed_at, computed from UNIX_TIMESTAMP so the
-- session time zone does not matter; -1 for a record without a completion moment (it counts "since ever" only).

CREATE TABLE created_record_day (
    village_id BIGINT NOT NULL,
    day        INT    NOT NULL,
    records    INT    NOT NULL,
    PRIMARY KEY (village_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO created_record_day (village_id, day, records)
SELECT village_id, COALESCE(FLOOR((UNIX_TIMESTAMP(completed_at) + 25200) / 86400), -1), COUNT(*)
FROM created_record
GROUP BY 1, 2;

CREATE TRIGGER person_created_day_insert AFTER INSERT ON person FOR EACH ROW
    INSERT INTO created_record_day (village_id, day, records)
    SELECT NEW.village_id, COALESCE(FLOOR((UNIX_TIMESTAMP(NEW.completed_at) + 25200) / 86400), -1), 1
    FROM DUAL WHERE NEW.record_created
    ON DUPLICATE KEY UPDATE records = records + 1;

CREATE TRIGGER person_created_day_update AFTER UPDATE ON person FOR EACH ROW
    INSERT INTO created_record_day (village_id, day, records)
    SELECT c.village_id, c.day, c.delta FROM (
        SELECT OLD.village_id AS village_id,
               COALESCE(FLOOR((UNIX_TIMESTAMP(OLD.completed_at) + 25200) / 86400), -1) AS day, -1 AS delta
        FROM DUAL WHERE OLD.record_created
        UNION ALL
        SELECT NEW.village_id, COALESCE(FLOOR((UNIX_TIMESTAMP(NEW.completed_at) + 25200) / 86400), -1), 1
        FROM DUAL WHERE NEW.record_created) c
    ON DUPLICATE KEY UPDATE records = records + VALUES(records);

CREATE TRIGGER person_created_day_delete AFTER DELETE ON person FOR EACH ROW
    UPDATE created_record_day SET records = records - 1
    WHERE OLD.record_created AND village_id = OLD.village_id
      AND day = COALESCE(FLOOR((UNIX_TIMESTAMP(OLD.completed_at) + 25200) / 86400), -1);
