-- Free-form tags as text[] with a GIN index: a deliberate, common PostgreSQL design.
CREATE TABLE articles (id uuid PRIMARY KEY, title text NOT NULL, tags text[] NOT NULL DEFAULT '{}');
CREATE INDEX articles_tags_gin ON articles USING gin (tags);
