-- Different people's phone numbers, not the same data twice.
CREATE TABLE customers (id uuid PRIMARY KEY, full_name text NOT NULL, phone text);
CREATE TABLE suppliers (id uuid PRIMARY KEY, company text NOT NULL, phone text);
