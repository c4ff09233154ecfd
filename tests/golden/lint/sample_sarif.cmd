lint --format sarif samples/lint/app-queries/customers.sql
