CREATE TABLE webhooks (
    id      uuid PRIMARY KEY DEFAULT uuidv7(),
    payload json NOT NULL, -- dbcheck:ignore json-column: the signature covers the exact bytes received
    headers json -- dbcheck:ignore json-column
);

CREATE TABLE raw_imports (line text);
COMMENT ON TABLE raw_imports IS 'dbcheck:ignore missing-primary-key: append-only landing table, truncated daily';
