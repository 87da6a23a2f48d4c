-- Coordinates of two corners: x1, y1, x2, y2 are different attributes.
CREATE TABLE map_regions (
    id   uuid PRIMARY KEY,
    name text NOT NULL,
    x1   numeric NOT NULL, y1 numeric NOT NULL,
    x2   numeric NOT NULL, y2 numeric NOT NULL
);
