CREATE TABLE customers (
    id      uuid PRIMARY KEY DEFAULT uuidv7(),
    email   text NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE audit_trail (
    what text
);
