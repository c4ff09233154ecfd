-- The sample shop: customers, products, orders, order lines and reviews.
--
-- One schema for SQLite (samples/shop/generate.sh reads it into shop.db), for PostgreSQL
-- (psql -f schema.sql, then data-pg.sql) and for dbopt's DDL loader. It uses only what both
-- databases accept: integer, bigint, text, varchar(n), numeric(p,s), date, timestamp, boolean,
-- named constraints, partial and expression indexes. Constraint names are PostgreSQL's default
-- names, so a catalog imported from either database names them the same way. In SQLite, an
-- "integer PRIMARY KEY" column is the rowid (no separate index); in PostgreSQL it is backed by
-- the <table>_pkey index.

CREATE TABLE customers (
  customer_id integer CONSTRAINT customers_pkey PRIMARY KEY,
  name        text        NOT NULL,
  email       text        NOT NULL,
  phone       text,                                   -- NULL for about 30% of customers
  country     varchar(2)  NOT NULL,                   -- skewed: US 38%, DE 14%, GB 9%, ...
  created_at  timestamp   NOT NULL,
  is_active   boolean     NOT NULL DEFAULT true,
  CONSTRAINT customers_email_key UNIQUE (email)
);

CREATE TABLE products (
  product_id  integer CONSTRAINT products_pkey PRIMARY KEY,
  sku         varchar(16)   NOT NULL,
  name        text          NOT NULL,
  category    varchar(30)   NOT NULL,                 -- Zipf-like: 10 categories, weight 1/rank
  price       numeric(10,2) NOT NULL CONSTRAINT products_price_check CHECK (price >= 0),
  stock       integer       NOT NULL DEFAULT 0,
  CONSTRAINT products_sku_key UNIQUE (sku)
);

CREATE TABLE orders (
  order_id    integer CONSTRAINT orders_pkey PRIMARY KEY,
  customer_id integer       NOT NULL,                 -- skewed: low ids order much more
  status      varchar(12)   NOT NULL,                 -- 'delivered' dominates; 'pending' is rare
  order_date  date          NOT NULL,                 -- 2023-01-01 .. 2024-12-30, rising with order_id
  total       numeric(12,2) NOT NULL DEFAULT 0,
  CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (customer_id)
);

CREATE TABLE order_items (
  order_id    integer       NOT NULL,
  line_no     integer       NOT NULL,
  product_id  integer       NOT NULL,                 -- skewed: low ids sell much more
  quantity    integer       NOT NULL CONSTRAINT order_items_quantity_check CHECK (quantity > 0),
  unit_price  numeric(10,2) NOT NULL,
  CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no),
  CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (order_id),
  CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (product_id)
);

CREATE TABLE reviews (
  review_id   integer CONSTRAINT reviews_pkey PRIMARY KEY,
  product_id  integer   NOT NULL,
  customer_id integer   NOT NULL,
  rating      integer   NOT NULL CONSTRAINT reviews_rating_check CHECK (rating BETWEEN 1 AND 5),
  body        text,                                   -- NULL for about 40% of reviews
  created_at  timestamp NOT NULL,
  CONSTRAINT reviews_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (product_id),
  CONSTRAINT reviews_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (customer_id)
);

CREATE INDEX customers_country_idx ON customers (country);
CREATE INDEX customers_lower_email_idx ON customers (lower(email));
CREATE INDEX products_category_price_idx ON products (category, price DESC);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_order_date_idx ON orders (order_date);
CREATE INDEX orders_pending_idx ON orders (order_date) WHERE status = 'pending';
CREATE INDEX order_items_product_id_idx ON order_items (product_id);
CREATE INDEX reviews_product_id_rating_idx ON reviews (product_id, rating);

-- Orders still in progress, with where they go. Only plain columns, so SQLite reports a declared
-- type for every column of the view as PostgreSQL does.
CREATE VIEW open_orders AS
  SELECT o.order_id, o.customer_id, c.country, o.status, o.order_date, o.total
  FROM orders o JOIN customers c ON c.customer_id = o.customer_id
  WHERE o.status IN ('pending', 'shipped');
