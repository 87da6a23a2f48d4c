-- Sensor location repeated in every reading; sensor_id has no table of its own.
CREATE TABLE readings (
    id              bigint PRIMARY KEY,
    sensor_id       int NOT NULL, -- expect: transitive-dependency
    sensor_location text NOT NULL,
    reading         numeric NOT NULL,
    taken_at        timestamptz NOT NULL
);
INSERT INTO readings
SELECT r, r % 15, 'Hall ' || ((r % 15) / 3) || ', rack ' || (r % 15), (r * 17 % 1000) / 10.0,
       timestamptz '2026-01-01' + r * interval '1 minute'
FROM generate_series(1, 300) r;
