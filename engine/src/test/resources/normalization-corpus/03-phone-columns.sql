CREATE TABLE contacts (
    id      uuid PRIMARY KEY,
    name    text NOT NULL,
    phone1  text, -- expect: repeating-column-group
    phone2  text,
    phone3  text
);
