-- The textbook 3NF case: postal code determines city.
CREATE TABLE suppliers (
    id          int PRIMARY KEY,
    company     text NOT NULL,
    postal_code text NOT NULL, -- expect: transitive-dependency
    city        text NOT NULL
);
INSERT INTO suppliers
SELECT s, 'Supplier ' || s, (ARRAY['1010','8001','3000','6900','4051','1200','2500','9000','7000','5000'])[1 + s % 10],
       (ARRAY['Vienna','Zurich','Bern','Lugano','Basel','Geneva','Biel','St. Gallen','Chur','Aarau'])[1 + s % 10]
FROM generate_series(1, 150) s;
