-- The baseline: how an engineer fills the example project's tables by hand, with INSERT ... SELECT over
-- generate_series() and random() (the seeds' "Data Synthesis" step). Same tables, same indexes, same volumes and
-- the same distributions as the dbcheck run it is compared with. Statements are separated by lines of "--;".
INSERT INTO users (email, full_name, country_code, region, city, latitude, longitude, registered_at,
                   registration_channel, registration_metadata)
SELECT 'user' || g || '@example.com',
       'User ' || g,
       (ARRAY['US', 'DE', 'FR', 'GB', 'PL', 'ES', 'IT', 'NL'])[1 + floor(random() * 8)::int],
       'Region ' || floor(random() * 50)::int,
       'City ' || floor(random() * 1000)::int,
       round((random() * 180 - 90)::numeric, 6),
       round((random() * 360 - 180)::numeric, 6),
       now() - random() * interval '730 days',
       (ARRAY['web', 'ios', 'android', 'partner'])[1 + floor(random() * 4)::int],
       jsonb_build_object('campaign', 'c' || floor(random() * 20)::int)
FROM generate_series(1, :users) g;
--;
INSERT INTO products (sku, name, category, price, metadata, created_at)
SELECT 'SKU-' || g,
       'Product ' || g,
       (ARRAY['apparel', 'apparel', 'electronics', 'home', 'books'])[1 + floor(random() * 5)::int],
       round((5 + random() * 495)::numeric, 2),
       jsonb_build_object(
           'material', (ARRAY['organic cotton', 'cotton', 'polyester', 'wool', 'linen'])[1 + floor(random() * 5)::int],
           'type', (ARRAY['shirt', 'trousers', 'dress', 'jacket', 'laptop', 'lamp'])[1 + floor(random() * 6)::int],
           'fit', (ARRAY['slim', 'regular'])[1 + floor(random() * 2)::int]),
       now() - random() * interval '730 days'
FROM generate_series(1, :products) g;
--;
INSERT INTO inventory (product_id, quantity, updated_at)
SELECT id, floor(random() * 1000)::int, now() - random() * interval '30 days'
FROM products;
--;
INSERT INTO orders (user_id, status, total_amount, created_at)
SELECT u.ids[1 + floor(random() * :users)::int],
       (ARRAY['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered',
              'shipped', 'paid', 'pending'])[1 + floor(random() * 10)::int],
       round((5 + random() * 795)::numeric, 2),
       now() - random() * interval '730 days'
FROM generate_series(1, :orders) g,
     (SELECT array_agg(id) AS ids FROM users) u;
--;
-- Two or three distinct products per order: (order_id, product_id) is the primary key.
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT o.id,
       p.ids[1 + (o.n * 7919 + k * 104729) % :products],
       1 + floor(random() * 5)::int,
       round((5 + random() * 495)::numeric, 2)
FROM (SELECT id, row_number() OVER () AS n FROM orders) o,
     (SELECT array_agg(id) AS ids FROM products) p,
     generate_series(1, 3) k
WHERE k < 3 OR o.n % 2 = 0;
--;
INSERT INTO audit_logs (table_name, record_id, action, old_data, new_data, changed_at)
SELECT 'inventory', gen_random_uuid(), (ARRAY['INSERT', 'UPDATE', 'DELETE'])[1 + floor(random() * 3)::int],
       jsonb_build_object('quantity', floor(random() * 100)::int),
       jsonb_build_object('quantity', floor(random() * 100)::int),
       now() - random() * interval '730 days'
FROM generate_series(1, :audit_logs) g;
