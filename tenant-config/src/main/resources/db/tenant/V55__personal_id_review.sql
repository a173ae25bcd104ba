-- The province's review list of personal IDs (issue 12). Two kinds of case:
-- HELD_ELSEWHERE: a commune user tried to register, correct or import a personal ID that a record they may not act
--   on already holds (a person of another commune, or a voided record). The user got one neutral refusal that says
--   nothing about the holder; the attempt (what was typed, who, when, from which screen) and the holder are kept here
--   for the province administrator, who alone may see both. One open case per ID and village; repeats are counted.
-- UNKNOWN_PREFIX: a record was saved with a personal ID whose first three digits are not in the (frozen, pre-2025)
--   list of birth-registration provinces: DOMAIN.md makes that a warning, and the province checks the number.
-- A case is resolved (or rejected) with a note, never deleted.

CREATE TABLE personal_id_review (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(20)   NOT NULL,
    personal_id     CHAR(12)      NOT NULL,
    holder_id       BIGINT        NULL,
    person_id       BIGINT        NULL,
    village_id      BIGINT        NOT NULL,
    full_name       VARCHAR(200)  NULL,
    birth_date      DATE          NULL,
    sex             VARCHAR(6)    NULL,
    source          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 1,
    first_at        TIMESTAMP(3)  NOT NULL,
    last_at         TIMESTAMP(3)  NOT NULL,
    last_by         VARCHAR(100)  NOT NULL,
    status          VARCHAR(10)   NOT NULL DEFAULT 'OPEN',
    resolution_note VARCHAR(1000) NULL,
    resolved_at     TIMESTAMP(3)  NULL,
    resolved_by     VARCHAR(100)  NULL,
    -- kind:personal_id:village_id while the case is open, NULL once closed (kept by the application): only one
    -- open case per kind, ID and village, a second attempt counts on the open one.
    open_key        VARCHAR(80)   NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3)  NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    changed_at      TIMESTAMP(3)  NULL,
    changed_by      VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_personal_id_review_open (open_key),
    KEY ix_personal_id_review_status (status, last_at),
    KEY ix_personal_id_review_pid (personal_id),
    CONSTRAINT fk_personal_id_review_holder FOREIGN KEY (holder_id) REFERENCES person (id),
    CONSTRAINT fk_personal_id_review_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_personal_id_review_village FOREIGN KEY (village_id) REFERENCES admin_unit (id),
    CONSTRAINT ck_personal_id_review_kind CHECK (kind IN ('HELD_ELSEWHERE', 'UNKNOWN_PREFIX')),
    CONSTRAINT ck_personal_id_review_status CHECK (status IN ('OPEN', 'RESOLVED', 'REJECTED')),
    CONSTRAINT ck_personal_id_review_source CHECK (source IN ('SCREEN', 'API', 'IMPORT')),
    CONSTRAINT ck_personal_id_review_resolved CHECK ((status = 'OPEN') = (resolved_at IS NULL)),
    CONSTRAINT ck_personal_id_review_open_key CHECK ((status = 'OPEN') = (open_key IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
