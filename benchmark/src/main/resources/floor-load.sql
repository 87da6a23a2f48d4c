-- The floor: the example project's tables filled the fastest way a PostgreSQL expert would write by hand, as the
-- fast-data issue measured it. Every table is UNLOGGED, foreign key checks and triggers are off
-- (session_replication_role = replica), the secondary indexes are dropped before and built after (by the
-- benchmark), and every key is computed from the row number (k(n): a time-ordered uuid of n), so that a child
-- computes its parent's key without a lookup and each statement runs in a session of its own, side by side.
-- Same volumes and distributions as the dbcheck run. Statements are separated by lines of "--;".
INSERT INTO users (id, email, full_name, country_code, region, city, latitude, longitude, registered_at,
                   registration_channel, registration_metadata)
SELECT ('01900000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
       'user' || g || '@example.com',
       'User ' || g,
       (ARRAY['US', 'DE', 'FR', 'GB', 'PL', 'ES', 'IT', 'NL'])[1 + g % 8],
       'Region ' || g % 50,
       'City ' || g % 1000,
       round((random() * 180 - 90)::numeric, 6),
       round((random() * 360 - 180)::numeric, 6),
       now() - random() * interval '730 days',
       (ARRAY['web', 'ios', 'android', 'partner'])[1 + g % 4],
       jsonb_build_object('campaign', 'c' || g % 20)
FROM generate_series(0::bigint, :users - 1) g;
--;
INSERT INTO products (id, sku, name, category, price, metadata, created_at)
SELECT ('01910000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
       'SKU-' || g,
       'Product ' || g,
       (ARRAY['apparel', 'apparel', 'electronics', 'home', 'books'])[1 + g % 5],
       round((5 + random() * 495)::numeric, 2),
       jsonb_build_object(
           'material', (ARRAY['organic cotton', 'cotton', 'polyester', 'wool', 'linen'])[1 + g % 5],
           'type', (ARRAY['shirt', 'trousers', 'dress', 'jacket', 'laptop', 'lamp'])[1 + g % 6],
           'fit', (ARRAY['slim', 'regular'])[1 + g % 2]),
       now() - random() * interval '730 days'
FROM generate_series(0::bigint, :products - 1) g;
--;
INSERT INTO inventory (product_id, quantity, updated_at)
SELECT ('01910000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, floor(random() * 1000)::int,
       now() - random() * interval '30 days'
FROM generate_series(0::bigint, least(:inventory, :products) - 1) g;
--;
INSERT INTO orders (id, user_id, status, total_amount, created_at)
SELECT ('01920000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
       ('01900000-0000-7000-8000-' || lpad(to_hex((g * 7919) % :users), 12, '0'))::uuid,
       (ARRAY['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered',
              'shipped', 'paid', 'pending'])[1 + g % 10],
       round((5 + random() * 795)::numeric, 2),
       now() - random() * interval '730 days'
FROM generate_series(0::bigint, :orders - 1) g;
--;
-- Two or three distinct products per order: item n belongs to order n / 3 (or fewer), product from n.
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT ('01920000-0000-7000-8000-' || lpad(to_hex(g / 3 % :orders), 12, '0'))::uuid,
       ('01910000-0000-7000-8000-' || lpad(to_hex((g / 3 * 7919 + g % 3 * 104729) % :products), 12, '0'))::uuid,
       1 + g % 5,
       round((5 + random() * 495)::numeric, 2)
FROM generate_series(0::bigint, :order_items - 1) g;
--;
INSERT INTO audit_logs (id, table_name, record_id, action, old_data, new_data, changed_at)
SELECT ('01930000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
       'inventory', ('01910000-0000-7000-8000-' || lpad(to_hex(g % :products), 12, '0'))::uuid,
       (ARRAY['INSERT', 'UPDATE', 'DELETE'])[1 + g % 3],
       jsonb_build_object('quantity', g % 100),
       jsonb_build_object('quantity', (g * 7) % 100),
       now() - random() * interval '730 days'
FROM generate_series(0::bigint, :audit_logs - 1) g
