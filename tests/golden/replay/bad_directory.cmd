replay samples/traces/shop.jsonl --route strategy=directory,shards=3,key=id --directory tests/golden/replay/bad_directory.csv
