replay samples/traces/shop.jsonl --route strategy=range,key=id --range-splits tests/golden/replay/splits.txt --reshard shards=4
