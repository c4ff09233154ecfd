-- One line per product in an order; one review per customer and product.
SET lock_timeout = '5s';

ALTER TABLE order_items
  ADD CONSTRAINT order_items_order_product_key UNIQUE (order_id, product_id);

ALTER TABLE reviews
  ADD CONSTRAINT reviews_customer_product_key UNIQUE (customer_id, product_id);
