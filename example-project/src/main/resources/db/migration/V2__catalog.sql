-- The hybrid catalog: fixed columns for what every product has, JSONB for the attributes that differ per
-- category ("Fabric" for shirts, "Screen Type" for laptops), with a GIN index for containment queries.
CREATE TABLE products (
    id          uuid          PRIMARY KEY DEFAULT uuidv7(),
    sku         text          NOT NULL UNIQUE,
    name        text          NOT NULL,
    category    text          NOT NULL,
    price       numeric(12, 2) NOT NULL CHECK (price >= 0),
    metadata    jsonb         NOT NULL DEFAULT '{}',
    created_at  timestamptz   NOT NULL DEFAULT now()
);

-- jsonb_path_ops: smaller than the default opclass and serves @> containment, the catalog's filter.
CREATE INDEX products_metadata_gin ON products USING gin (metadata jsonb_path_ops);
CREATE INDEX products_category_price_idx ON products (category, price);

-- One stock row per product; the key is the product's, so the foreign key is covered by the primary key.
CREATE TABLE inventory (
    product_id  uuid        PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    quantity    integer     NOT NULL CHECK (quantity >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
