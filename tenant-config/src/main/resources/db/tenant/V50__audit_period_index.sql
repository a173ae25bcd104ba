-- The audit screen asks for a period without a person or a user ("what happened last night"), newest first.
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at);
