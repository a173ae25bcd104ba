-- The one definition of a "created" personal health record, the unit in which quotas and targets are counted:
--   a person that is not voided (a merged-away duplicate is voided too), has a personal ID (12 digits, its century/
--   sex/year digits checked against sex and date of birth when written) and a complete part A: full name, sex, date
--   of birth and village (never null) and ethnicity.
-- record_created is computed by the database from those columns, so no code path can disagree with it; completed_at
-- is the moment the record first met the definition (set by the application when it writes the row, and filled here
-- for rows that already qualify), which places the record in a week or month of progress. Everyone counts through
-- the view created_record.

ALTER TABLE person
    ADD COLUMN record_created BOOLEAN AS (voided = FALSE AND personal_id IS NOT NULL AND ethnicity IS NOT NULL
        AND TRIM(ethnicity) <> '') PERSISTENT,
    ADD COLUMN completed_at TIMESTAMP(3) NULL;

UPDATE person SET completed_at = COALESCE(changed_at, created_at) WHERE record_created AND completed_at IS NULL;

CREATE INDEX ix_person_created ON person (village_id, record_created, completed_at);

CREATE VIEW created_record AS
    SELECT id AS person_id, village_id, household_id, completed_at
    FROM person
    WHERE record_created;
