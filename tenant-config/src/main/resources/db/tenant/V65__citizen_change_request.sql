-- A citizen's request to correct the phone number or the address of their own record or a child's, made in the
-- citizen portal. It never writes the record: station staff of the record's commune approve it (the record is then
-- corrected through the same checks and audit as a correction on the screen) or reject it with a reason. A request
-- is decided once; it is never deleted.
CREATE TABLE citizen_change_request (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    person_id    BIGINT        NOT NULL,
    commune_id   BIGINT        NOT NULL,
    phone        VARCHAR(20)   NULL,
    address      VARCHAR(300)  NULL,
    status       VARCHAR(10)   NOT NULL,
    reason       VARCHAR(1000) NULL,
    decided_at   TIMESTAMP(3)  NULL,
    decided_by   VARCHAR(100)  NULL,
    version      INT           NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(3)  NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    changed_at   TIMESTAMP(3)  NULL,
    changed_by   VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_change_request_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_change_request_commune FOREIGN KEY (commune_id) REFERENCES admin_unit (id),
    INDEX ix_change_request_commune_status (commune_id, status, created_at),
    INDEX ix_change_request_person (person_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
