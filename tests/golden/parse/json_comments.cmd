parse --format json -f tests/golden/parse/comments.sql
