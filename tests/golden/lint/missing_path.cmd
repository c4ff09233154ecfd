lint samples/lint/no-such-dir
