parse -f tests/golden/parse/expressions.sql
