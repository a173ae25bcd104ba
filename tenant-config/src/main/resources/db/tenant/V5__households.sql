-- Households (hộ gia đình) as the police population register and the commune health station keep them: a household
-- lives in a village, has members who join and leave, moves between villages with its history, and is closed,
-- never deleted. Members will link to personal records (person_id) once that feature exists.

CREATE TABLE household (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    code             VARCHAR(20)   NOT NULL,
    village_id       BIGINT        NOT NULL,
    address          VARCHAR(300)  NULL,
    address_folded   VARCHAR(300)  NOT NULL DEFAULT '',
    head_name        VARCHAR(200)  NOT NULL,
    head_name_folded VARCHAR(200)  NOT NULL,
    phone            VARCHAR(20)   NULL,
    notes            VARCHAR(1000) NULL,
    closed_on        DATE          NULL,
    close_reason     VARCHAR(500)  NULL,
    version          INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(3)  NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    changed_at       TIMESTAMP(3)  NULL,
    changed_by       VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_household_code (code),
    KEY ix_household_village (village_id, closed_on),
    KEY ix_household_head_folded (head_name_folded),
    CONSTRAINT fk_household_village FOREIGN KEY (village_id) REFERENCES admin_unit (id),
    CONSTRAINT ck_household_closed CHECK ((closed_on IS NULL) = (close_reason IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE household_member (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    household_id     BIGINT       NOT NULL,
    full_name        VARCHAR(200) NOT NULL,
    full_name_folded VARCHAR(200) NOT NULL,
    sex              VARCHAR(6)   NOT NULL,
    birth_date       DATE         NOT NULL,
    relation         VARCHAR(20)  NOT NULL,
    personal_id      CHAR(12)     NULL,
    person_id        BIGINT       NULL,
    left_on          DATE         NULL,
    leave_reason     VARCHAR(500) NULL,
    version          INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(3) NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    changed_at       TIMESTAMP(3) NULL,
    changed_by       VARCHAR(100) NULL,
    PRIMARY KEY (id),
    KEY ix_household_member_household (household_id),
    KEY ix_household_member_folded (full_name_folded),
    KEY ix_household_member_personal_id (personal_id),
    CONSTRAINT fk_household_member_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT ck_household_member_sex CHECK (sex IN ('MALE', 'FEMALE')),
    CONSTRAINT ck_household_member_left CHECK ((left_on IS NULL) = (leave_reason IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE household_move (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    household_id    BIGINT       NOT NULL,
    from_village_id BIGINT       NOT NULL,
    to_village_id   BIGINT       NOT NULL,
    moved_on        DATE         NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    recorded_at     TIMESTAMP(3) NOT NULL,
    recorded_by     VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_household_move_household (household_id, moved_on),
    CONSTRAINT fk_household_move_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT fk_household_move_from FOREIGN KEY (from_village_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_household_move_to FOREIGN KEY (to_village_id) REFERENCES admin_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
