-- Loyalty points (the function body is PL/pgSQL and is not linted).
SET lock_timeout = '5s';

CREATE TABLE loyalty_points (
  customer_id integer NOT NULL,
  points      integer NOT NULL DEFAULT 0,
  balance     money,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT loyalty_points_pkey PRIMARY KEY (customer_id),
  CONSTRAINT loyalty_points_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers
);

CREATE FUNCTION award_points() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- SELECT * FROM orders; DELETE FROM loyalty_points; inside the body: not linted
  UPDATE loyalty_points SET points = points + 1 WHERE customer_id = NEW.customer_id;
  RETURN NEW;
END
$$;
