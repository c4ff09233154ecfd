-- FULL JOIN of two small tables.
SELECT r_name, n_name FROM region FULL JOIN nation ON n_regionkey = r_regionkey;
