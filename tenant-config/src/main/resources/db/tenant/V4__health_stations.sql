-- Commune health stations (trạm y tế xã) and their staff. Since TT 43/2025/TT-BYT a station belongs to the commune
-- People's Committee and may run sub-sites (điểm trạm) in former communes: a sub-site names its main station and,
-- optionally, the former commune it serves. Stations are closed and staff leave; neither is deleted.
-- MariaDB has no partial unique index, so the two "among open stations" rules use marker columns that are 1 for an
-- open (main) station and NULL otherwise: a unique key ignores rows with a NULL part.

CREATE TABLE health_station (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    name               VARCHAR(200) NOT NULL,
    name_folded        VARCHAR(200) NOT NULL,
    facility_code      CHAR(5)      NULL,
    commune_id         BIGINT       NOT NULL,
    parent_id          BIGINT       NULL,
    former_commune_id  BIGINT       NULL,
    address            VARCHAR(300) NULL,
    phone              VARCHAR(20)  NULL,
    opening_hours      VARCHAR(300) NULL,
    closed_on          DATE         NULL,
    close_reason       VARCHAR(500) NULL,
    open_marker        TINYINT      NULL,
    open_main_marker   TINYINT      NULL,
    version            INT          NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(3) NOT NULL,
    created_by         VARCHAR(100) NOT NULL,
    changed_at         TIMESTAMP(3) NULL,
    changed_by         VARCHAR(100) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_health_station_open_code (facility_code, open_marker),
    UNIQUE KEY uk_health_station_open_main (commune_id, open_main_marker),
    KEY ix_health_station_commune (commune_id, closed_on),
    KEY ix_health_station_parent (parent_id),
    CONSTRAINT fk_health_station_commune FOREIGN KEY (commune_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_health_station_parent FOREIGN KEY (parent_id) REFERENCES health_station (id),
    CONSTRAINT fk_health_station_former FOREIGN KEY (former_commune_id) REFERENCES admin_unit (id),
    CONSTRAINT ck_health_station_code CHECK (facility_code IS NULL OR facility_code REGEXP '^[0-9]{5}$'),
    CONSTRAINT ck_health_station_closed CHECK ((closed_on IS NULL) = (close_reason IS NULL)),
    CONSTRAINT ck_health_station_open CHECK ((closed_on IS NULL) = (open_marker IS NOT NULL)
        AND (open_main_marker IS NULL OR (open_marker IS NOT NULL AND parent_id IS NULL)))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE station_staff (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    station_id       BIGINT       NOT NULL,
    full_name        VARCHAR(200) NOT NULL,
    full_name_folded VARCHAR(200) NOT NULL,
    position         VARCHAR(20)  NOT NULL,
    licence_number   VARCHAR(30)  NULL,
    phone            VARCHAR(20)  NULL,
    username         VARCHAR(100) NULL,
    started_on       DATE         NULL,
    ended_on         DATE         NULL,
    end_reason       VARCHAR(500) NULL,
    version          INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(3) NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    changed_at       TIMESTAMP(3) NULL,
    changed_by       VARCHAR(100) NULL,
    PRIMARY KEY (id),
    KEY ix_station_staff_station (station_id, ended_on),
    KEY ix_station_staff_username (username),
    CONSTRAINT fk_station_staff_station FOREIGN KEY (station_id) REFERENCES health_station (id),
    CONSTRAINT ck_station_staff_position CHECK (position IN
        ('HEAD', 'DOCTOR', 'ASSISTANT_DOCTOR', 'NURSE', 'MIDWIFE', 'PHARMACIST', 'OTHER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
