replay samples/traces/shop.jsonl --synthetic poisson:rate=80/s,hold=exp:100ms
