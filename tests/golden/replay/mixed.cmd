replay tests/golden/replay/mixed.log
