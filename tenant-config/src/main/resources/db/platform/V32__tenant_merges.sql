-- A province tenant merged into another by a national administrator (as Sóc Trăng and Hậu Giang into Cần Thơ in
-- 2025): a restartable batch job whose state is here, with per table the rows of the absorbed province and the rows
-- added to the surviving one. MERGING: the absorbed province serves reads only while its data is copied; MERGED: it
-- is retired (its schema is kept, nobody is served from it; its users belong to the survivor).
ALTER TABLE tenant DROP CONSTRAINT ck_tenant_status;
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_status
    CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'FAILED', 'MIGRATION_FAILED', 'MOVING', 'MERGING',
                      'MERGED'));

CREATE TABLE tenant_merge (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    absorbed_code   CHAR(2)       NOT NULL,
    into_code       CHAR(2)       NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    step            VARCHAR(16)   NOT NULL,
    -- Every key of the absorbed province's rows is this much higher in the survivor; fixed when the merge first runs.
    key_offset      BIGINT        NULL,
    execution_id    BIGINT        NULL,
    node            VARCHAR(100)  NULL,
    tables_total    INT           NOT NULL DEFAULT 0,
    tables_done     INT           NOT NULL DEFAULT 0,
    rows_copied     BIGINT        NOT NULL DEFAULT 0,
    personal_ids_in_both INT      NULL,
    households_renamed   INT      NULL,
    accounts_moved  INT           NULL,
    copy_ms         BIGINT        NULL,
    runs            INT           NOT NULL DEFAULT 0,
    reason          VARCHAR(1000) NULL,
    requested_by    VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    updated_at      TIMESTAMP(3)  NOT NULL,
    finished_at     TIMESTAMP(3)  NULL,
    -- TRUE while the merge is not over, NULL after: at most one open merge per absorbed province.
    open_marker     BOOLEAN       NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tenant_merge_open (absorbed_code, open_marker),
    KEY ix_tenant_merge_into (into_code, created_at),
    CONSTRAINT ck_tenant_merge_open
        CHECK (open_marker IS NULL OR (open_marker = TRUE AND state IN ('QUEUED', 'RUNNING', 'FAILED'))),
    CONSTRAINT ck_tenant_merge_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT ck_tenant_merge_codes CHECK (absorbed_code <> into_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tenant_merge_table (
    merge_id        BIGINT       NOT NULL,
    table_name      VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    -- COPY: rows copied with new keys; CATALOG: matched by their code, the missing ones added; DERIVED: recomputed
    -- by the survivor's triggers from the copied rows; SKIPPED: the survivor keeps its own (settings, undo journals).
    treatment       VARCHAR(8)   NOT NULL,
    source_rows     BIGINT       NULL,
    added_rows      BIGINT       NULL,
    checked_rows    BIGINT       NULL,
    done            BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (merge_id, table_name),
    CONSTRAINT fk_tenant_merge_table_merge FOREIGN KEY (merge_id) REFERENCES tenant_merge (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
