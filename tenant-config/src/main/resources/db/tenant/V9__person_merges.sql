-- Duplicates and merges of personal records. Two records of one resident are merged into the survivor: the survivor
-- takes the chosen part-A values, every row of every part that points at the merged record (any foreign key to
-- person.id: visits, history, immunizations, household members, ...) is moved to the survivor and listed in
-- person_merge_row, and the merged record is voided with merged_into_id set and its personal ID released (kept in
-- merged_before). Undo puts back both records' part A and moves exactly the listed rows back.
-- Pairs that staff judged to be two different people are kept in duplicate_decision so they are not listed again.

ALTER TABLE person
    ADD COLUMN merged_into_id BIGINT NULL,
    ADD CONSTRAINT fk_person_merged_into FOREIGN KEY (merged_into_id) REFERENCES person (id);

-- Duplicate candidates are found by folded name and date of birth.
CREATE INDEX ix_person_name_birth ON person (full_name_folded, birth_date);
DROP INDEX ix_person_name_folded ON person;

ALTER TABLE household_member
    ADD CONSTRAINT fk_household_member_person FOREIGN KEY (person_id) REFERENCES person (id);

CREATE TABLE person_merge (
    id                     BIGINT       NOT NULL AUTO_INCREMENT,
    survivor_id            BIGINT       NOT NULL,
    merged_id              BIGINT       NOT NULL,
    survivor_before        TEXT         NOT NULL,
    merged_before          TEXT         NOT NULL,
    survivor_version_after INT          NOT NULL,
    reason                 VARCHAR(500) NULL,
    merged_at              TIMESTAMP(3) NOT NULL,
    merged_by              VARCHAR(100) NOT NULL,
    undone_at              TIMESTAMP(3) NULL,
    undone_by              VARCHAR(100) NULL,
    PRIMARY KEY (id),
    KEY ix_person_merge_survivor (survivor_id),
    KEY ix_person_merge_merged (merged_id),
    CONSTRAINT fk_person_merge_survivor FOREIGN KEY (survivor_id) REFERENCES person (id),
    CONSTRAINT fk_person_merge_merged FOREIGN KEY (merged_id) REFERENCES person (id),
    CONSTRAINT ck_person_merge_undone CHECK ((undone_at IS NULL) = (undone_by IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE person_merge_row (
    merge_id    BIGINT      NOT NULL,
    table_name  VARCHAR(64) NOT NULL,
    column_name VARCHAR(64) NOT NULL,
    row_id      BIGINT      NOT NULL,
    PRIMARY KEY (merge_id, table_name, column_name, row_id),
    CONSTRAINT fk_person_merge_row_merge FOREIGN KEY (merge_id) REFERENCES person_merge (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE duplicate_decision (
    person_low  BIGINT       NOT NULL,
    person_high BIGINT       NOT NULL,
    decided_at  TIMESTAMP(3) NOT NULL,
    decided_by  VARCHAR(100) NOT NULL,
    note        VARCHAR(500) NULL,
    PRIMARY KEY (person_low, person_high),
    CONSTRAINT fk_duplicate_decision_low FOREIGN KEY (person_low) REFERENCES person (id),
    CONSTRAINT fk_duplicate_decision_high FOREIGN KEY (person_high) REFERENCES person (id),
    CONSTRAINT ck_duplicate_decision_order CHECK (person_low < person_high)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The actions are the application's enum (AuditAction); features add actions without touching this table.
ALTER TABLE audit_event DROP CONSTRAINT ck_audit_action;
