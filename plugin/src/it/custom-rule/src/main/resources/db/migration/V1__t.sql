CREATE TABLE documented (id uuid PRIMARY KEY DEFAULT uuidv7());
COMMENT ON TABLE documented IS 'what it is for';
CREATE TABLE undocumented (id uuid PRIMARY KEY DEFAULT uuidv7());
