-- Address lines are parts of one address, not a repeating group.
CREATE TABLE warehouses (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    address_line1  text NOT NULL,
    address_line2  text,
    city           text NOT NULL,
    postal_code    text NOT NULL
);
