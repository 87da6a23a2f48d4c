-- The atomic checkout. Each stocked product row is locked with SELECT ... FOR UPDATE, so two buyers of the last
-- item queue behind each other instead of both succeeding. Short stock raises an exception, which rolls the
-- whole order back. Every inventory change is written to audit_logs with the row before and after, as JSONB.
--
--   CALL process_order('<user id>', '[{"product_id": "<id>", "quantity": 2}]', NULL);
CREATE OR REPLACE PROCEDURE process_order(
    p_user_id  uuid,
    p_items    jsonb,
    INOUT p_order_id uuid DEFAULT NULL
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_item    record;
    v_before  inventory%ROWTYPE;
    v_after   inventory%ROWTYPE;
    v_price   numeric(12, 2);
    v_total   numeric(12, 2) := 0;
BEGIN
    IF jsonb_typeof(p_items) IS DISTINCT FROM 'array' OR jsonb_array_length(p_items) = 0 THEN
        RAISE EXCEPTION 'an order needs at least one item' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO orders (user_id, status) VALUES (p_user_id, 'pending') RETURNING id INTO p_order_id;

    FOR v_item IN
        SELECT (e ->> 'product_id')::uuid AS product_id, (e ->> 'quantity')::integer AS quantity
        FROM jsonb_array_elements(p_items) AS e
        ORDER BY 1 -- lock rows in one global order, so concurrent checkouts cannot deadlock
    LOOP
        SELECT * INTO v_before FROM inventory WHERE product_id = v_item.product_id FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'product % is not stocked', v_item.product_id USING ERRCODE = 'no_data_found';
        END IF;
        IF v_before.quantity < v_item.quantity THEN
            RAISE EXCEPTION 'insufficient stock for product %: % requested, % available',
                v_item.product_id, v_item.quantity, v_before.quantity
                USING ERRCODE = 'check_violation';
        END IF;

        UPDATE inventory
        SET quantity = quantity - v_item.quantity, updated_at = now()
        WHERE product_id = v_item.product_id
        RETURNING * INTO v_after;

        INSERT INTO audit_logs (table_name, record_id, action, old_data, new_data)
        VALUES ('inventory', v_item.product_id, 'UPDATE', to_jsonb(v_before), to_jsonb(v_after));

        SELECT price INTO v_price FROM products WHERE id = v_item.product_id;
        INSERT INTO order_items (order_id, product_id, quantity, unit_price)
        VALUES (p_order_id, v_item.product_id, v_item.quantity, v_price);
        v_total := v_total + v_price * v_item.quantity;
    END LOOP;

    UPDATE orders SET total_amount = v_total, status = 'paid' WHERE id = p_order_id;
END;
$$;
