-- Prices in two currencies are two attributes, not a numbered group.
CREATE TABLE products (id uuid PRIMARY KEY, name text NOT NULL, price_eur numeric(12, 2) NOT NULL, price_usd numeric(12, 2) NOT NULL);
