SET lock_timeout = '2s';
UPDATE orders SET note = '' WHERE note IS NULL;
