replay tests/data/trace/pg_min_duration.log --route strategy=jump,shards=2,key=customer_id
