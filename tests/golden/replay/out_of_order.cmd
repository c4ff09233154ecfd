replay tests/golden/replay/out_of_order.jsonl --strict
