-- Accounts. UUIDv7 keys: time-ordered, so new rows land on the right-most leaf of the primary key's B-tree.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE users (
    id                    uuid        PRIMARY KEY DEFAULT uuidv7(),
    email                 citext      NOT NULL UNIQUE,
    full_name             text        NOT NULL,
    -- geographic data
    country_code          text        NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
    region                text,
    city                  text,
    latitude              numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude             numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    -- account age: registered_at; registration metadata: channel plus free-form details
    registered_at         timestamptz NOT NULL DEFAULT now(),
    registration_channel  text        NOT NULL DEFAULT 'web'
                          CHECK (registration_channel IN ('web', 'ios', 'android', 'partner')),
    registration_metadata jsonb       NOT NULL DEFAULT '{}'
);

COMMENT ON TABLE users IS 'Customer accounts: geography, account age and registration metadata.';
COMMENT ON COLUMN users.registration_metadata IS 'IP country, user agent, referrer and campaign at sign-up.';

-- Cohort reports group users by the month they joined.
CREATE INDEX users_registered_at_idx ON users (registered_at);
