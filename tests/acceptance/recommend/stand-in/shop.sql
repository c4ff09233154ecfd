-- STAND-IN for the dbopt slot of tests/acceptance/recommend/sqlite.sh, used only while
-- `dbopt recommend-index` does not exist: a hand-written index list, so the harness runs end to
-- end. Figures measured with it are marked STAND-IN and are not dbopt's.
CREATE INDEX standin_orders_customer ON orders (customer_id);
CREATE INDEX standin_order_items_product ON order_items (product_id);
CREATE INDEX standin_reviews_product ON reviews (product_id);
