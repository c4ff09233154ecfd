#include "dbopt/catalog/pg_btree_height.h"

#include <doctest/doctest.h>

namespace dbopt::catalog {
namespace {

TEST_CASE("pg btree height: a metapage and a root leaf have height 0") {
  CHECK(EstimateBtreeHeight(0, -1) == 0);
  CHECK(EstimateBtreeHeight(1, 0) == 0);
  CHECK(EstimateBtreeHeight(2, 300) == 0);
}

TEST_CASE("pg btree height: integer keys, as PostgreSQL 15 builds them") {
  // Measured with pageinspect on PG 15 (int4 primary keys, fastlevel in parentheses):
  // 100k rows: 276 pages (1); 1M rows: 2745 pages (2); 10M rows: 27421 pages (2).
  CHECK(EstimateBtreeHeight(276, 100000) == 1);
  CHECK(EstimateBtreeHeight(2745, 1000000) == 2);
  CHECK(EstimateBtreeHeight(27421, 1e7) == 2);
}

TEST_CASE("pg btree height: fanout is clamped and defaulted") {
  // Deduplicated leaves (one value) hold thousands of tuples, inner pages at most 407 downlinks.
  CHECK(EstimateBtreeHeight(1001, 1e8) == 2);
  // Wide keys: at least 2 downlinks per inner page.
  CHECK(EstimateBtreeHeight(9, 1) == 3);
  // Never analysed (-1): the default fanout.
  CHECK(EstimateBtreeHeight(400, -1) == 2);
  CHECK(EstimateBtreeHeight(300, -1) == 1);
}

}  // namespace
}  // namespace dbopt::catalog
