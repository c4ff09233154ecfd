replay tests/data/trace/pgbench.log --pool max=1
