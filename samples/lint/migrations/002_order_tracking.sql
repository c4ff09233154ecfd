-- Tracking codes for shipped orders.
SET lock_timeout = '5s';

ALTER TABLE orders ADD COLUMN tracking_code text;
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();

CREATE INDEX orders_tracking_code_idx ON orders (tracking_code);

ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled')) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_check;
