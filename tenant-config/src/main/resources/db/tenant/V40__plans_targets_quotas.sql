-- Plans (kế hoạch), their targets and the village quotas of record creation. Progress is never stored: it is counted
-- from the view created_record whenever it is asked for, so it equals a direct count at any moment.
--
-- indicator: the catalog of what a target measures. A row names a computation (a hook implemented in code, e.g.
--   CREATED_RECORDS) and an optional parameter (e.g. an antigen for VACCINATION_COVERAGE); a province adds its own
--   rows over the computations that exist. A computation that no code implements yet reports "not available".
-- target: an indicator for one unit (province, commune or village) and one period, baseline and target value;
--   two targets of the same indicator and unit never overlap in time (checked by the service).
-- village_quota: per village and year the population (nhân khẩu) and the number of records to create.
-- plan_audit: who changed which quota, target or plan, when, from what to what (JSON of the changed fields).

CREATE TABLE indicator (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(40)  NOT NULL,
    name_vi     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    unit_kind   VARCHAR(8)   NOT NULL,
    computation VARCHAR(40)  NOT NULL,
    parameter   VARCHAR(40)  NULL,
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
    version     INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(3) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP(3) NULL,
    changed_by  VARCHAR(100) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_indicator_code (code),
    CONSTRAINT ck_indicator_kind CHECK (unit_kind IN ('COUNT', 'PERCENT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO indicator (code, name_vi, name_en, unit_kind, computation, parameter, built_in, created_at, created_by)
VALUES ('CREATED_RECORDS', 'Số người được lập hồ sơ sức khỏe điện tử', 'People with a created health record',
        'COUNT', 'CREATED_RECORDS', NULL, TRUE, CURRENT_TIMESTAMP(3), 'system'),
       ('RECORD_COVERAGE', 'Tỷ lệ dân số có hồ sơ sức khỏe điện tử', 'Share of the population with a record',
        'PERCENT', 'RECORD_COVERAGE', NULL, TRUE, CURRENT_TIMESTAMP(3), 'system'),
       ('STATIONS_USING', 'Tỷ lệ trạm y tế sử dụng hệ thống', 'Share of health stations using the system',
        'PERCENT', 'STATIONS_USING', NULL, TRUE, CURRENT_TIMESTAMP(3), 'system'),
       ('VACCINATION_COVERAGE_MEASLES', 'Tỷ lệ tiêm chủng sởi', 'Vaccination coverage: measles',
        'PERCENT', 'VACCINATION_COVERAGE', 'MEASLES', TRUE, CURRENT_TIMESTAMP(3), 'system');

CREATE TABLE plan (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    unit_id     BIGINT        NOT NULL,
    title       VARCHAR(500)  NOT NULL,
    doc_number  VARCHAR(60)   NULL,
    issued_on   DATE          NULL,
    purpose     TEXT          NULL,
    period_from DATE          NOT NULL,
    period_to   DATE          NOT NULL,
    copied_from BIGINT        NULL,
    version     INT           NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(3)  NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    changed_at  TIMESTAMP(3)  NULL,
    changed_by  VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_plan_unit (unit_id, period_from),
    CONSTRAINT fk_plan_unit FOREIGN KEY (unit_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_plan_copied FOREIGN KEY (copied_from) REFERENCES plan (id),
    CONSTRAINT ck_plan_period CHECK (period_to >= period_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_legal_basis (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    plan_id    BIGINT       NOT NULL,
    position   INT          NOT NULL,
    doc_number VARCHAR(60)  NOT NULL,
    issued_on  DATE         NULL,
    summary    VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_plan_basis_plan (plan_id, position),
    CONSTRAINT fk_plan_basis_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_phase (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    plan_id   BIGINT       NOT NULL,
    position  INT          NOT NULL,
    name      VARCHAR(200) NOT NULL,
    starts_on DATE         NOT NULL,
    ends_on   DATE         NOT NULL,
    PRIMARY KEY (id),
    KEY ix_plan_phase_plan (plan_id, position),
    CONSTRAINT fk_plan_phase_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT ck_plan_phase_dates CHECK (ends_on >= starts_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_task (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    plan_id            BIGINT        NOT NULL,
    position           INT           NOT NULL,
    phase_position     INT           NULL,
    name               VARCHAR(500)  NOT NULL,
    content            TEXT          NULL,
    lead_unit          VARCHAR(200)  NOT NULL,
    coordinating_units VARCHAR(1000) NULL,
    expected_result    TEXT          NULL,
    deadline           DATE          NOT NULL,
    status             VARCHAR(12)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_plan_task_plan (plan_id, position),
    KEY ix_plan_task_deadline (deadline, status),
    CONSTRAINT fk_plan_task_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT ck_plan_task_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE target (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    indicator_id BIGINT         NOT NULL,
    unit_id      BIGINT         NOT NULL,
    plan_id      BIGINT         NULL,
    period_from  DATE           NOT NULL,
    period_to    DATE           NOT NULL,
    baseline     DECIMAL(14, 2) NOT NULL,
    target_value DECIMAL(14, 2) NOT NULL,
    note         VARCHAR(500)   NULL,
    version      INT            NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(3)   NOT NULL,
    created_by   VARCHAR(100)   NOT NULL,
    changed_at   TIMESTAMP(3)   NULL,
    changed_by   VARCHAR(100)   NULL,
    PRIMARY KEY (id),
    KEY ix_target_unit (unit_id, indicator_id, period_from),
    CONSTRAINT fk_target_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT fk_target_unit FOREIGN KEY (unit_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_target_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT ck_target_period CHECK (period_to >= period_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE village_quota (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    village_id BIGINT       NOT NULL,
    year       SMALLINT     NOT NULL,
    population INT          NOT NULL,
    quota      INT          NOT NULL,
    version    INT          NOT NULL DEFAULT 0,
    created_at TIMESTAMP(3) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    changed_at TIMESTAMP(3) NULL,
    changed_by VARCHAR(100) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_village_quota (village_id, year),
    CONSTRAINT fk_village_quota_village FOREIGN KEY (village_id) REFERENCES admin_unit (id),
    CONSTRAINT ck_village_quota_values CHECK (population >= 0 AND quota >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_audit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at TIMESTAMP(3) NOT NULL,
    username    VARCHAR(100) NOT NULL,
    entity_type VARCHAR(20)  NOT NULL,
    entity_id   BIGINT       NOT NULL,
    action      VARCHAR(10)  NOT NULL,
    label       VARCHAR(300) NULL,
    changes     TEXT         NOT NULL,
    PRIMARY KEY (id),
    KEY ix_plan_audit_entity (entity_type, entity_id, occurred_at),
    KEY ix_plan_audit_time (occurred_at),
    CONSTRAINT ck_plan_audit_action CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'COPY', 'IMPORT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER plan_audit_no_update BEFORE UPDATE ON plan_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'plan_audit is append-only: rows cannot be updated';

CREATE TRIGGER plan_audit_no_delete BEFORE DELETE ON plan_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'plan_audit is append-only: rows cannot be deleted';
