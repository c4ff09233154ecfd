parse -f tests/golden/parse/dollar_quotes.sql
