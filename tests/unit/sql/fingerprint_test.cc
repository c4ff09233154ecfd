// Fingerprints and normalization, as libpg_query computes them (behaviour verified here).
#include <doctest/doctest.h>

#include "dbopt/sql/fingerprint.h"

namespace dbopt::sql {
namespace {

std::string Fp(const char* sql) {
  Result<std::string> r = Fingerprint(sql);
  REQUIRE(r.ok());
  return *r;
}

TEST_CASE("same shape, different literals: same fingerprint") {
  CHECK(Fp("SELECT * FROM t WHERE a = 1") == Fp("SELECT * FROM t WHERE a = 'x'"));
  CHECK(Fp("SELECT * FROM t WHERE a = 1") == Fp("SELECT * FROM t WHERE a = $1"));
  CHECK(Fp("select * from T where A = 2 -- comment") == Fp("SELECT *\n  FROM t\n WHERE a = 7"));
  CHECK(Fp("SELECT * FROM t WHERE a = 1").size() == 16);
}

TEST_CASE("IN lists of constants fingerprint alike whatever their length") {
  // libpg_query ignores constants and collapses lists of them: this is what it really does.
  CHECK(Fp("SELECT * FROM t WHERE a IN (1, 2, 3)") == Fp("SELECT * FROM t WHERE a IN (1, 2)"));
  CHECK(Fp("SELECT * FROM t WHERE a IN (1, 2, 3)") == Fp("SELECT * FROM t WHERE a IN ($1)"));
  CHECK(Fp("INSERT INTO t VALUES (1), (2), (3)") == Fp("INSERT INTO t VALUES (4)"));
}

TEST_CASE("different shape: different fingerprint") {
  CHECK(Fp("SELECT * FROM t WHERE a = 1") != Fp("SELECT * FROM t WHERE b = 1"));
  CHECK(Fp("SELECT * FROM t WHERE a = 1") != Fp("SELECT * FROM u WHERE a = 1"));
  CHECK(Fp("SELECT * FROM t WHERE a = 1") != Fp("SELECT * FROM t WHERE a > 1"));
  CHECK(Fp("SELECT a FROM t") != Fp("SELECT a FROM t ORDER BY a"));
  CHECK(Fp("SELECT count(*) FROM t") != Fp("SELECT sum(a) FROM t"));
}

TEST_CASE("normalization replaces constants with numbered parameters") {
  Result<std::string> n = Normalize("SELECT * FROM t WHERE a = 1 AND b IN ('x', 'y') LIMIT 10");
  REQUIRE(n.ok());
  CHECK(*n == "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3) LIMIT $4");
  Result<std::string> p = Normalize("SELECT * FROM t WHERE a = $1 AND b = 'x'");
  REQUIRE(p.ok());
  CHECK(*p == "SELECT * FROM t WHERE a = $1 AND b = $2");
}

TEST_CASE("syntax errors are errors") {
  Result<std::string> r = Fingerprint("SELEC 1");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message() == "syntax error at or near \"SELEC\"");
  CHECK_FALSE(Normalize("SELECT 'unterminated").ok());
}

}  // namespace
}  // namespace dbopt::sql
