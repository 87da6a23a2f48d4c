ALTER TABLE orders ADD COLUMN discount numeric(12, 2); -- expect: lock-without-timeout "with lock_timeout unset"
