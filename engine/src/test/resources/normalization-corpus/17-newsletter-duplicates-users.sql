CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, full_name text NOT NULL);
CREATE TABLE newsletter_subscribers (
    id         uuid PRIMARY KEY,
    email      text NOT NULL, -- expect: duplicated-personal-data
    full_name  text, -- expect: duplicated-personal-data
    subscribed_at timestamptz NOT NULL
);
