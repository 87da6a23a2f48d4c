CREATE TABLE countries (code text PRIMARY KEY, name text NOT NULL, continent text NOT NULL);
CREATE TABLE cities (
    id           int PRIMARY KEY,
    name         text NOT NULL,
    country_code text NOT NULL REFERENCES countries (code),
    country_name text NOT NULL, -- expect: copied-attribute
    population   int
);
