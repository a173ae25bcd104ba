-- Citizens book a place in a vaccination session the station has opened, for themselves or a child, from the citizen
-- portal. A session may have a capacity (NULL: as many as come); a booking is cancelled, never deleted, and booking
-- the same session again revives it. One row per session and person.
ALTER TABLE vaccination_session ADD COLUMN capacity INT NULL;

CREATE TABLE session_booking (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    session_id    BIGINT        NOT NULL,
    person_id     BIGINT        NOT NULL,
    cancelled_at  TIMESTAMP(3)  NULL,
    version       INT           NOT NULL DEFAULT 0,
    created_at    TIMESTAMP(3)  NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    changed_at    TIMESTAMP(3)  NULL,
    changed_by    VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_booking_session FOREIGN KEY (session_id) REFERENCES vaccination_session (id),
    CONSTRAINT fk_booking_person FOREIGN KEY (person_id) REFERENCES person (id),
    UNIQUE KEY uq_booking_session_person (session_id, person_id),
    INDEX ix_booking_person (person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
