-- The registry of tenants (one per province) and the national reference data the platform checks them against.

CREATE TABLE province (
    code        CHAR(2)      NOT NULL,
    name        VARCHAR(100) NOT NULL,
    unit_type   VARCHAR(20)  NOT NULL,
    merged_from VARCHAR(300) NULL,
    later_change VARCHAR(300) NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tenant (
    code           CHAR(2)       NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    schema_name    VARCHAR(64)   NOT NULL,
    db_server      VARCHAR(32)   NOT NULL DEFAULT 'default',
    status         VARCHAR(16)   NOT NULL,
    status_reason  VARCHAR(1000) NULL,
    admin_username VARCHAR(100)  NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    updated_at     TIMESTAMP(3)  NOT NULL,
    created_by     VARCHAR(100)  NULL,
    PRIMARY KEY (code),
    UNIQUE KEY uk_tenant_schema (schema_name),
    CONSTRAINT ck_tenant_status CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each onboarding attempt reports its steps here, so a failed one can be read and retried.
CREATE TABLE onboarding_step (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_code CHAR(2)       NOT NULL,
    attempt_id  VARCHAR(36)   NOT NULL,
    step_no     INT           NOT NULL,
    step        VARCHAR(40)   NOT NULL,
    outcome     VARCHAR(10)   NOT NULL,
    detail      VARCHAR(1000) NULL,
    started_at  TIMESTAMP(3)  NOT NULL,
    duration_ms BIGINT        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_onboarding_step_tenant (tenant_code, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What national administrators did to tenants: who, when, what, from where.
CREATE TABLE platform_audit (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    at          TIMESTAMP(3)  NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    tenant_code CHAR(2)       NULL,
    detail      VARCHAR(1000) NULL,
    client_addr VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    KEY ix_platform_audit_tenant (tenant_code, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
