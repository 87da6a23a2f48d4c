-- A column referencing the owner is a reference, not a copy.
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE login_attempts (id uuid PRIMARY KEY, user_email text NOT NULL REFERENCES users (email), at timestamptz NOT NULL, ok boolean NOT NULL);
