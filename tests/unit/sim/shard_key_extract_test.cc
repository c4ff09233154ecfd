#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dbopt/sim/shard_key_extract.h"
#include "dbopt/sql/parser.h"

namespace dbopt::sim {
namespace {

struct Extracted {
  KeyOutcome outcome = KeyOutcome::kScatter;
  std::vector<std::string> keys;  // "i:42" or "t:abc"
  bool join = false;
};

Extracted Extract(const std::string& sql, const std::string& column = "id") {
  Result<sql::Statement> statement = sql::ParseStatement(sql);
  REQUIRE(statement.ok());
  sql::LiteralScan scan;
  sql::ScanLiterals(sql, &scan);
  const ShardKeyPlan plan = PlanShardKey(*statement, sql, scan, column);
  std::vector<Key> keys;
  Extracted out;
  out.outcome = KeysOf(plan, sql, scan, &keys);
  out.join = plan.join;
  for (const Key& k : keys) out.keys.push_back(k.is_text ? "t:" + k.text : "i:" + k.ToText());
  return out;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_SUITE("sim shard-key extraction") {
  TEST_CASE("equality gives one key; IN, ANY(ARRAY) and OR give several") {
    CHECK(Extract("SELECT * FROM t WHERE id = 42").keys == Keys{"i:42"});
    CHECK(Extract("SELECT * FROM t WHERE 42 = t.id AND x > 3").keys == Keys{"i:42"});
    CHECK(Extract("SELECT * FROM t WHERE x > 3 AND id = -7").keys == Keys{"i:-7"});
    CHECK(Extract("SELECT * FROM t WHERE id IN (1, 2, 3)").keys == Keys{"i:1", "i:2", "i:3"});
    CHECK(Extract("SELECT * FROM t WHERE id = ANY(ARRAY[5, 6])").keys == Keys{"i:5", "i:6"});
    CHECK(Extract("SELECT * FROM t WHERE id = 1 OR id = 2").keys == Keys{"i:1", "i:2"});
    CHECK(Extract("SELECT * FROM t WHERE id = 'a''b'").keys == Keys{"t:a'b"});
    CHECK(Extract("SELECT * FROM t WHERE id = '42'::bigint").keys == Keys{"i:42"});
    CHECK(Extract("SELECT * FROM t WHERE id = '42'").keys == Keys{"t:42"});
    CHECK(Extract("SELECT * FROM t WHERE id = 4.5").keys == Keys{"t:4.5"});
  }
  TEST_CASE("no condition on the key scatters; parameters scatter with their own outcome") {
    CHECK(Extract("SELECT * FROM t WHERE x = 1").outcome == KeyOutcome::kScatter);
    CHECK(Extract("SELECT * FROM t WHERE id > 1").outcome == KeyOutcome::kScatter);
    CHECK(Extract("SELECT * FROM t WHERE id NOT IN (1)").outcome == KeyOutcome::kScatter);
    CHECK(Extract("SELECT * FROM t WHERE id = 1 OR x = 2").outcome == KeyOutcome::kScatter);
    CHECK(Extract("SELECT * FROM t").outcome == KeyOutcome::kScatter);
    CHECK(Extract("SELECT * FROM t WHERE id = $1").outcome == KeyOutcome::kParameter);
    CHECK(Extract("SELECT * FROM t WHERE id = ANY($1)").outcome == KeyOutcome::kParameter);
    CHECK(Extract("SELECT * FROM t WHERE id = $1 AND id = 3").keys == Keys{"i:3"});
  }
  TEST_CASE("INSERT VALUES, UPDATE, DELETE, utility statements") {
    CHECK(Extract("INSERT INTO t (a, id) VALUES (1, 10), (2, 11)").keys == Keys{"i:10", "i:11"});
    CHECK(Extract("INSERT INTO t (a) VALUES (1)").outcome == KeyOutcome::kScatter);
    CHECK(Extract("UPDATE t SET a = 5 WHERE id = 8").keys == Keys{"i:8"});
    CHECK(Extract("DELETE FROM t WHERE id IN ('x', 'y')").keys == Keys{"t:x", "t:y"});
    CHECK(Extract("BEGIN").outcome == KeyOutcome::kNotRouted);
    CHECK(Extract("SET work_mem = '4MB'").outcome == KeyOutcome::kNotRouted);
  }
  TEST_CASE("joins are marked; a key in an inner join's ON counts") {
    const Extracted j = Extract("SELECT * FROM a JOIN b ON b.aid = a.id AND a.id = 3");
    CHECK(j.join);
    CHECK(j.keys == Keys{"i:3"});
    CHECK(Extract("SELECT * FROM a, b WHERE a.x = b.x").join);
    CHECK(!Extract("SELECT * FROM a WHERE id = 1").join);
  }
  TEST_CASE("the plan of one text reads the keys of another text of the same shape") {
    const std::string first = "SELECT * FROM t WHERE id = 1 AND s = 'q'";
    Result<sql::Statement> statement = sql::ParseStatement(first);
    REQUIRE(statement.ok());
    sql::LiteralScan scan;
    sql::ScanLiterals(first, &scan);
    ShardKeyExtractor extractor("s");
    extractor.Plan(0, 0, &*statement, first, scan);
    const std::string second = "SELECT *   FROM t WHERE id = 99 AND s = 'zz' -- c";
    sql::ScanLiterals(second, &scan);
    const ShardKeyPlan& plan = extractor.Plan(0, 0, nullptr, second, scan);
    std::vector<Key> keys;
    REQUIRE(KeysOf(plan, second, scan, &keys) == KeyOutcome::kKeys);
    REQUIRE(keys.size() == 1);
    CHECK(keys[0] == Key::Text("zz"));
    CHECK(extractor.Plan(1, 0, nullptr, second, scan).outcome == KeyOutcome::kNotAnalysed);
    CHECK(extractor.Plan(0, 1, nullptr, second, scan).outcome == KeyOutcome::kNotAnalysed);
  }
  TEST_CASE("an undecodable key literal is not analysed; key text to key") {
    CHECK(Extract("SELECT * FROM t WHERE id = E'\\x41'").outcome == KeyOutcome::kNotAnalysed);
    CHECK(KeyFromText("42") == Key::Int(42));
    CHECK(KeyFromText("-3") == Key::Int(-3));
    CHECK(KeyFromText("007") == Key::Text("007"));
    CHECK(KeyFromText("99999999999999999999") == Key::Text("99999999999999999999"));
    CHECK(KeyFromText("abc") == Key::Text("abc"));
  }
}

}  // namespace dbopt::sim
