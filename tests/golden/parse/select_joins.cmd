parse -f tests/golden/parse/select_joins.sql
