-- Feedback and complaints that citizens send to their commune's health station from the citizen portal, and the
-- station's answer. The commune is the one the citizen's record belonged to when they wrote (a later move of the
-- person does not move their old feedback). A photo is optional, at most 2 MB, JPEG or PNG (checked by its bytes).
-- Never deleted: a closed item stays, so that the province can count items and response times per commune.
CREATE TABLE citizen_feedback (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    person_id     BIGINT        NOT NULL,
    commune_id    BIGINT        NOT NULL,
    category      VARCHAR(20)   NOT NULL,
    body          VARCHAR(4000) NOT NULL,
    photo         MEDIUMBLOB    NULL,
    photo_type    VARCHAR(20)   NULL,
    status        VARCHAR(10)   NOT NULL,
    answer        VARCHAR(4000) NULL,
    answered_at   TIMESTAMP(3)  NULL,
    answered_by   VARCHAR(100)  NULL,
    closed_at     TIMESTAMP(3)  NULL,
    version       INT           NOT NULL DEFAULT 0,
    created_at    TIMESTAMP(3)  NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    changed_at    TIMESTAMP(3)  NULL,
    changed_by    VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_feedback_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_feedback_commune FOREIGN KEY (commune_id) REFERENCES admin_unit (id),
    INDEX ix_feedback_commune_status (commune_id, status, created_at),
    INDEX ix_feedback_person (person_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
