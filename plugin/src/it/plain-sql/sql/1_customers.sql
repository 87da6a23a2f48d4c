CREATE TABLE customers (id uuid PRIMARY KEY, email text NOT NULL);
