-- A schema with skewed, nullable and text-patterned data for the `dbopt explain` acceptance
-- test: accounts 20000, products 5000, purchases 60000, events 200000 rows. It exercises what
-- TPC-H's uniform data does not: Zipf-like keys and values (MCV lists that matter), NULL
-- fractions from 1% to 95%, text that LIKE/ILIKE/regular expressions select by prefix, suffix
-- or pattern, booleans, timestamps, an enum, low-cardinality text, partial and expression
-- indexes.
--
-- Every value is a deterministic function of a row's number (gen.u hashes (i, salt) with
-- PostgreSQL's hashint8extended), so two loads give byte-identical tables; and ANALYZE reads
-- whole tables (see the end), so they get identical statistics too.
SET client_min_messages = warning;
CREATE EXTENSION pageinspect;  -- exact B-tree heights for `dbopt catalog import` (superuser)
SET TIME ZONE 'UTC';

CREATE SCHEMA gen;
-- Uniform in [0, 1) from the hash of (i, salt).
CREATE FUNCTION gen.u(i bigint, salt bigint) RETURNS float8 IMMUTABLE LANGUAGE sql AS $$
  SELECT (hashint8extended(i, salt) & 2147483647)::float8 / 2147483648 $$;
-- Zipf-like in 1..n: P(v = k) is about proportional to 1/k for skew = 1; skew > 1 puts more
-- weight on the first values (skew = 2: about 45% of rows take value 1 when n = 30).
CREATE FUNCTION gen.zipf(i bigint, salt bigint, n int, skew float8) RETURNS int
  IMMUTABLE LANGUAGE sql AS $$
  SELECT least(n, floor(exp(power(gen.u(i, salt), skew) * ln(n + 1.0))))::int $$;
-- A uniform integer in [lo, hi].
CREATE FUNCTION gen.rnd(i bigint, salt bigint, lo int, hi int) RETURNS int
  IMMUTABLE LANGUAGE sql AS $$ SELECT lo + floor(gen.u(i, salt) * (hi - lo + 1))::int $$;
-- NULL with probability frac, else v.
CREATE FUNCTION gen.nullif_frac(i bigint, salt bigint, frac float8, v anyelement)
  RETURNS anyelement IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE WHEN gen.u(i, salt) < frac THEN NULL ELSE v END $$;

CREATE TYPE account_plan AS ENUM ('free', 'basic', 'pro', 'team', 'enterprise');

CREATE TABLE accounts (
  account_id integer PRIMARY KEY,
  email text NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  country char(2) NOT NULL,
  plan account_plan NOT NULL,
  status text NOT NULL,
  is_verified boolean,
  is_staff boolean NOT NULL,
  referrer_id integer REFERENCES accounts,
  phone text,
  birth_year integer,
  signup_at timestamptz NOT NULL,
  last_login_at timestamptz,
  score double precision NOT NULL,
  code text NOT NULL,
  notes text);

CREATE TABLE products (
  product_id integer PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  category text NOT NULL,
  brand text NOT NULL,
  price numeric(10,2) NOT NULL,
  in_stock boolean NOT NULL,
  rating real,
  discontinued_on date);

CREATE TABLE purchases (
  purchase_id integer PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts,
  product_id integer NOT NULL REFERENCES products,
  quantity integer NOT NULL,
  amount numeric(12,2) NOT NULL,
  channel text NOT NULL,
  coupon_code text,
  refunded boolean,
  purchased_at timestamptz NOT NULL);

CREATE TABLE events (
  event_id bigint PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts,
  kind text NOT NULL,
  url text NOT NULL,
  status_code smallint NOT NULL,
  duration_ms integer,
  is_mobile boolean NOT NULL,
  user_agent text NOT NULL,
  referrer text,
  session_id text NOT NULL,
  created_at timestamptz NOT NULL);

