# shellcheck shell=bash
# The acceptance tests' PostgreSQL databases, shared by tests/acceptance/explain/run.sh and
# tests/acceptance/recommend/run.sh. Source it after tests/integration/pg_server.sh and start
# the server first. The schemas and their deterministic data are explain/schema/<name>.sql:
#   tpch  TPC-H-shaped, scale factor 0.05 (lineitem about 300000 rows)
#   skew  skewed, nullable and text-patterned data (events 200000 rows)
#
#   acceptance_load_database NAME LOG      # CREATE DATABASE NAME, run schema/NAME.sql into it
#   acceptance_drop_secondary_indexes DB   # drop the indexes that back no constraint, ANALYZE

ACCEPTANCE_SCHEMA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/explain/schema" && pwd)

acceptance_load_database() {
  local name=$1 log=$2
  pg_psql -d postgres -c "CREATE DATABASE $name" >"$log" 2>&1 &&
    pg_psql -d "$name" -f "$ACCEPTANCE_SCHEMA_DIR/$name.sql" >>"$log" 2>&1
}

acceptance_drop_secondary_indexes() {
  pg_psql -d "$1" -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT i.indexrelid::regclass AS name
           FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public'
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
           ORDER BY 1
  LOOP
    EXECUTE 'DROP INDEX ' || r.name;
  END LOOP;
END $$;
ANALYZE;
SQL
}
