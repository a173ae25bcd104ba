-- Vaccination sessions (buổi tiêm chủng) of a station: a day, a place, the villages it serves (optional: the whole
-- commune otherwise) and the vaccines planned. The due list of a session is computed, not stored.

CREATE TABLE vaccination_session (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    station_id   BIGINT        NOT NULL,
    session_date DATE          NOT NULL,
    place        VARCHAR(300)  NOT NULL,
    village_id   BIGINT        NULL,
    vaccines     VARCHAR(1000) NOT NULL,
    notes        VARCHAR(1000) NULL,
    cancelled    BOOLEAN       NOT NULL DEFAULT FALSE,
    cancel_reason VARCHAR(500) NULL,
    version      INT           NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(3)  NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    changed_at   TIMESTAMP(3)  NULL,
    changed_by   VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_vaccination_session_station (station_id, session_date),
    CONSTRAINT fk_vaccination_session_station FOREIGN KEY (station_id) REFERENCES health_station (id),
    CONSTRAINT fk_vaccination_session_village FOREIGN KEY (village_id) REFERENCES admin_unit (id),
    CONSTRAINT ck_vaccination_session_cancel CHECK (cancelled = (cancel_reason IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
