-- Parts B (history and risk factors) and D (visits at the station) of the personal health record, QĐ 831/QĐ-BYT.
-- icd10_code: the ICD-10 codes a station may diagnose with (loaded by V21 from catalogs/icd10-primary-care.csv; the
-- province adds its own). history_item: the catalog of part-B items (allergy types, disease groups, disabilities,
-- habits, exposures, birth and reproductive facts), which says what each item takes (a status from a list, a number
-- in a range, a text) so that the province extends it as data (seeded by V22). history_entry and visit only grow:
-- a wrong line is voided with a reason and recorded again, never edited or deleted.

CREATE TABLE icd10_code (
    code        VARCHAR(10)  NOT NULL,
    name        VARCHAR(300) NOT NULL,
    name_folded VARCHAR(300) NOT NULL,
    source      VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (code),
    KEY ix_icd10_name_folded (name_folded),
    CONSTRAINT ck_icd10_code CHECK (code REGEXP '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$'),
    CONSTRAINT ck_icd10_source CHECK (source IN ('CATALOG', 'PROVINCE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE history_item (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    category        VARCHAR(20)   NOT NULL,
    code            VARCHAR(40)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    name_en         VARCHAR(200)  NULL,
    icd10_code      VARCHAR(10)   NULL,
    statuses        VARCHAR(300)  NULL,
    number_unit     VARCHAR(20)   NULL,
    number_min      DECIMAL(10,2) NULL,
    number_max      DECIMAL(10,2) NULL,
    number_required BOOLEAN       NOT NULL DEFAULT FALSE,
    quit_applies    BOOLEAN       NOT NULL DEFAULT FALSE,
    text_required   BOOLEAN       NOT NULL DEFAULT FALSE,
    single_entry    BOOLEAN       NOT NULL DEFAULT FALSE,
    family_applies  BOOLEAN       NOT NULL DEFAULT FALSE,
    sort_order      INT           NOT NULL DEFAULT 0,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3)  NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    changed_at      TIMESTAMP(3)  NULL,
    changed_by      VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_history_item_code (category, code),
    CONSTRAINT fk_history_item_icd10 FOREIGN KEY (icd10_code) REFERENCES icd10_code (code),
    CONSTRAINT ck_history_item_category CHECK (category IN ('BIRTH', 'ALLERGY', 'DISEASE', 'DISABILITY', 'HABIT',
        'EXPOSURE', 'SURGERY', 'REPRODUCTIVE', 'OTHER')),
    CONSTRAINT ck_history_item_number CHECK (number_unit IS NOT NULL OR number_required = FALSE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE history_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    person_id    BIGINT        NOT NULL,
    item_id      BIGINT        NOT NULL,
    status       VARCHAR(30)   NULL,
    number_value DECIMAL(10,2) NULL,
    quit         BOOLEAN       NOT NULL DEFAULT FALSE,
    relative     VARCHAR(100)  NULL,
    icd10_code   VARCHAR(10)   NULL,
    description  VARCHAR(1000) NULL,
    since_year   INT           NULL,
    voided       BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason  VARCHAR(500)  NULL,
    voided_at    TIMESTAMP(3)  NULL,
    voided_by    VARCHAR(100)  NULL,
    version      INT           NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(3)  NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    changed_at   TIMESTAMP(3)  NULL,
    changed_by   VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_history_entry_person (person_id, voided),
    CONSTRAINT fk_history_entry_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_history_entry_item FOREIGN KEY (item_id) REFERENCES history_item (id),
    CONSTRAINT fk_history_entry_icd10 FOREIGN KEY (icd10_code) REFERENCES icd10_code (code),
    CONSTRAINT ck_history_entry_voided CHECK (voided = (void_reason IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE visit (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    person_id        BIGINT        NOT NULL,
    visit_date       DATE          NOT NULL,
    examiner         VARCHAR(200)  NULL,
    reason           VARCHAR(1000) NULL,
    pulse            INT           NULL,
    temperature      DECIMAL(4,1)  NULL,
    bp_systolic      INT           NULL,
    bp_diastolic     INT           NULL,
    respiratory_rate INT           NULL,
    height_cm        DECIMAL(5,1)  NULL,
    weight_kg        DECIMAL(5,2)  NULL,
    waist_cm         DECIMAL(5,1)  NULL,
    bmi              DECIMAL(5,1)  NULL,
    findings         TEXT          NULL,
    conclusion       VARCHAR(2000) NULL,
    advice           TEXT          NULL,
    voided           BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason      VARCHAR(500)  NULL,
    voided_at        TIMESTAMP(3)  NULL,
    voided_by        VARCHAR(100)  NULL,
    version          INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(3)  NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    changed_at       TIMESTAMP(3)  NULL,
    changed_by       VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_visit_person_date (person_id, visit_date),
    CONSTRAINT fk_visit_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_visit_voided CHECK (voided = (void_reason IS NOT NULL)),
    CONSTRAINT ck_visit_bp CHECK (bp_systolic IS NULL OR bp_diastolic IS NULL OR bp_diastolic < bp_systolic)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE visit_diagnosis (
    visit_id   BIGINT       NOT NULL,
    position   INT          NOT NULL,
    icd10_code VARCHAR(10)  NOT NULL,
    name       VARCHAR(300) NOT NULL,
    PRIMARY KEY (visit_id, position),
    KEY ix_visit_diagnosis_code (icd10_code),
    CONSTRAINT fk_visit_diagnosis_visit FOREIGN KEY (visit_id) REFERENCES visit (id),
    CONSTRAINT fk_visit_diagnosis_icd10 FOREIGN KEY (icd10_code) REFERENCES icd10_code (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE visit_test (
    visit_id   BIGINT        NOT NULL,
    position   INT           NOT NULL,
    test_group VARCHAR(10)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    result     VARCHAR(1000) NULL,
    PRIMARY KEY (visit_id, position),
    CONSTRAINT fk_visit_test_visit FOREIGN KEY (visit_id) REFERENCES visit (id),
    CONSTRAINT ck_visit_test_group CHECK (test_group IN ('LAB', 'IMAGING', 'OTHER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
