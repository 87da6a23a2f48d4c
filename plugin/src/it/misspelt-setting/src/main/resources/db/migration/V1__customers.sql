CREATE TABLE customers (
    id    uuid PRIMARY KEY DEFAULT uuidv7(),
    email text NOT NULL UNIQUE
);
