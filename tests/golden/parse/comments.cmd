parse -f tests/golden/parse/comments.sql
