-- The province's administrative tree. Since 2025-07-01 the state has two levels (province, commune), but units keep
-- their history: a legacy district level is optional, every unit has a validity period and may name predecessors.

CREATE TABLE admin_unit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(12)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    name_folded VARCHAR(200) NOT NULL,
    level       VARCHAR(12)  NOT NULL,
    unit_type   VARCHAR(20)  NOT NULL,
    parent_id   BIGINT       NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE         NULL,
    version     INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(3) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMP(3) NULL,
    changed_by  VARCHAR(100) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_admin_unit_code_from (code, valid_from),
    KEY ix_admin_unit_parent (parent_id),
    KEY ix_admin_unit_folded (name_folded),
    CONSTRAINT fk_admin_unit_parent FOREIGN KEY (parent_id) REFERENCES admin_unit (id),
    CONSTRAINT ck_admin_unit_level CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE')),
    CONSTRAINT ck_admin_unit_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE admin_unit_predecessor (
    unit_id        BIGINT NOT NULL,
    predecessor_id BIGINT NOT NULL,
    PRIMARY KEY (unit_id, predecessor_id),
    CONSTRAINT fk_predecessor_unit FOREIGN KEY (unit_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_predecessor_of FOREIGN KEY (predecessor_id) REFERENCES admin_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
