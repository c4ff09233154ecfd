lint --format json samples/lint
