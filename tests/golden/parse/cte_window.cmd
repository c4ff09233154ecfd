parse -f tests/golden/parse/cte_window.sql
