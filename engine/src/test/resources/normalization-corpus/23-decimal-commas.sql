-- Amounts kept as text with decimal commas (a bad idea of another kind): not lists.
CREATE TABLE imported_invoices (id int PRIMARY KEY, amount_text text NOT NULL, currency text NOT NULL);
INSERT INTO imported_invoices SELECT i, (i * 37 % 1000) || ',' || lpad((i * 13 % 100)::text, 2, '0'), 'EUR'
FROM generate_series(1, 50) i;
