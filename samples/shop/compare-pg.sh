#!/usr/bin/env bash
# Checks that a PostgreSQL database loaded with schema.sql and data-pg.sql holds exactly the rows
# of shop.db: every table, row by row, with PostgreSQL's booleans and numerics printed the way
# SQLite stores them.
#   createdb shop && psql -d shop -f schema.sql -f data-pg.sql
#   samples/shop/compare-pg.sh -d shop            # arguments go to psql (-h, -p, -U, -d ...)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ts="to_char(created_at, 'YYYY-MM-DD HH24:MI:SS')"
tables=(customers products orders order_items reviews)
pg=(
  "SELECT customer_id, name, email, coalesce(phone, '~'), country, $ts, is_active::int FROM customers ORDER BY 1"
  "SELECT product_id, sku, name, category, price::text, stock FROM products ORDER BY 1"
  "SELECT order_id, customer_id, status, order_date::text, total::text FROM orders ORDER BY 1"
  "SELECT order_id, line_no, product_id, quantity, unit_price::text FROM order_items ORDER BY 1, 2"
  "SELECT review_id, product_id, customer_id, rating, coalesce(body, '~'), $ts FROM reviews ORDER BY 1")
lite=(
  "SELECT customer_id, name, email, coalesce(phone, '~'), country, created_at, is_active FROM customers ORDER BY 1"
  "SELECT product_id, sku, name, category, printf('%.2f', price), stock FROM products ORDER BY 1"
  "SELECT order_id, customer_id, status, order_date, printf('%.2f', total) FROM orders ORDER BY 1"
  "SELECT order_id, line_no, product_id, quantity, printf('%.2f', unit_price) FROM order_items ORDER BY 1, 2"
  "SELECT review_id, product_id, customer_id, rating, coalesce(body, '~'), created_at FROM reviews ORDER BY 1")
status=0
for i in "${!tables[@]}"; do
  psql -X -q -At -F '|' -v ON_ERROR_STOP=1 "$@" -c "${pg[$i]}" >"$tmp/pg.txt"
  sqlite3 -separator '|' "$here/shop.db" "${lite[$i]}" >"$tmp/sqlite.txt"
  if cmp -s "$tmp/pg.txt" "$tmp/sqlite.txt"; then
    echo "${tables[$i]}: $(wc -l <"$tmp/pg.txt") rows, identical"
  else
    echo "${tables[$i]}: DIFFERENT (first differences below)"
    diff "$tmp/pg.txt" "$tmp/sqlite.txt" | head -6 || true
    status=1
  fi
done
exit $status
