-- A province moved from one database server to another by a national administrator: a restartable batch job whose
-- whole state is here (any node may resume it), with the counts and checksums of every table on both servers.
ALTER TABLE tenant DROP CONSTRAINT ck_tenant_status;
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_status
    CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'FAILED', 'MIGRATION_FAILED', 'MOVING'));

CREATE TABLE tenant_move (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_code     CHAR(2)       NOT NULL,
    from_server     VARCHAR(32)   NOT NULL,
    to_server       VARCHAR(32)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    step            VARCHAR(16)   NOT NULL,
    execution_id    BIGINT        NULL,
    node            VARCHAR(100)  NULL,
    tables_total    INT           NOT NULL DEFAULT 0,
    tables_done     INT           NOT NULL DEFAULT 0,
    rows_copied     BIGINT        NOT NULL DEFAULT 0,
    copy_ms         BIGINT        NULL,
    pause_ms        BIGINT        NULL,
    tables_recopied INT           NULL,
    runs            INT           NOT NULL DEFAULT 0,
    reason          VARCHAR(1000) NULL,
    requested_by    VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    updated_at      TIMESTAMP(3)  NOT NULL,
    finished_at     TIMESTAMP(3)  NULL,
    -- TRUE while the move is not over (queued, running, or failed and waiting to be resumed), NULL after: at most one
    -- such move per province.
    open_marker     BOOLEAN       NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tenant_move_open (tenant_code, open_marker),
    CONSTRAINT ck_tenant_move_open
        CHECK (open_marker IS NULL OR (open_marker = TRUE AND state IN ('QUEUED', 'RUNNING', 'FAILED'))),
    KEY ix_tenant_move_tenant (tenant_code, created_at),
    CONSTRAINT ck_tenant_move_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'ABANDONED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tenant_move_table (
    move_id         BIGINT       NOT NULL,
    table_name      VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    copied          BOOLEAN      NOT NULL DEFAULT FALSE,
    rows_copied     BIGINT       NOT NULL DEFAULT 0,
    copy_ms         BIGINT       NULL,
    source_rows     BIGINT       NULL,
    target_rows     BIGINT       NULL,
    source_checksum VARCHAR(48)  NULL,
    target_checksum VARCHAR(48)  NULL,
    recopied        BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (move_id, table_name),
    CONSTRAINT fk_tenant_move_table_move FOREIGN KEY (move_id) REFERENCES tenant_move (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
