replay --synthetic poisson:rate=80/s,hold=exp:100ms --requests 2000 --sweep 8..16 --slo "p99_wait<50ms" --seed 7
