CREATE TABLE members (
    id       uuid PRIMARY KEY,
    email    text NOT NULL UNIQUE,
    phone_1  text, -- expect: repeating-column-group
    phone_2  text
);