-- Accounts: signup time grows with the id (high correlation), names and countries are Zipf.
INSERT INTO accounts
SELECT a, lower(fn) || '.' || lower(ln) || a || '@' ||
         (ARRAY['gmail.com', 'yahoo.com', 'outlook.com', 'example.com', 'proton.me',
                'icloud.com', 'corp.example.org', 'mail.ru', 'web.de', 'uni.edu'])[gen.zipf(a, 3, 10, 1.5)],
       fn, ln,
       (ARRAY['US', 'GB', 'DE', 'IN', 'FR', 'BR', 'CA', 'JP', 'ES', 'IT', 'NL', 'PL', 'SE', 'AU',
              'MX', 'KR', 'TR', 'AR', 'CH', 'BE', 'AT', 'NO', 'DK', 'FI', 'IE', 'PT', 'CZ', 'NZ',
              'ZA', 'SG'])[gen.zipf(a, 4, 30, 1.8)],
       (ARRAY['free', 'basic', 'pro', 'team', 'enterprise'])[
         CASE WHEN u < 0.70 THEN 1 WHEN u < 0.85 THEN 2 WHEN u < 0.95 THEN 3 WHEN u < 0.99 THEN 4
              ELSE 5 END]::account_plan,
       CASE WHEN gen.u(a, 6) < 0.85 THEN 'active' WHEN gen.u(a, 6) < 0.95 THEN 'closed'
            ELSE 'suspended' END,
       gen.nullif_frac(a, 7, 0.10, gen.u(a, 8) < 0.65),
       a % 200 = 7,
       CASE WHEN a > 1 AND gen.u(a, 9) < 0.20 THEN gen.zipf(a, 10, a - 1, 1.0) END,
       gen.nullif_frac(a, 11, 0.35, '+' || gen.rnd(a, 12, 1, 99) || ' ' || gen.rnd(a, 13, 1000000, 9999999)),
       gen.nullif_frac(a, 14, 0.20, 1950 + least(55, greatest(0, round(35 + 10 * (gen.u(a, 15) + gen.u(a, 16) + gen.u(a, 17) - 1.5))))::int),
       timestamptz '2019-01-01' + (a * interval '2 hours 37 minutes') + gen.rnd(a, 18, 0, 7200) * interval '1 second',
       CASE WHEN gen.u(a, 19) >= 0.15
            THEN timestamptz '2024-01-01' + gen.rnd(a, 20, 0, 365 * 86400) * interval '1 second' END,
       round((1000 / power(gen.u(a, 21) + 0.001, 1.2))::numeric, 3)::float8,
       (ARRAY['AB', 'AC', 'BX', 'CD', 'KL', 'ZZ'])[gen.zipf(a, 22, 6, 1.5)] || '-' ||
         lpad(gen.rnd(a, 23, 0, 9999)::text, 4, '0') || '-' ||
         chr(65 + gen.rnd(a, 24, 0, 25)) || chr(65 + gen.rnd(a, 25, 0, 25)),
       gen.nullif_frac(a, 26, 0.95, 'note ' || md5('note' || a))
FROM generate_series(1, 20000) a,
     LATERAL (SELECT (ARRAY['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael',
                            'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan',
                            'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Emma',
                            'Olivia', 'Noah', 'Liam', 'Sophia', 'Mia', 'Lucas', 'Amelia', 'Ava',
                            'Ethan', 'Hugo', 'Lea', 'Yuki', 'Aarav', 'Priya', 'Mateo', 'Sofia',
                            'Lukas', 'Anna', 'Oskar'])[gen.zipf(a, 1, 40, 1.2)] AS fn,
                     (ARRAY['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller',
                            'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
                            'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
                            'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
                            'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
                            'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Mueller',
                            'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner',
                            'Becker', 'Schulz', 'Hoffmann', 'Tanaka', 'Suzuki', 'Sato', 'Kumar',
                            'Singh', 'Sharma', 'Patel', 'Silva', 'Santos', 'Oliveira'])[gen.zipf(a, 2, 60, 1.2)] AS ln,
                     gen.u(a, 5) AS u) v
