lint --format text
