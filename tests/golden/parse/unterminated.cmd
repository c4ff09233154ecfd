parse -f tests/golden/parse/unterminated.sql
