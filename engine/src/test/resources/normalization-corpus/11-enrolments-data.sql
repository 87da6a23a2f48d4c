-- Course titles repeated per enrolment; the rows show course_code determines course_title.
CREATE TABLE enrolments (
    student_id   int,
    course_code  text,
    course_title text NOT NULL, -- expect: partial-key-dependency
    grade        text,
    PRIMARY KEY (student_id, course_code)
);
INSERT INTO enrolments
SELECT s, 'CS' || c, (ARRAY['Algorithms','Databases','Compilers','Networks','Security','Graphics'])[c],
       (ARRAY['A','B','C','D'])[1 + (s * 7 + c) % 4]
FROM generate_series(1, 50) s, generate_series(1, 6) c;
