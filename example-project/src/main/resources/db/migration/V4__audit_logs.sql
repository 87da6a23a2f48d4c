-- Before/after images of changed rows. No foreign keys on purpose: the audit trail outlives the rows it describes.
CREATE TABLE audit_logs (
    id          uuid        PRIMARY KEY DEFAULT uuidv7(),
    table_name  text        NOT NULL,
    record_id   uuid        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    old_data    jsonb,
    new_data    jsonb,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_logs_record_idx ON audit_logs (table_name, record_id, changed_at);
