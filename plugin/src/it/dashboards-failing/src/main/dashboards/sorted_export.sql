-- allow-seq-scan: orders  the export reads every order
SELECT id, note, total
FROM orders
ORDER BY status, note, total
