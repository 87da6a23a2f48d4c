-- The seeds' DenormalizedOrder: customer data repeated in every order, items as "Laptop,Mouse,Keyboard".
CREATE TABLE denormalized_orders (
    order_id          int PRIMARY KEY,
    customer_name     text NOT NULL, -- expect: copied-attribute, transitive-dependency
    customer_email    text NOT NULL,
    customer_address  text NOT NULL,
    items             text NOT NULL, -- expect: list-valued-column
    total             numeric(10, 2) NOT NULL
);
