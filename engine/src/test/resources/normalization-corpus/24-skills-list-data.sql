CREATE TABLE candidates (
    id      int PRIMARY KEY,
    name    text NOT NULL,
    skills  text NOT NULL -- expect: list-valued-column
);
INSERT INTO candidates
SELECT c, 'Candidate ' || c,
       (ARRAY['java;sql;docker', 'python;sql', 'go;kubernetes;sql', 'java;kotlin', 'sql;excel;python', 'docker'])[1 + c % 6]
FROM generate_series(1, 40) c;
