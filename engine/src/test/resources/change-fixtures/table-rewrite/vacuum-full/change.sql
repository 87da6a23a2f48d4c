VACUUM FULL orders; -- expect: table-rewrite "VACUUM FULL orders rewrites public.orders"
