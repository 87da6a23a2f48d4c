-- Orders are the central fact table; order items are the grain of a transaction.
CREATE TABLE orders (
    id            uuid           PRIMARY KEY DEFAULT uuidv7(),
    user_id       uuid           NOT NULL REFERENCES users (id),
    status        text           NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
    total_amount  numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
    created_at    timestamptz    NOT NULL DEFAULT now()
);

-- Serves the foreign key and "a customer's orders over time" (lifetime value). INCLUDE makes the dashboards'
-- reads index-only: status and amount come from the index, not from a million heap pages.
CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at) INCLUDE (status, total_amount);
-- Date-range dashboards (7-day moving average, top spenders of the last 30 days), index-only as well.
CREATE INDEX orders_created_at_idx ON orders (created_at) INCLUDE (user_id, status, total_amount);

CREATE TABLE order_items (
    order_id    uuid           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  uuid           NOT NULL REFERENCES products (id),
    quantity    integer        NOT NULL CHECK (quantity > 0),
    -- Price snapshot: what the customer paid, not today's catalog price.
    unit_price  numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, product_id)
);

-- order_id is covered by the primary key; product_id needs its own index.
CREATE INDEX order_items_product_id_idx ON order_items (product_id);
