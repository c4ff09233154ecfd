parse -f tests/golden/parse/not_analysed.sql
