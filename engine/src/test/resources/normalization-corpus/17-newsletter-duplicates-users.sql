CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, full_name text NOT NULL);
CREATE TABLE newsletter_subscribers (
    id         uuid PRIMARY KEY,
    user_id    uuid REFERENCES users (id),
    email      text NOT NULL, -- expect: duplicated-personal-data
    full_name  text, -- expect: duplicated-personal-data
    subscribed_at timestamptz NOT NULL
);
-- Look-alike: people who signed up for the newsletter without an account are other people than the users.
CREATE TABLE newsletter_leads (
    id         uuid PRIMARY KEY,
    email      text NOT NULL,
    full_name  text
);
