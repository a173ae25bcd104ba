-- Administrative reorganizations (issue 15): a province prepares a change of its map (communes merged, split, villages
-- moved, units renamed or retyped with their code kept) with an effective date, previews it, applies it as one
-- audited background job, and can undo it as a whole until the first record is written to a changed unit.
--
-- People, households and quotas hang on villages, and a village keeps its row (and its code) when it moves to
-- another commune: only its parent changes. What the unit was before the effective date is kept in admin_unit_period,
-- so the tree, reports and a person's residence can be read as of any day.

CREATE TABLE reorganization (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    title          VARCHAR(300)  NOT NULL,
    effective_date DATE          NOT NULL,
    steps          MEDIUMTEXT    NOT NULL,
    status         VARCHAR(12)   NOT NULL,
    failure        VARCHAR(1000) NULL,
    heirs          VARCHAR(2000) NULL,
    execution_id   BIGINT        NULL,
    heartbeat_at   TIMESTAMP(3)  NULL,
    applied_at     TIMESTAMP(3)  NULL,
    applied_by     VARCHAR(100)  NULL,
    reverted_at    TIMESTAMP(3)  NULL,
    reverted_by    VARCHAR(100)  NULL,
    version        INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMP(3)  NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    changed_at     TIMESTAMP(3)  NULL,
    changed_by     VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_reorganization_status (status, effective_date),
    CONSTRAINT ck_reorganization_status CHECK (status IN ('DRAFT', 'APPLYING', 'SCOPES', 'APPLIED', 'REVERTING',
                                                          'REVERTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every row an applied reorganization inserted or changed, with the whole row as it was before (JSON of column ->
-- text), in the order of the changes: undo replays it backwards, so the affected tables come back exactly. Staff
-- scopes live in Keycloak; their previous commune lists are kept here too (table_name 'keycloak_user').
CREATE TABLE reorganization_journal (
    reorganization_id BIGINT      NOT NULL,
    seq               INT         NOT NULL,
    table_name        VARCHAR(40) NOT NULL,
    row_key           VARCHAR(80) NOT NULL,
    action            VARCHAR(8)  NOT NULL,
    before_row        MEDIUMTEXT  NULL,
    PRIMARY KEY (reorganization_id, seq),
    CONSTRAINT fk_reorganization_journal FOREIGN KEY (reorganization_id) REFERENCES reorganization (id),
    CONSTRAINT ck_reorganization_journal_action CHECK (action IN ('INSERT', 'UPDATE', 'SCOPE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a unit was (its parent, name and type) from valid_from to valid_to, before a reorganization changed it. For a
-- day inside such a period these values hold; otherwise the unit's own row does.
CREATE TABLE admin_unit_period (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    unit_id           BIGINT       NOT NULL,
    valid_from        DATE         NOT NULL,
    valid_to          DATE         NOT NULL,
    parent_id         BIGINT       NULL,
    name              VARCHAR(200) NOT NULL,
    unit_type         VARCHAR(20)  NOT NULL,
    reorganization_id BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_admin_unit_period_unit (unit_id, valid_to),
    KEY ix_admin_unit_period_parent (parent_id, valid_to),
    CONSTRAINT fk_admin_unit_period_unit FOREIGN KEY (unit_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_admin_unit_period_parent FOREIGN KEY (parent_id) REFERENCES admin_unit (id),
    CONSTRAINT fk_admin_unit_period_reorganization FOREIGN KEY (reorganization_id) REFERENCES reorganization (id),
    CONSTRAINT ck_admin_unit_period_dates CHECK (valid_to >= valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