ORDER BY a;

INSERT INTO products
SELECT p, 'SKU-' || upper(left(cat, 3)) || '-' || lpad(p::text, 5, '0'),
       (ARRAY['Deluxe', 'Basic', 'Pro', 'Mini', 'Ultra', 'Eco', 'Smart', 'Classic'])[gen.rnd(p, 2, 1, 8)] || ' ' ||
         (ARRAY['Red', 'Blue', 'Green', 'Black', 'White', 'Silver', 'Gold'])[gen.rnd(p, 3, 1, 7)] || ' ' ||
         (ARRAY['Widget', 'Gadget', 'Lamp', 'Chair', 'Phone Case', 'Headphones', 'Mug', 'Backpack',
                'Charger', 'Notebook'])[gen.rnd(p, 4, 1, 10)],
       cat,
       'brand' || lpad(gen.zipf(p, 5, 50, 1.3)::text, 2, '0'),
       round((5 * exp(gen.u(p, 6) * 5))::numeric, 2),
       gen.u(p, 7) < 0.85,
       gen.nullif_frac(p, 8, 0.30, round((1 + 4 * sqrt(gen.u(p, 9)))::numeric, 1)::real),
       CASE WHEN gen.u(p, 10) < 0.10 THEN date '2020-01-01' + gen.rnd(p, 11, 0, 1800) END
FROM generate_series(1, 5000) p,
     LATERAL (SELECT (ARRAY['electronics', 'books', 'home', 'clothing', 'toys', 'sports', 'garden',
                            'beauty', 'grocery', 'automotive', 'music', 'office', 'pets', 'health',
                            'jewelry', 'tools', 'baby', 'games', 'outdoor', 'crafts'])[gen.zipf(p, 1, 20, 1.4)] AS cat) c
ORDER BY p;

-- Purchases: buyers and products are Zipf (account 1 and product 1 are the hottest).
INSERT INTO purchases
SELECT x, acct, prod, q,
       round(q * (5 * exp(gen.u(prod, 6) * 5))::numeric, 2),
       CASE WHEN gen.u(x, 4) < 0.70 THEN 'web' WHEN gen.u(x, 4) < 0.85 THEN 'ios'
            WHEN gen.u(x, 4) < 0.97 THEN 'android' ELSE 'phone' END,
       CASE WHEN gen.u(x, 5) < 0.15
            THEN (ARRAY['WELCOME10', 'SPRING', 'SUMMER24', 'VIP', 'BLACKFRIDAY', 'FREESHIP',
                        'STUDENT', 'LOYAL5'])[gen.zipf(x, 6, 8, 1.5)] END,
       CASE WHEN gen.u(x, 7) < 0.01 THEN NULL ELSE gen.u(x, 8) < 0.03 END,
       timestamptz '2023-01-01' + x * interval '8 minutes 45 seconds' + gen.rnd(x, 9, 0, 3600) * interval '1 second'
FROM generate_series(1, 60000) x,
     LATERAL (SELECT gen.zipf(x, 1, 20000, 1.0) AS acct, gen.zipf(x, 2, 5000, 1.2) AS prod,
                     least(10, gen.zipf(x, 3, 10, 2.0)) AS q) v
ORDER BY x;

