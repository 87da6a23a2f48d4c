-- The seeds' normalized version: customers, products, orders, order items with the price at order time.
CREATE TABLE customers (customer_id int PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE, address text NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE products (product_id int PRIMARY KEY, name text NOT NULL, description text, price numeric(10, 2) NOT NULL, stock int NOT NULL);
CREATE TABLE orders (order_id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, order_date timestamptz NOT NULL, total numeric(10, 2) NOT NULL, status text NOT NULL);
CREATE TABLE order_items (order_item_id int PRIMARY KEY, order_id int NOT NULL REFERENCES orders, product_id int NOT NULL REFERENCES products, quantity int NOT NULL, price_at_order numeric(10, 2) NOT NULL);
