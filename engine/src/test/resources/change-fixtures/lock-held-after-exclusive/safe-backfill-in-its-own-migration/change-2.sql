UPDATE orders SET discount = 0;
