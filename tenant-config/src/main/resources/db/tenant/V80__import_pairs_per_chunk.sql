-- An import job's writer pairs possible duplicates for a whole chunk at once, after the chunk's insert (one
-- statement over the chunk's key range, then the pairing procedure for the few that match): asked row by row in this
-- trigger, the two look-ups cost as much as the person's insert itself (32 against 27 microseconds a row with the
-- table's twelve indexes, docs/benchmarks.md). The writer names its job in @hssk_pairing_job for the length of its
-- insert; rows of that job are then left to it, every other insert is paired here as before.
DROP TRIGGER person_duplicates_insert;

CREATE TRIGGER person_duplicates_insert AFTER INSERT ON person FOR EACH ROW
BEGIN
    IF NOT NEW.voided AND (@hssk_pairing_job IS NULL OR NEW.import_job_id IS NULL
            OR NEW.import_job_id <> @hssk_pairing_job)
        AND (EXISTS (SELECT 1 FROM person p WHERE p.full_name_folded = NEW.full_name_folded
            AND p.birth_date = NEW.birth_date AND p.id <> NEW.id)
        OR (NEW.bhyt_number IS NOT NULL AND EXISTS (SELECT 1 FROM person p WHERE p.bhyt_number = NEW.bhyt_number
            AND p.id <> NEW.id))) THEN
        CALL duplicate_candidates_of(NEW.id, NEW.full_name_folded, NEW.birth_date, NEW.village_id,
                                     NEW.bhyt_number, NEW.voided);
    END IF;
END;
