parse -f tests/golden/parse/unicode.sql
