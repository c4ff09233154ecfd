parse --format xml "SELECT 1"
