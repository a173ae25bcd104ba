-- Tele-consultation requests (hội chẩn từ xa) from a commune station to a hospital of the province: the question,
-- the parts of the person's record the station chose to share (letters A-D, comma separated; the doctor sees those
-- only), an optional attachment (JPEG, PNG or PDF by its bytes, at most 5 MB), and the doctor's answer, which is
-- also written into part D as a visit (visit_id). The commune is the person's when the request was sent: station
-- staff see the requests of their communes. SENT -> ANSWERED, or SENT -> CANCELLED by the station; never deleted.
CREATE TABLE consultation (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    person_id       BIGINT        NOT NULL,
    commune_id      BIGINT        NOT NULL,
    hospital_id     BIGINT        NOT NULL,
    question        VARCHAR(4000) NOT NULL,
    shared_parts    VARCHAR(20)   NOT NULL,
    attachment      MEDIUMBLOB    NULL,
    attachment_type VARCHAR(30)   NULL,
    attachment_name VARCHAR(200)  NULL,
    status          VARCHAR(10)   NOT NULL,
    answer          VARCHAR(2000) NULL,
    answered_at     TIMESTAMP(3)  NULL,
    answered_by     VARCHAR(100)  NULL,
    visit_id        BIGINT        NULL,
    cancelled_at    TIMESTAMP(3)  NULL,
    cancelled_by    VARCHAR(100)  NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3)  NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    changed_at      TIMESTAMP(3)  NULL,
    changed_by      VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_consultation_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_consultation_commune FOREIGN KEY (commune_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_consultation_hospital FOREIGN KEY (hospital_id) REFERENCES hospital (id),
    CONSTRAINT fk_consultation_visit FOREIGN KEY (visit_id) REFERENCES visit (id),
    CONSTRAINT ck_consultation_status CHECK (status IN ('SENT', 'ANSWERED', 'CANCELLED')),
    CONSTRAINT ck_consultation_answer CHECK ((status = 'ANSWERED') = (answer IS NOT NULL AND visit_id IS NOT NULL)),
    INDEX ix_consultation_hospital_status (hospital_id, status, created_at),
    INDEX ix_consultation_commune_status (commune_id, status, created_at),
    INDEX ix_consultation_person (person_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
