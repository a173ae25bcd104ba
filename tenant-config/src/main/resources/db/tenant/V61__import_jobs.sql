-- Imports as background jobs (Jakarta Batch). A job is one run of one list over one uploaded file: a preview (judges
-- every row, writes nothing but its report) or an apply (writes what is valid, chunk by chunk). Its state and
-- counters live here, in the province's schema, and are changed in the same transaction as the chunk they count, so
-- last_record is exactly the last record whose chunk committed: a job that is stopped, fails or loses its server
-- resumes after it, never twice, never skipping one. The file itself is kept in parts in the database so that any
-- node of a cluster can read it; the report keeps every row that needs a look (refused, conflicts, possible
-- duplicates, updates, warnings, unchanged rows) with its physical line; new rows without a warning are counted.

CREATE TABLE import_job (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(10)   NOT NULL,
    mode            VARCHAR(10)   NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    file_id         BIGINT        NOT NULL,
    file_name       VARCHAR(255)  NULL,
    format          VARCHAR(5)    NOT NULL,
    encoding        VARCHAR(20)   NOT NULL,
    mapping         VARCHAR(2000) NULL,
    file_bytes      BIGINT        NOT NULL,
    preview_of      BIGINT        NULL,
    started_by      VARCHAR(100)  NOT NULL,
    caller_roles    VARCHAR(200)  NOT NULL,
    caller_communes VARCHAR(2000) NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    run_started_at  TIMESTAMP(3)  NULL,
    run_first_rows  INT           NOT NULL DEFAULT 0,
    finished_at     TIMESTAMP(3)  NULL,
    heartbeat_at    TIMESTAMP(3)  NULL,
    node            VARCHAR(100)  NULL,
    execution_id    BIGINT        NULL,
    runs            INT           NOT NULL DEFAULT 0,
    rows_read       INT           NOT NULL DEFAULT 0,
    rows_new        INT           NOT NULL DEFAULT 0,
    rows_updated    INT           NOT NULL DEFAULT 0,
    rows_unchanged  INT           NOT NULL DEFAULT 0,
    rows_duplicate  INT           NOT NULL DEFAULT 0,
    rows_conflict   INT           NOT NULL DEFAULT 0,
    rows_error      INT           NOT NULL DEFAULT 0,
    rows_warning    INT           NOT NULL DEFAULT 0,
    last_record     INT           NOT NULL DEFAULT 0,
    last_line       INT           NOT NULL DEFAULT 0,
    bytes_read      BIGINT        NOT NULL DEFAULT 0,
    failure         VARCHAR(2000) NULL,
    failure_code    VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_import_job_state (state, heartbeat_at),
    KEY ix_import_job_user (started_by, created_at),
    CONSTRAINT ck_import_job_kind CHECK (kind IN ('PERSONS', 'DOSES')),
    CONSTRAINT ck_import_job_mode CHECK (mode IN ('PREVIEW', 'APPLY')),
    CONSTRAINT ck_import_job_state CHECK (state IN ('QUEUED', 'RUNNING', 'STOPPING', 'PAUSED', 'FAILED', 'DONE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The uploaded bytes, in parts of at most 1 MiB, read back in order by the job's reader.
CREATE TABLE import_file_part (
    file_id BIGINT     NOT NULL,
    part    INT        NOT NULL,
    data    MEDIUMBLOB NOT NULL,
    PRIMARY KEY (file_id, part)
) ENGINE = InnoDB;

CREATE TABLE import_file (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    bytes      BIGINT       NOT NULL,
    parts      INT          NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

-- One row of a job's report. detail is JSON: changed fields, similar persons, the other side of a conflict or
-- duplicate, errors and warnings with field, code, English message and arguments (said in the reader's language when
-- the report is read). Keyed by record so that a chunk that is judged again after a crash replaces its rows.
CREATE TABLE import_job_row (
    job_id      BIGINT       NOT NULL,
    record      INT          NOT NULL,
    line        INT          NOT NULL,
    outcome     VARCHAR(10)  NOT NULL,
    rank        TINYINT      NOT NULL,
    personal_id VARCHAR(40)  NULL,
    full_name   VARCHAR(300) NULL,
    entity_id   BIGINT       NULL,
    detail      TEXT         NULL,
    PRIMARY KEY (job_id, record),
    KEY ix_import_job_row_rank (job_id, rank, record)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per province: taken FOR UPDATE while a job is started or resumed, so that two applies over the same
-- communes cannot both see the other as absent.
CREATE TABLE import_lock (
    id TINYINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
INSERT INTO import_lock (id) VALUES (1);
