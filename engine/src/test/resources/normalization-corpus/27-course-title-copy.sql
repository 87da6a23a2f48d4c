CREATE TABLE courses (code text PRIMARY KEY, title text NOT NULL, credits int NOT NULL);
CREATE TABLE students (id int PRIMARY KEY, full_name text NOT NULL);
CREATE TABLE registrations (
    student_id   int REFERENCES students (id),
    course_code  text REFERENCES courses (code),
    course_title text NOT NULL, -- expect: partial-key-dependency
    course_credits int NOT NULL, -- expect: partial-key-dependency
    registered_at timestamptz NOT NULL,
    PRIMARY KEY (student_id, course_code)
);
