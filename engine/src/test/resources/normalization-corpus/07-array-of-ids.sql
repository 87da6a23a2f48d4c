CREATE TABLE products (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE wishlists (
    id          uuid PRIMARY KEY,
    owner       text NOT NULL,
    product_ids uuid[] NOT NULL -- expect: list-valued-column
);
