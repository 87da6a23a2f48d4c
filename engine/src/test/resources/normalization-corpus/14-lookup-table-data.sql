-- A lookup table: its key determines everything, as it should.
CREATE TABLE order_statuses (code text PRIMARY KEY, label text NOT NULL, sort_order int NOT NULL, is_final boolean NOT NULL);
INSERT INTO order_statuses VALUES
    ('new', 'New', 1, false), ('paid', 'Paid', 2, false), ('packed', 'Packed', 3, false),
    ('shipped', 'Shipped', 4, false), ('delivered', 'Delivered', 5, true), ('cancelled', 'Cancelled', 6, true),
    ('refunded', 'Refunded', 7, true), ('returned', 'Returned', 8, true);
