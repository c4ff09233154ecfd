ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID,
  ALTER COLUMN total TYPE numeric(14,2) USING total::numeric(14,2), ALTER COLUMN status SET DEFAULT 'new',
  ALTER COLUMN created SET NOT NULL, DROP COLUMN legacy, ADD COLUMN note text;
ALTER TABLE orders RENAME COLUMN note TO remark;
