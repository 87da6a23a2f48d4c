-- Columns that vary independently: no dependency to find.
CREATE TABLE events (
    id        int PRIMARY KEY,
    kind      text NOT NULL,
    channel   text NOT NULL,
    country   text NOT NULL,
    amount    numeric NOT NULL
);
INSERT INTO events
SELECT e, (ARRAY['view','click','buy'])[1 + (e * 7) % 3], (ARRAY['web','ios','android','email'])[1 + (e * 11 / 3) % 4],
       (ARRAY['AT','CH','DE','FR','IT'])[1 + (e * 13 / 7) % 5], (e * 31 % 97)
FROM generate_series(1, 400) e;
