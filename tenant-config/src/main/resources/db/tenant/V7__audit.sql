-- The append-only audit trail of personal data: every read and change of a person, with who, which roles, which
-- tenant, when, the fields before/after (JSON text) and the client address. The triggers make any UPDATE or DELETE
-- fail for every database user, the application's included.

CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    TIMESTAMP(3) NOT NULL,
    username       VARCHAR(100) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    tenant         VARCHAR(10)  NOT NULL,
    action         VARCHAR(10)  NOT NULL,
    entity_type    VARCHAR(40)  NOT NULL,
    entity_id      BIGINT       NOT NULL,
    changes        TEXT         NULL,
    context        VARCHAR(200) NULL,
    client_address VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    KEY ix_audit_entity (entity_type, entity_id, occurred_at),
    KEY ix_audit_user (username, occurred_at),
    CONSTRAINT ck_audit_action CHECK (action IN ('READ', 'CREATE', 'UPDATE', 'IDENTIFY', 'VOID'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: rows cannot be updated';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: rows cannot be deleted';
