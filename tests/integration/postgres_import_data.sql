-- A small shop, deterministically generated (no random()): skewed customers, NULLs, text
-- patterns, arrays, tsvectors, and one of each index kind dbopt must import. About 180k rows;
-- loads in a few seconds. Used by tests/integration/postgres_import_test.sh.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE EXTENSION pageinspect;  -- B-tree heights from the metapage (superuser only)
CREATE SCHEMA shop;
CREATE SCHEMA "Odd Schema";
CREATE TYPE shop.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE shop.customers (
  id integer PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name varchar(60) NOT NULL,
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  tags text[],
  note text COLLATE "C",
  "Display Name" text
);

CREATE TABLE shop.products (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku text NOT NULL,
  price numeric(10, 2) NOT NULL CONSTRAINT products_price_positive CHECK (price > 0),
  weight_g integer,
  price_with_tax numeric GENERATED ALWAYS AS (price * 1.2) STORED,
  search tsvector,
  footprint box
);

CREATE TABLE shop.orders (
  id bigint PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES shop.customers (id),
  status shop.order_status NOT NULL,
  ordered_at timestamp NOT NULL,
  total numeric(12, 2),
  shipped_on date,
  CONSTRAINT orders_total_sane CHECK (total IS NULL OR total >= 0)
);

CREATE TABLE shop.order_lines (
  order_id bigint NOT NULL,
  line_no smallint NOT NULL,
  product_id integer NOT NULL REFERENCES shop.products (id),
  qty integer NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES shop.orders (id)
);

CREATE TABLE "Odd Schema"."Weird ""Table""" ("Key, with comma" integer PRIMARY KEY, "a""b" text);

-- Partitioned events: the parent has inherited statistics only.
CREATE TABLE shop.events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2024 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE shop.events_2025 PARTITION OF shop.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- Customers: countries skewed (half DE), 10% NULL country, emails with patterns.
INSERT INTO shop.customers (id, email, name, country, created_at, tags, note, "Display Name")
SELECT i,
       'user' || i || CASE WHEN i % 3 = 0 THEN '@example.com' ELSE '@mail.test' END,
       'Customer ' || (i * 7919 % 20000),
       CASE WHEN i % 10 = 0 THEN NULL
            WHEN i % 2 = 0 THEN 'DE'
            ELSE (ARRAY['FR', 'US', 'GB', 'NL', 'PL', 'JP'])[1 + (i * 31 % 6)] END,
       timestamptz '2020-01-01 00:00+00' + (i * 3571 % 1500) * interval '1 day',
       CASE WHEN i % 4 = 0 THEN NULL
            ELSE ARRAY['t' || (i % 5), 't' || (i % 7)] END,
       CASE WHEN i % 5 = 0 THEN 'NULL' WHEN i % 5 = 1 THEN 'a "quoted", \ note' END,
       'Ünïcödé ' || (i % 50)
FROM generate_series(1, 20000) AS i;

INSERT INTO shop.products (sku, price, weight_g, search, footprint)
SELECT 'SKU-' || lpad(i::text, 5, '0'),
       round(((i * 7877 % 100000) / 100.0 + 1)::numeric, 2),
       CASE WHEN i % 8 = 0 THEN NULL ELSE 50 + (i * 13 % 5000) END,
       to_tsvector('simple', 'product ' || (ARRAY['red', 'blue', 'green'])[1 + i % 3] || ' size' || (i % 9)),
       box(point(i % 40, i % 30), point(i % 40 + 1 + i % 3, i % 30 + 2))
FROM generate_series(1, 2000) AS i;

-- Orders: customer ids skewed towards small ids (a product of two hashes), dates in a 2-year
-- range; the status follows the customer (a functional dependency for CREATE STATISTICS).
INSERT INTO shop.orders (id, customer_id, status, ordered_at, total, shipped_on)
SELECT i, c,
       (ARRAY['pending', 'paid', 'paid', 'shipped', 'shipped', 'shipped', 'cancelled'])
         [1 + c % 7]::shop.order_status,
       timestamp '2024-01-01' + (i * 97 % 730) * interval '1 day' + (i % 86400) * interval '1 second',
       CASE WHEN i % 50 = 0 THEN NULL ELSE ((i * 6151 % 50000) / 100.0)::numeric(12, 2) END,
       CASE WHEN c % 7 >= 3 THEN date '2024-01-03' + (i * 97 % 730) END
FROM (SELECT i, (1 + ((i * 2654435761) % 141) * ((i::bigint * 40503) % 141) % 20000)::integer AS c
      FROM generate_series(1, 60000) AS i) AS g;

INSERT INTO shop.order_lines (order_id, line_no, product_id, qty)
SELECT o, l, 1 + ((o * 7 + l * 1013) % 2000), 1 + (o + l) % 4
FROM generate_series(1, 60000) AS o, generate_series(1, 3) AS l
WHERE l <= 1 + o % 3;

INSERT INTO "Odd Schema"."Weird ""Table"""
SELECT i, CASE WHEN i % 2 = 0 THEN 'x,y' ELSE '{brace}' END FROM generate_series(1, 500) AS i;

INSERT INTO shop.events
SELECT i, date '2024-01-01' + (i % 700), (ARRAY['view', 'click', 'buy'])[1 + i % 3]
FROM generate_series(1, 20000) AS i;

-- Indexes: partial, expression, multicolumn DESC, INCLUDE, opclass, collation, hash, gin, brin.
CREATE INDEX orders_pending_idx ON shop.orders (ordered_at) WHERE status = 'pending';
CREATE INDEX customers_lower_email_idx ON shop.customers (lower(email));
CREATE INDEX orders_customer_date_idx ON shop.orders (customer_id, ordered_at DESC NULLS LAST);
CREATE INDEX orders_total_nulls_first_idx ON shop.orders (total NULLS FIRST);
CREATE INDEX order_lines_product_idx ON shop.order_lines (product_id) INCLUDE (qty);
CREATE INDEX customers_email_pattern_idx ON shop.customers (email text_pattern_ops);
CREATE INDEX customers_name_c_idx ON shop.customers (name COLLATE "C");
CREATE INDEX customers_country_hash_idx ON shop.customers USING hash (country);
CREATE INDEX customers_tags_gin_idx ON shop.customers USING gin (tags);
CREATE INDEX products_search_idx ON shop.products USING gin (search);
CREATE INDEX orders_ordered_at_brin_idx ON shop.orders USING brin (ordered_at);
CREATE INDEX events_kind_idx ON shop.events (kind);

CREATE STATISTICS shop.orders_customer_status (ndistinct, dependencies)
  ON customer_id, status FROM shop.orders;
CREATE STATISTICS shop.customers_country_expr ON country, (lower(email)) FROM shop.customers;

CREATE VIEW shop.paid_orders AS SELECT id, customer_id, total FROM shop.orders WHERE status = 'paid';
CREATE MATERIALIZED VIEW shop.country_counts AS
  SELECT country, count(*) AS customers FROM shop.customers GROUP BY country;

ANALYZE;

-- Created after ANALYZE: never analysed, reltuples = -1.
CREATE TABLE shop.audit_log (id bigserial PRIMARY KEY, message text);
INSERT INTO shop.audit_log (message) SELECT 'entry ' || i FROM generate_series(1, 100) AS i;
