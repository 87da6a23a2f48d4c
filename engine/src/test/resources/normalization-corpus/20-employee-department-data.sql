-- No departments table: the rows show dept_code determines dept_name and dept_floor.
CREATE TABLE staff (
    id          int PRIMARY KEY,
    full_name   text NOT NULL,
    dept_code   text NOT NULL, -- expect: transitive-dependency
    dept_name   text NOT NULL,
    dept_floor  int NOT NULL,
    salary_band text NOT NULL
);
INSERT INTO staff
SELECT e, 'Employee ' || e, 'D' || (e % 7), (ARRAY['Sales','Support','Finance','Legal','Research','Ops','HR'])[1 + e % 7],
       1 + (e % 7) % 4, (ARRAY['junior','mid','senior'])[1 + (e / 3) % 3]
FROM generate_series(1, 140) e;
