lint samples/lint
