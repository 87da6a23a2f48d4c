CREATE TABLE departments (id int PRIMARY KEY, name text NOT NULL, floor int);
CREATE TABLE employees (
    id              int PRIMARY KEY,
    full_name       text NOT NULL,
    department_id   int NOT NULL REFERENCES departments (id),
    department_name text NOT NULL -- expect: copied-attribute
);
