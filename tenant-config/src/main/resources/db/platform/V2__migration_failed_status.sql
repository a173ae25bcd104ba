-- A tenant whose schema could not be migrated at start keeps its data and waits for an operator: it must never be
-- taken for a failed onboarding, whose retry drops and recreates the schema.
ALTER TABLE tenant DROP CONSTRAINT ck_tenant_status;
ALTER TABLE tenant ADD CONSTRAINT ck_tenant_status
    CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'FAILED', 'MIGRATION_FAILED'));
