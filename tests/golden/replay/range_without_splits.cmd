replay samples/traces/shop.jsonl --route strategy=range,key=id
