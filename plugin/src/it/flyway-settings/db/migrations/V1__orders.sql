CREATE TABLE ${app_schema}.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status text NOT NULL,
    placed_at timestamptz NOT NULL
);
CREATE INDEX orders_status_idx ON ${app_schema}.orders (status);
