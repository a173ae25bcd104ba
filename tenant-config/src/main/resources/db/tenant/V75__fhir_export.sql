-- FHIR Bulk Data exports of the whole province: one row per export a province administrator asked for, and its
-- NDJSON written in parts (one part per resource type and chunk, at most a chunk's resources each), so any node can
-- serve the files and a resumed job goes on after its last committed part. The job's cursor (source, last_row) is
-- committed with each part. QUEUED -> RUNNING -> DONE, or FAILED (resumed when the client polls, at most 3 times).
-- Deleting an export deletes its parts.
CREATE TABLE fhir_export (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    requested_by     VARCHAR(100)  NOT NULL,
    types            VARCHAR(500)  NOT NULL,
    since            TIMESTAMP(3)  NULL,
    state            VARCHAR(10)   NOT NULL,
    source           INT           NOT NULL DEFAULT 0,
    last_row         BIGINT        NOT NULL DEFAULT 0,
    resources        BIGINT        NOT NULL DEFAULT 0,
    attempts         INT           NOT NULL DEFAULT 1,
    execution_id     BIGINT        NULL,
    heartbeat_at     TIMESTAMP(3)  NULL,
    transaction_time TIMESTAMP(3)  NOT NULL,
    finished_at      TIMESTAMP(3)  NULL,
    error            VARCHAR(1000) NULL,
    PRIMARY KEY (id)
);

CREATE TABLE fhir_export_part (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    export_id     BIGINT       NOT NULL,
    resource_type VARCHAR(40)  NOT NULL,
    resources     INT          NOT NULL,
    content       LONGTEXT     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_fhir_export_part (export_id, resource_type, id),
    CONSTRAINT fk_fhir_export_part FOREIGN KEY (export_id) REFERENCES fhir_export (id) ON DELETE CASCADE
);
