parse --format json "SELECT a + 1 FROM t WHERE b IN (1, 2) -- note"
