-- Reference data every province starts with and may correct: the EPI schedule rows as published
-- (catalogs/epi-schedule.csv), kept as text with their legal basis and confidence until the immunization feature
-- turns them into a versioned schedule.

CREATE TABLE epi_schedule_source (
    id                         BIGINT        NOT NULL AUTO_INCREMENT,
    antigen                    VARCHAR(100)  NOT NULL,
    vaccine                    VARCHAR(200)  NOT NULL,
    dose_number                VARCHAR(40)   NOT NULL,
    recommended_age            VARCHAR(200)  NULL,
    minimum_age                VARCHAR(200)  NULL,
    min_interval_from_previous VARCHAR(200)  NULL,
    target_group               VARCHAR(200)  NULL,
    legal_basis                VARCHAR(1000) NULL,
    confidence                 VARCHAR(20)   NULL,
    notes                      VARCHAR(1000) NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
