SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN discount numeric(12, 2); -- expect: lock-held-after-exclusive "held while 1 more statement of the same transaction run"
UPDATE orders SET discount = 0;
