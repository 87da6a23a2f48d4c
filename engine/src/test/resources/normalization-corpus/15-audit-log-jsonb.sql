-- Before/after images as JSONB, and who changed it: the audit trail's own data.
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, full_name text NOT NULL);
CREATE TABLE audit_logs (
    id          uuid PRIMARY KEY,
    table_name  text NOT NULL,
    record_id   uuid NOT NULL,
    action      text NOT NULL,
    old_data    jsonb,
    new_data    jsonb,
    changed_by  uuid REFERENCES users (id),
    changed_at  timestamptz NOT NULL
);
