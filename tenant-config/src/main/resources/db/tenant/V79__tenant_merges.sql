-- The surviving province's side of a tenant merge (the platform's tenant_merge): what has been copied from the
-- absorbed province, committed with the rows it describes, so that a merge that died resumes from the last chunk and
-- a second run adds nothing.
CREATE TABLE tenant_merge_mark (
    source_tenant   CHAR(2)      NOT NULL,
    table_name      VARCHAR(64)  NOT NULL,
    -- The highest key value of the absorbed table copied so far (chunks go by ranges of the first key column).
    done_through    BIGINT       NULL,
    rows_added      BIGINT       NOT NULL DEFAULT 0,
    finished        BOOLEAN      NOT NULL DEFAULT FALSE,
    changed_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (source_tenant, table_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Keys of the absorbed province that do not follow the merge's offset: catalog rows matched by their code (vaccines,
-- indicators, hospitals...), its province unit (taken by the survivor's), and the people whose personal ID the
-- survivor already holds (table_name 'person_pid': those are copied without it and sent to review).
CREATE TABLE tenant_merge_key (
    source_tenant   CHAR(2)      NOT NULL,
    table_name      VARCHAR(64)  NOT NULL,
    source_id       BIGINT       NOT NULL,
    target_id       BIGINT       NOT NULL,
    PRIMARY KEY (source_tenant, table_name, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A personal ID both merged provinces held is a review case of its own source.
ALTER TABLE personal_id_review DROP CONSTRAINT ck_personal_id_review_source;
ALTER TABLE personal_id_review ADD CONSTRAINT ck_personal_id_review_source
    CHECK (source IN ('SCREEN', 'API', 'IMPORT', 'MERGE'));

-- The pairs of one record also come from open review cases of a merge: the survivor's holder of a personal ID and
-- the absorbed province's person who held it too (copied without it) stay offered as possible duplicates (reason
-- PERSONAL_ID) when either record is written again, until the case is closed.
DROP PROCEDURE duplicate_candidates_of;

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
        INSERT IGNORE INTO duplicate_candidate (person_low, person_high, reason, commune_low, commune_high)
        SELECT LEAST(p.id, pid), GREATEST(p.id, pid), 'PERSONAL_ID', IF(p.id < pid, v.parent_id, commune),
               IF(p.id < pid, commune, v.parent_id)
        FROM personal_id_review r
        JOIN person p ON p.id = IF(r.person_id = pid, r.holder_id, r.person_id)
        JOIN admin_unit v ON v.id = p.village_id
        WHERE r.source = 'MERGE' AND r.status = 'OPEN' AND (r.person_id = pid OR r.holder_id = pid)
          AND p.id <> pid AND NOT p.voided;
    END IF;
END;
