-- Possible duplicates kept up to date on write instead of computed from every pair on each call (1.4 s for the first
-- page of a commune of 100,000 people). A pair is a candidate when both records are live and either have the same
-- folded name and date of birth in the same commune (NAME_BIRTH) or the same BHYT number anywhere in the province
-- (BHYT); the communes of both records are kept so that a commune-scoped list filters without joins. The triggers
-- run on every write path (screens, imports by JDBC batches, merges and their undo, voids, villages moved to another
-- commune).
CREATE TABLE duplicate_candidate (
    person_low    BIGINT      NOT NULL,
    person_high   BIGINT      NOT NULL,
    reason        VARCHAR(20) NOT NULL,
    commune_low   BIGINT      NOT NULL,
    commune_high  BIGINT      NOT NULL,
    PRIMARY KEY (person_low, person_high, reason),
    INDEX ix_duplicate_candidate_high (person_high),
    INDEX ix_duplicate_candidate_commune (commune_low, person_low, person_high)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO duplicate_candidate (person_low, person_high, reason, commune_low, commune_high)
SELECT a.id, b.id, 'NAME_BIRTH', va.parent_id, vb.parent_id
FROM person a
JOIN person b ON b.full_name_folded = a.full_name_folded AND b.birth_date = a.birth_date AND b.id > a.id
JOIN admin_unit va ON va.id = a.village_id
JOIN admin_unit vb ON vb.id = b.village_id
WHERE NOT a.voided AND NOT b.voided AND va.parent_id = vb.parent_id;

INSERT IGNORE INTO duplicate_candidate (person_low, person_high, reason, commune_low, commune_high)
SELECT a.id, b.id, 'BHYT', va.parent_id, vb.parent_id
FROM person a
JOIN person b ON b.bhyt_number = a.bhyt_number AND b.id > a.id
JOIN admin_unit va ON va.id = a.village_id
JOIN admin_unit vb ON vb.id = b.village_id
WHERE NOT a.voided AND NOT b.voided AND a.bhyt_number IS NOT NULL;

-- The pairs of one record, found by the two indexes (name and birth, BHYT number); nothing for a voided record.
CREATE PROCEDURE duplicate_candidates_of(IN pid BIGINT, IN folded VARCHAR(200), IN born DATE, IN village BIGINT,
                                         IN bhyt VARCHAR(15), IN is_voided BOOLEAN)
BEGIN
    DECLARE commune BIGINT;
    IF NOT is_voided THEN
        SELECT parent_id INTO commune FROM admin_unit WHERE id = village;
        INSERT IGNORE INTO duplicate_candidate (person_low, person_high, reason, commune_low, commune_high)
        SELECT LEAST(p.id, pid), GREATEST(p.id, pid), 'NAME_BIRTH', commune, commune
        FROM person p JOIN admin_unit v ON v.id = p.village_id
        WHERE p.full_name_folded = folded AND p.birth_date = born AND p.id <> pid AND NOT p.voided
          AND v.parent_id = commune;
        IF bhyt IS NOT NULL THEN
            INSERT IGNORE INTO duplicate_candidate (person_low, person_high, reason, commune_low, commune_high)
            SELECT LEAST(p.id, pid), GREATEST(p.id, pid), 'BHYT', IF(p.id < pid, v.parent_id, commune),
                   IF(p.id < pid, commune, v.parent_id)
            FROM person p JOIN admin_unit v ON v.id = p.village_id
            WHERE p.bhyt_number = bhyt AND p.id <> pid AND NOT p.voided;
        END IF;
    END IF;
END;

-- Most new records pair with nobody: two index look-ups (EXISTS) decide that first. Without them the INSERT ... SELECT
-- ran for every row and cost 240 µs a row in a bulk insert (the import's apply went from 5,360 to 1,772 rows/s);
-- with them 25 µs (measured on the benchmark's million, 20,000-row inserts).
CREATE TRIGGER person_duplicates_insert AFTER INSERT ON person FOR EACH ROW
BEGIN
    IF NOT NEW.voided AND (EXISTS (SELECT 1 FROM person p WHERE p.full_name_folded = NEW.full_name_folded
            AND p.birth_date = NEW.birth_date AND p.id <> NEW.id)
        OR (NEW.bhyt_number IS NOT NULL AND EXISTS (SELECT 1 FROM person p WHERE p.bhyt_number = NEW.bhyt_number
            AND p.id <> NEW.id))) THEN
        CALL duplicate_candidates_of(NEW.id, NEW.full_name_folded, NEW.birth_date, NEW.village_id,
                                     NEW.bhyt_number, NEW.voided);
    END IF;
END;

CREATE TRIGGER person_duplicates_update AFTER UPDATE ON person FOR EACH ROW
BEGIN
    IF NOT (OLD.full_name_folded <=> NEW.full_name_folded AND OLD.birth_date <=> NEW.birth_date
            AND OLD.village_id <=> NEW.village_id AND OLD.bhyt_number <=> NEW.bhyt_number
            AND OLD.voided <=> NEW.voided) THEN
        DELETE FROM duplicate_candidate WHERE person_low = NEW.id;
        DELETE FROM duplicate_candidate WHERE person_high = NEW.id;
        CALL duplicate_candidates_of(NEW.id, NEW.full_name_folded, NEW.birth_date, NEW.village_id,
                                     NEW.bhyt_number, NEW.voided);
    END IF;
END;

-- A village moved to another commune: its people's pairs are found again (a move is rare; a village holds thousands).
CREATE TRIGGER admin_unit_duplicates_commune AFTER UPDATE ON admin_unit FOR EACH ROW
BEGIN
    DECLARE done BOOLEAN DEFAULT FALSE;
    DECLARE pid BIGINT;
    DECLARE folded VARCHAR(200);
    DECLARE born DATE;
    DECLARE bhyt CHAR(10);
    DECLARE is_voided BOOLEAN;
    DECLARE people CURSOR FOR
        SELECT id, full_name_folded, birth_date, bhyt_number, voided FROM person WHERE village_id = NEW.id;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
    IF NOT (OLD.parent_id <=> NEW.parent_id) AND NEW.level = 'VILLAGE' THEN
        OPEN people;
        each_person: LOOP
            FETCH people INTO pid, folded, born, bhyt, is_voided;
            IF done THEN
                LEAVE each_person;
            END IF;
            DELETE FROM duplicate_candidate WHERE person_low = pid;
            DELETE FROM duplicate_candidate WHERE person_high = pid;
            CALL duplicate_candidates_of(pid, folded, born, NEW.id, bhyt, is_voided);
        END LOOP;
        CLOSE people;
    END IF;
END;
