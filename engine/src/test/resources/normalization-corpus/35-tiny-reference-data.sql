-- Four rows: agreement this small is chance, not evidence.
CREATE TABLE shelf_labels (id int PRIMARY KEY, aisle text NOT NULL, side text NOT NULL);
INSERT INTO shelf_labels VALUES (1, 'A', 'left'), (2, 'A', 'left'), (3, 'B', 'right'), (4, 'B', 'right');
