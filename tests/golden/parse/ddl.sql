CREATE SCHEMA IF NOT EXISTS shop;
CREATE TABLE shop.orders (
  id bigserial PRIMARY KEY,
  customer_id int NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
  status varchar(16) DEFAULT 'new' CHECK (status IN ('new', 'paid')),
  total numeric(12,2),
  created timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT orders_total_ck CHECK (total >= 0)
) PARTITION BY RANGE (created);
CREATE UNIQUE INDEX CONCURRENTLY orders_lower_status ON shop.orders USING btree (lower(status) DESC NULLS LAST) INCLUDE (total) WHERE total > 0;
CREATE STATISTICS shop.orders_st (dependencies) ON customer_id, status FROM shop.orders;
DROP INDEX IF EXISTS old_idx;
