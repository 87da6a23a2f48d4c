-- Delivery notes are sentences: their commas are punctuation, not separators.
CREATE TABLE deliveries (id int PRIMARY KEY, note text, driver text NOT NULL);
INSERT INTO deliveries
SELECT d, (ARRAY['Leave at the door, ring twice', 'Call first, dog in garden', 'Back entrance, next to the garage',
                 'Fragile, handle with care', 'Deliver after 5pm', 'Ask for Maria, reception desk'])[1 + d % 6],
       'Driver ' || (d % 9)
FROM generate_series(1, 60) d;
