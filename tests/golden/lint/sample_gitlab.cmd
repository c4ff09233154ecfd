lint --format gitlab samples/lint/migrations
