lint tests/golden/lint/syntax_only.sql
