replay samples/traces/shop.jsonl --top 1 --route strategy=directory,shards=3,key=customer_id --directory tests/golden/replay/directory.csv