-- Events: a year of web events in time order; accounts are Zipf, kinds and status codes skewed.
INSERT INTO events
SELECT e, gen.zipf(e, 1, 20000, 1.1), kind,
       CASE kind
         WHEN 'page_view' THEN (ARRAY['/products/', '/category/', '/blog/'])[gen.rnd(e, 3, 1, 3)] || gen.zipf(e, 4, 5000, 1.0)
         WHEN 'search' THEN '/search?q=' || (ARRAY['shoes', 'lamp', 'phone', 'gift', 'chair', 'mug'])[gen.zipf(e, 5, 6, 1.3)]
         WHEN 'purchase' THEN '/checkout/complete'
         WHEN 'login' THEN '/account/login'
         WHEN 'error' THEN '/api/v' || gen.rnd(e, 6, 1, 3) || '/orders/' || gen.rnd(e, 7, 1, 99999)
         ELSE '/account/' || kind END,
       CASE WHEN kind = 'error' THEN (ARRAY[500, 502, 503, 504])[gen.zipf(e, 8, 4, 1.5)]
            WHEN gen.u(e, 9) < 0.92 THEN 200 WHEN gen.u(e, 9) < 0.97 THEN 404
            WHEN gen.u(e, 9) < 0.99 THEN 301 ELSE 302 END,
       gen.nullif_frac(e, 10, 0.30, floor(20 / power(gen.u(e, 11) + 0.0005, 0.8))::int),
       gen.u(e, 12) < 0.40,
       (ARRAY['Chrome/120', 'Safari/17', 'Firefox/121', 'Edge/120', 'Chrome Mobile/120',
              'Mobile Safari/17', 'Samsung Internet/23', 'curl/8.4', 'Googlebot/2.1', 'Opera/105'])[gen.zipf(e, 13, 10, 1.4)],
       CASE WHEN gen.u(e, 14) < 0.60 THEN NULL
            ELSE 'https://' || (ARRAY['www.google.com', 'news.ycombinator.com', 't.co', 'www.bing.com',
                                      'duckduckgo.com', 'www.reddit.com'])[gen.zipf(e, 15, 6, 1.5)] || '/' END,
       'sess-' || left(md5('session' || (e / 7)), 16),
       timestamptz '2024-01-01' + e * interval '157 seconds' + gen.rnd(e, 16, 0, 120) * interval '1 second'
FROM generate_series(1, 200000) e,
     LATERAL (SELECT CASE WHEN gen.u(e, 2) < 0.55 THEN 'page_view' WHEN gen.u(e, 2) < 0.75 THEN 'click'
                          WHEN gen.u(e, 2) < 0.85 THEN 'search' WHEN gen.u(e, 2) < 0.92 THEN 'login'
                          WHEN gen.u(e, 2) < 0.96 THEN 'logout' WHEN gen.u(e, 2) < 0.985 THEN 'purchase'
                          WHEN gen.u(e, 2) < 0.995 THEN 'error' ELSE 'signup' END AS kind) k
ORDER BY e;

DROP SCHEMA gen CASCADE;

CREATE INDEX accounts_country_plan_idx ON accounts (country, plan);
CREATE INDEX accounts_signup_at_idx ON accounts (signup_at);
CREATE INDEX accounts_lower_email_idx ON accounts (lower(email));
CREATE INDEX accounts_last_name_idx ON accounts (last_name);
CREATE INDEX accounts_referrer_idx ON accounts (referrer_id) WHERE referrer_id IS NOT NULL;
CREATE INDEX products_category_price_idx ON products (category, price);
CREATE INDEX purchases_account_idx ON purchases (account_id);
CREATE INDEX purchases_product_idx ON purchases (product_id);
CREATE INDEX purchases_purchased_at_idx ON purchases (purchased_at);
CREATE INDEX purchases_coupon_idx ON purchases (coupon_code) WHERE coupon_code IS NOT NULL;
CREATE INDEX events_account_created_idx ON events (account_id, created_at);
CREATE INDEX events_created_at_idx ON events (created_at);
CREATE INDEX events_errors_idx ON events (created_at) WHERE status_code >= 500;

-- ANALYZE samples 300 x the largest statistics target rows, at random. One column per large
-- table gets a target high enough for the sample to be the whole table, so the statistics are
-- deterministic too (both columns are low-cardinality: their MCV lists stay short); every
-- other column keeps the default target of 100.
ALTER TABLE events ALTER COLUMN kind SET STATISTICS 667;        -- 200100 >= 200000 rows
ALTER TABLE purchases ALTER COLUMN channel SET STATISTICS 200;  -- 60000 rows

VACUUM ANALYZE;
