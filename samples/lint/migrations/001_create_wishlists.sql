-- Wishlists: customers keep products for later.
SET lock_timeout = '5s';

CREATE TABLE wishlists (
  wishlist_id serial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers,
  product_id  integer NOT NULL REFERENCES products,
  note        varchar(200),
  created_at  timestamp NOT NULL DEFAULT now()
);

CREATE INDEX wishlists_customer_id_idx ON wishlists (customer_id);
