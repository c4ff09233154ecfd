// Shard-key extraction from the AST (docs/routing-model.md "Shard keys from SQL"): with
// key=COLUMN, a condition `COLUMN = constant` gives one key, `COLUMN IN (…)`, `COLUMN = ANY
// (ARRAY[…])` and an OR of such conditions give several, an INSERT … VALUES gives the key
// column's value of each row; no such condition means scatter (every shard). A parameter ($1)
// has no value in a trace, so `COLUMN = $1` scatters too (counted with its own reason).
//
// Extraction is planned once per statement shape (sql::ScanLiterals): the plan records which
// literals of the text hold the key values, and later texts of the shape read their keys from
// their own scan, without parsing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/sim/shard_key.h"
#include "dbopt/sql/ast_statement.h"
#include "dbopt/sql/literal_scan.h"

namespace dbopt::sim {

enum class KeyOutcome : uint8_t {
  kKeys,         // one or more keys
  kScatter,      // a routed statement with no condition on the key: every shard
  kParameter,    // the key is compared with a parameter $n, whose value the trace lacks: scatter
  kNotAnalysed,  // dbopt's AST does not cover the statement, or a key literal cannot be
                 // decoded (E'\x41'): scatter
  kNotRouted,    // not a query (BEGIN, SET, …): no shard is charged
};

const char* KeyOutcomeName(KeyOutcome outcome);

// Where one key value is in the text: the index of its literal in the scan.
struct KeySlot {
  uint32_t literal = 0;
  bool negate = false;      // written -5: the literal is 5
  bool as_integer = false;  // a quoted value cast to an integer type: '42'::int
};

struct ShardKeyPlan {
  KeyOutcome outcome = KeyOutcome::kScatter;
  std::vector<KeySlot> slots;  // kKeys
  bool join = false;           // the statement reads more than one relation
};

// Plans the extraction for `statement`, parsed from `text` whose scan is `scan`; `column` is
// the key column (compared with the last name of a column reference).
ShardKeyPlan PlanShardKey(const sql::Statement& statement, std::string_view text,
                          const sql::LiteralScan& scan, std::string_view column);

// The keys of a text of the plan's shape, appended to `keys` (cleared first). Returns the
// outcome: kKeys, or kNotAnalysed when a literal cannot be decoded.
KeyOutcome KeysOf(const ShardKeyPlan& plan, std::string_view text, const sql::LiteralScan& scan,
                  std::vector<Key>* keys);

// A key from a value's text: an integer when it is one (optional '-', digits, in int64 range),
// otherwise the text. Used for the trace's shard_key field and for number literals.
Key KeyFromText(std::string_view text);

// Plans per shape, cached by shape id (FingerprintCache); the cache starts over when the shape
// ids do (a new epoch).
class ShardKeyExtractor {
 public:
  explicit ShardKeyExtractor(std::string column) : column_(std::move(column)) {}

  // `parsed` is the AST when this shape was just parsed (a cache miss), else null.
  const ShardKeyPlan& Plan(uint32_t shape_id, uint64_t epoch, const sql::Statement* parsed,
                           std::string_view text, const sql::LiteralScan& scan);
  const std::string& column() const { return column_; }

 private:
  std::string column_;
  uint64_t epoch_ = 0;
  std::vector<ShardKeyPlan> plans_;
  std::vector<char> planned_;
};

}  // namespace dbopt::sim
