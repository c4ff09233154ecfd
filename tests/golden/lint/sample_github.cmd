lint --format github --max-annotations 3 samples/lint/app-queries
