-- name: organic_cotton_shirts
-- The catalog filter: organic cotton shirts priced 20 to 60. @> containment is served by the GIN index on
-- metadata (jsonb_path_ops), which indexes the values inside the documents.
-- expect-index: products_metadata_gin
SELECT id, sku, name, price, metadata ->> 'fit' AS fit
FROM products
WHERE metadata @> '{"material": "organic cotton", "type": "shirt"}'
  AND price BETWEEN 20 AND 60
ORDER BY price
