-- The station's care by household (831/QĐ-BYT part D, seed 001): programmes of follow-up whose rules are data the
-- province changes (interval per programme), who is enrolled in the enrolment programmes, and the follow-up visits.
--
-- A person falls under a programme when enrolled in it, when part B or part D holds a diagnosis in its ICD-10 range
-- (three-character categories, inclusive), or when their age in months lies in its range (and their sex matches,
-- when the programme names one). A follow-up is due interval_days after the last contact; a programme counted per
-- calendar year (the elderly's yearly check) is due when no visit was made this year. Listed when overdue, or when
-- due within upcoming_days.
CREATE TABLE care_programme (
    code            VARCHAR(20)  NOT NULL,
    name_vi         VARCHAR(200) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    enrolment       BOOLEAN      NOT NULL,
    icd_from        VARCHAR(3)   NULL,
    icd_to          VARCHAR(3)   NULL,
    min_age_months  INT          NULL,
    max_age_months  INT          NULL,
    sex             VARCHAR(10)  NULL,
    interval_days   INT          NOT NULL,
    calendar_year   BOOLEAN      NOT NULL DEFAULT FALSE,
    upcoming_days   INT          NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    position        INT          NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3) NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    changed_at      TIMESTAMP(3) NULL,
    changed_by      VARCHAR(100) NULL,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO care_programme (code, name_vi, name_en, enrolment, icd_from, icd_to, min_age_months, max_age_months,
                            sex, interval_days, calendar_year, upcoming_days, position, created_at, created_by)
VALUES ('HTN', 'Tăng huyết áp', 'Hypertension', TRUE, 'I10', 'I15', NULL, NULL, NULL, 30, FALSE, 7, 1,
        CURRENT_TIMESTAMP(3), 'flyway'),
       ('DM', 'Đái tháo đường', 'Diabetes', TRUE, 'E10', 'E14', NULL, NULL, NULL, 30, FALSE, 7, 2,
        CURRENT_TIMESTAMP(3), 'flyway'),
       ('ANC', 'Quản lý thai', 'Antenatal care', TRUE, NULL, NULL, 144, 660, 'FEMALE', 28, FALSE, 7, 3,
        CURRENT_TIMESTAMP(3), 'flyway'),
       ('GROWTH', 'Theo dõi tăng trưởng trẻ dưới 5 tuổi', 'Growth monitoring under 5', FALSE, NULL, NULL, 0, 59,
        NULL, 90, FALSE, 14, 4, CURRENT_TIMESTAMP(3), 'flyway'),
       ('ELDERLY', 'Khám sức khỏe người cao tuổi', 'Yearly check of the elderly', FALSE, NULL, NULL, 720, NULL,
        NULL, 365, TRUE, 0, 5, CURRENT_TIMESTAMP(3), 'flyway');

-- One open enrolment per person and programme (open = 1 while not ended, NULL after: the unique key counts open ones).
CREATE TABLE care_enrolment (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    person_id     BIGINT        NOT NULL,
    programme     VARCHAR(20)   NOT NULL,
    enrolled_on   DATE          NOT NULL,
    note          VARCHAR(1000) NULL,
    ended_on      DATE          NULL,
    end_reason    VARCHAR(500)  NULL,
    open          TINYINT       NULL,
    version       INT           NOT NULL DEFAULT 0,
    created_at    TIMESTAMP(3)  NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    changed_at    TIMESTAMP(3)  NULL,
    changed_by    VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_care_enrolment_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_care_enrolment_programme FOREIGN KEY (programme) REFERENCES care_programme (code),
    UNIQUE KEY uk_care_enrolment_open (person_id, programme, open),
    INDEX ix_care_enrolment_programme (programme, open)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A follow-up is a part D visit (blood pressure and weight there, glucose as a lab test) made for an enrolment; a
-- voided visit no longer counts as a follow-up.
CREATE TABLE care_follow_up (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    enrolment_id   BIGINT       NOT NULL,
    visit_id       BIGINT       NOT NULL,
    visit_date     DATE         NOT NULL,
    glucose_mmol   DECIMAL(4,1) NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_care_follow_up_enrolment FOREIGN KEY (enrolment_id) REFERENCES care_enrolment (id),
    CONSTRAINT fk_care_follow_up_visit FOREIGN KEY (visit_id) REFERENCES visit (id),
    UNIQUE KEY uk_care_follow_up_visit (visit_id),
    INDEX ix_care_follow_up_enrolment (enrolment_id, visit_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
