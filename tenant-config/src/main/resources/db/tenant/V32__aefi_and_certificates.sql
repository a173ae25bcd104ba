-- Adverse events after immunization (AEFI), reported per dose; vaccination certificates, each a frozen copy of what
-- it shows, found by a random number (never a database id) that the signed QR token carries; the tenant's signing
-- key for those tokens, made once by the first node that needs it.

CREATE TABLE aefi (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    immunization_id BIGINT        NOT NULL,
    person_id       BIGINT        NOT NULL,
    onset_on        DATE          NOT NULL,
    symptoms        VARCHAR(1000) NOT NULL,
    severity        VARCHAR(10)   NOT NULL,
    outcome         VARCHAR(12)   NOT NULL,
    reported_to     VARCHAR(200)  NULL,
    reported_on     DATE          NULL,
    voided          BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason     VARCHAR(500)  NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3)  NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    changed_at      TIMESTAMP(3)  NULL,
    changed_by      VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_aefi_person (person_id),
    KEY ix_aefi_dose (immunization_id),
    CONSTRAINT fk_aefi_dose FOREIGN KEY (immunization_id) REFERENCES immunization (id),
    CONSTRAINT fk_aefi_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_aefi_severity CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE')),
    CONSTRAINT ck_aefi_outcome CHECK (outcome IN ('RECOVERED', 'RECOVERING', 'SEQUELAE', 'DIED', 'UNKNOWN')),
    CONSTRAINT ck_aefi_voided CHECK (voided = (void_reason IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE vaccination_certificate (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    number      CHAR(20)      NOT NULL,
    person_id   BIGINT        NOT NULL,
    content     TEXT          NOT NULL,
    issued_at   TIMESTAMP(3)  NOT NULL,
    issued_by   VARCHAR(100)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_vaccination_certificate_number (number),
    KEY ix_vaccination_certificate_person (person_id),
    CONSTRAINT fk_vaccination_certificate_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE certificate_key (
    id         INT          NOT NULL,
    secret     VARBINARY(64) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_certificate_key_one CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
