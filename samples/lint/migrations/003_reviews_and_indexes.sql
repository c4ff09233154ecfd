-- Longer review bodies, and the indexes the review pages need.
ALTER TABLE reviews ALTER COLUMN body TYPE varchar(4000);

-- dbopt-ignore DB201: reviews is small; built in the maintenance window
CREATE INDEX reviews_customer_id_idx ON reviews (customer_id);

CREATE INDEX CONCURRENTLY orders_customer_id_2_idx ON orders (customer_id);
CREATE INDEX CONCURRENTLY reviews_product_idx ON reviews (product_id);

ALTER TABLE order_items
  ADD CONSTRAINT order_items_unit_price_check CHECK (unit_price >= 0) NOT VALID;
