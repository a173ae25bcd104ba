-- Immunization (EPI): the vaccine catalog, the national schedule as data (versioned by validity dates), vaccine lots
-- received by the province and allocated to stations, station stock kept as movements with a balance that can never
-- go negative, and the doses of part C of the personal record (given here, from a lot, or entered from the past).
-- The schedule is built from epi_schedule_source (V2) the first time it is used: immunization_setup has one row whose
-- lock makes that happen once, whichever node gets there first.

CREATE TABLE vaccine (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    code           VARCHAR(60)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    antigen        VARCHAR(200)  NOT NULL,
    manufacturer   VARCHAR(200)  NULL,
    doses_per_vial INT           NULL,
    active         BOOLEAN       NOT NULL DEFAULT TRUE,
    version        INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMP(3)  NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    changed_at     TIMESTAMP(3)  NULL,
    changed_by     VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_vaccine_code (code),
    CONSTRAINT ck_vaccine_doses_per_vial CHECK (doses_per_vial IS NULL OR doses_per_vial BETWEEN 1 AND 50)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One dose of a vaccine's series. Ages and intervals are months plus days (a year is 12 months, a week 7 days), so
-- "2 months" lands on the same day of the month as the birth. A row is in force from valid_from to valid_to; a
-- change of schedule ends the old row and adds a new one. "routine" rows make the due lists and coverage.
CREATE TABLE schedule_dose (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    vaccine_id             BIGINT        NOT NULL,
    dose_number            INT           NOT NULL,
    dose_label             VARCHAR(40)   NOT NULL,
    target_group           VARCHAR(200)  NULL,
    sex                    VARCHAR(6)    NULL,
    recommended_age_months INT           NULL,
    recommended_age_days   INT           NULL,
    minimum_age_months     INT           NULL,
    minimum_age_days       INT           NULL,
    min_interval_months    INT           NULL,
    min_interval_days      INT           NULL,
    routine                BOOLEAN       NOT NULL,
    valid_from             DATE          NOT NULL,
    valid_to               DATE          NULL,
    legal_basis            VARCHAR(1000) NULL,
    confidence             VARCHAR(20)   NULL,
    notes                  VARCHAR(1000) NULL,
    source_id              BIGINT        NULL,
    version                INT           NOT NULL DEFAULT 0,
    created_at             TIMESTAMP(3)  NOT NULL,
    created_by             VARCHAR(100)  NOT NULL,
    changed_at             TIMESTAMP(3)  NULL,
    changed_by             VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_schedule_dose_vaccine (vaccine_id, dose_number, valid_from),
    CONSTRAINT fk_schedule_dose_vaccine FOREIGN KEY (vaccine_id) REFERENCES vaccine (id),
    CONSTRAINT ck_schedule_dose_number CHECK (dose_number BETWEEN 1 AND 20),
    CONSTRAINT ck_schedule_dose_sex CHECK (sex IS NULL OR sex IN ('MALE', 'FEMALE')),
    CONSTRAINT ck_schedule_dose_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT ck_schedule_dose_ages CHECK ((recommended_age_months IS NULL) = (recommended_age_days IS NULL)
        AND (minimum_age_months IS NULL) = (minimum_age_days IS NULL)
        AND (min_interval_months IS NULL) = (min_interval_days IS NULL)
        AND COALESCE(recommended_age_months, 0) >= 0 AND COALESCE(recommended_age_days, 0) >= 0
        AND COALESCE(minimum_age_months, 0) >= 0 AND COALESCE(minimum_age_days, 0) >= 0
        AND COALESCE(min_interval_months, 0) >= 0 AND COALESCE(min_interval_days, 0) >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE immunization_setup (
    id                 INT          NOT NULL,
    schedule_loaded_at TIMESTAMP(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_immunization_setup_one CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO immunization_setup (id, schedule_loaded_at) VALUES (1, NULL);

-- A lot as received by the province; "unallocated" is what the province store still holds (never negative).
CREATE TABLE vaccine_lot (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    vaccine_id  BIGINT       NOT NULL,
    lot_number  VARCHAR(40)  NOT NULL,
    expiry      DATE         NOT NULL,
    quantity    INT          NOT NULL,
    unallocated INT          NOT NULL,
    received_on DATE         NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(3) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP(3) NULL,
    changed_by  VARCHAR(100) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_vaccine_lot_number (vaccine_id, lot_number),
    KEY ix_vaccine_lot_expiry (expiry),
    CONSTRAINT fk_vaccine_lot_vaccine FOREIGN KEY (vaccine_id) REFERENCES vaccine (id),
    CONSTRAINT ck_vaccine_lot_quantity CHECK (quantity > 0 AND unallocated >= 0 AND unallocated <= quantity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The balance of one lot at one station: always the sum of the station's movements of that lot, changed only by
-- a conditional update in the same transaction as the movement, and never below zero (CHECK as the last guard).
CREATE TABLE station_stock (
    station_id BIGINT NOT NULL,
    lot_id     BIGINT NOT NULL,
    balance    INT    NOT NULL,
    PRIMARY KEY (station_id, lot_id),
    KEY ix_station_stock_lot (lot_id),
    CONSTRAINT fk_station_stock_station FOREIGN KEY (station_id) REFERENCES health_station (id),
    CONSTRAINT fk_station_stock_lot FOREIGN KEY (lot_id) REFERENCES vaccine_lot (id),
    CONSTRAINT ck_station_stock_balance CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE immunization (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    person_id       BIGINT        NOT NULL,
    vaccine_id      BIGINT        NOT NULL,
    dose_number     INT           NOT NULL,
    schedule_id     BIGINT        NULL,
    given_on        DATE          NOT NULL,
    source          VARCHAR(12)   NOT NULL,
    lot_id          BIGINT        NULL,
    station_id      BIGINT        NULL,
    site            VARCHAR(20)   NULL,
    given_by        VARCHAR(200)  NULL,
    place           VARCHAR(300)  NULL,
    override_reason VARCHAR(500)  NULL,
    live_marker     TINYINT       NULL,
    voided          BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason     VARCHAR(500)  NULL,
    voided_at       TIMESTAMP(3)  NULL,
    voided_by       VARCHAR(100)  NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3)  NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    changed_at      TIMESTAMP(3)  NULL,
    changed_by      VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_immunization_live_dose (person_id, vaccine_id, dose_number, live_marker),
    KEY ix_immunization_person (person_id, given_on),
    KEY ix_immunization_vaccine_given (vaccine_id, dose_number, given_on),
    KEY ix_immunization_lot (lot_id),
    CONSTRAINT fk_immunization_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_immunization_vaccine FOREIGN KEY (vaccine_id) REFERENCES vaccine (id),
    CONSTRAINT fk_immunization_schedule FOREIGN KEY (schedule_id) REFERENCES schedule_dose (id),
    CONSTRAINT fk_immunization_lot FOREIGN KEY (lot_id) REFERENCES vaccine_lot (id),
    CONSTRAINT fk_immunization_station FOREIGN KEY (station_id) REFERENCES health_station (id),
    CONSTRAINT ck_immunization_source CHECK (source IN ('GIVEN', 'HISTORICAL')),
    CONSTRAINT ck_immunization_lot CHECK ((source = 'GIVEN') = (lot_id IS NOT NULL AND station_id IS NOT NULL)),
    CONSTRAINT ck_immunization_voided CHECK (voided = (void_reason IS NOT NULL)
        AND (live_marker IS NULL) = voided)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change of a station's stock. quantity is signed: a receipt adds, a dose, wastage or return takes away.
CREATE TABLE stock_movement (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    station_id      BIGINT       NOT NULL,
    lot_id          BIGINT       NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    quantity        INT          NOT NULL,
    occurred_on     DATE         NOT NULL,
    immunization_id BIGINT       NULL,
    reason          VARCHAR(500) NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_stock_movement_station (station_id, lot_id, occurred_on),
    CONSTRAINT fk_stock_movement_station FOREIGN KEY (station_id) REFERENCES health_station (id),
    CONSTRAINT fk_stock_movement_lot FOREIGN KEY (lot_id) REFERENCES vaccine_lot (id),
    CONSTRAINT fk_stock_movement_dose FOREIGN KEY (immunization_id) REFERENCES immunization (id),
    CONSTRAINT ck_stock_movement_kind CHECK (kind IN ('RECEIPT', 'DOSE', 'WASTAGE', 'RETURN')),
    CONSTRAINT ck_stock_movement_sign CHECK (quantity <> 0 AND (kind = 'RECEIPT') = (quantity > 0)),
    CONSTRAINT ck_stock_movement_dose CHECK ((kind = 'DOSE') = (immunization_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
