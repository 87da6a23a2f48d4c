-- Every construct the source index has to get through. Lines matter: SourceIndexConstructsTest checks them.
/* A block comment that mentions CREATE TABLE not_a_table (x int); and a ; semicolon
   /* nested */ over several lines */
CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA ${app_schema};

CREATE TABLE ${app_schema}.customers (
    id         uuid PRIMARY KEY DEFAULT uuidv7(),
    email      citext NOT NULL UNIQUE,
    greeting   text DEFAULT E'it\'s a ; semicolon',
    nickname   text DEFAULT 'say ''hi''; please'
);

CREATE TABLE orders (
    id           uuid PRIMARY KEY DEFAULT uuidv7(),
    customer_id  uuid NOT NULL
                 REFERENCES ${app_schema}.customers (id),
    placed_at    timestamptz NOT NULL,
    status       text NOT NULL, total numeric(12, 2) NOT NULL,
    CONSTRAINT orders_total_positive CHECK (total >= 0)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id); CREATE INDEX orders_placed_idx ON orders (placed_at);

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    -- CREATE TABLE inside_a_body (x int);
    NEW.placed_at := now();
    RETURN NEW;
END
$body$;

DO $$
BEGIN
    EXECUTE 'CREATE TABLE made_dynamically (id int)';
END
$$;

CREATE TABLE events (
    id       uuid NOT NULL,
    at       timestamptz NOT NULL,
    payload  json,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_at_idx ON events (at) INCLUDE (payload);
