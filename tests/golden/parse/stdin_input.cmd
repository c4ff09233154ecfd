parse -f -
