// The planner settings of PostgreSQL 15 and SET's value syntax (guc.c: parse_int, parse_real,
// parse_bool, convert_to_base_unit). Names, defaults, units and ranges were read from a
// PostgreSQL 15.20 server's pg_settings.
#include "dbopt/catalog/settings.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "dbopt/base/did_you_mean.h"

namespace dbopt::catalog {

namespace {

constexpr double kIntMax = INT_MAX;
constexpr double kMaxReal = DBL_MAX;
// PG15: MAX_KILOBYTES / (BLCKSZ / 1024) for the *_scan_size settings.
constexpr double kMaxScanBlocks = 715827882;

using T = SettingType;

SettingDef Bool(const char* name, const char* def, const char* description) {
  return {name, T::kBool, def, "", description};
}
SettingDef Int(const char* name, const char* def, const char* unit, double min, double max,
               const char* description) {
  return {name, T::kInteger, def, unit, description, min, max};
}
SettingDef Real(const char* name, const char* def, double min, double max,
                const char* description) {
  return {name, T::kReal, def, "", description, min, max};
}
SettingDef Enum(const char* name, const char* def, const char* values, const char* description) {
  return {name, T::kEnum, def, "", description, 0, 0, values};
}

std::vector<SettingDef> MakeKnownSettings() {
  return {
      Int("block_size", "8192", "", 1024, 32768, "size of a disk block (compile-time)"),
      Enum("constraint_exclusion", "partition", "partition,on,off",
           "use table constraints to skip partitions or tables"),
      Real("cpu_index_tuple_cost", "0.005", 0, kMaxReal, "cost of processing each index entry"),
      Real("cpu_operator_cost", "0.0025", 0, kMaxReal, "cost of each operator or function call"),
      Real("cpu_tuple_cost", "0.01", 0, kMaxReal, "cost of processing each row"),
      Real("cursor_tuple_fraction", "0.1", 0, 1, "fraction of a cursor's rows to be fetched"),
      Int("default_statistics_target", "100", "", 1, 10000, "default statistics target"),
      Int("effective_cache_size", "524288", "8kB", 1, kIntMax, "assumed size of the data caches"),
      Int("effective_io_concurrency", "1", "", 0, 1000, "concurrent disk requests"),
      Bool("enable_async_append", "on", "async append plans"),
      Bool("enable_bitmapscan", "on", "bitmap scans"),
      Bool("enable_gathermerge", "on", "gather merge plans"),
      Bool("enable_hashagg", "on", "hashed aggregation"),
      Bool("enable_hashjoin", "on", "hash joins"),
      Bool("enable_incremental_sort", "on", "incremental sort steps"),
      Bool("enable_indexonlyscan", "on", "index-only scans"),
      Bool("enable_indexscan", "on", "index scans"),
      Bool("enable_material", "on", "materialization"),
      Bool("enable_memoize", "on", "memoization"),
      Bool("enable_mergejoin", "on", "merge joins"),
      Bool("enable_nestloop", "on", "nested-loop joins"),
      Bool("enable_parallel_append", "on", "parallel append plans"),
      Bool("enable_parallel_hash", "on", "parallel hash plans"),
      Bool("enable_partition_pruning", "on", "partition pruning"),
      Bool("enable_partitionwise_aggregate", "off", "partitionwise aggregation"),
      Bool("enable_partitionwise_join", "off", "partitionwise joins"),
      Bool("enable_seqscan", "on", "sequential scans"),
      Bool("enable_sort", "on", "explicit sort steps"),
      Bool("enable_tidscan", "on", "TID scans"),
      Enum("force_parallel_mode", "off", "off,on,regress", "force parallel query (testing)"),
      Int("from_collapse_limit", "8", "", 1, kIntMax,
          "FROM-list size beyond which subqueries stay"),
      Bool("geqo", "on", "genetic query optimization"),
      Int("geqo_effort", "5", "", 1, 10, "GEQO: effort"),
      Int("geqo_generations", "0", "", 0, kIntMax, "GEQO: iterations (0: default)"),
      Int("geqo_pool_size", "0", "", 0, kIntMax, "GEQO: population size (0: default)"),
      Real("geqo_seed", "0", 0, 1, "GEQO: random seed"),
      Real("geqo_selection_bias", "2", 1.5, 2, "GEQO: selective pressure"),
      Int("geqo_threshold", "12", "", 2, kIntMax, "FROM items beyond which GEQO is used"),
      Real("hash_mem_multiplier", "2", 1, 1000, "multiple of work_mem for hash tables"),
      Bool("jit", "on", "JIT compilation"),
      Real("jit_above_cost", "100000", -1, kMaxReal, "query cost above which JIT is used"),
      Real("jit_inline_above_cost", "500000", -1, kMaxReal, "query cost above which JIT inlines"),
      Real("jit_optimize_above_cost", "500000", -1, kMaxReal,
           "query cost above which JIT optimizes"),
      Int("join_collapse_limit", "8", "", 1, kIntMax, "FROM-list size beyond which JOINs stay"),
      Int("maintenance_work_mem", "65536", "kB", 1024, kIntMax,
          "memory for maintenance operations"),
      Int("max_parallel_workers", "8", "", 0, 1024, "parallel workers active at one time"),
      Int("max_parallel_workers_per_gather", "2", "", 0, 1024, "parallel workers per Gather"),
      Int("max_worker_processes", "8", "", 0, 262143, "background worker processes"),
      Int("min_parallel_index_scan_size", "64", "8kB", 0, kMaxScanBlocks,
          "index data needed for a parallel scan"),
      Int("min_parallel_table_scan_size", "1024", "8kB", 0, kMaxScanBlocks,
          "table data needed for a parallel scan"),
      Bool("parallel_leader_participation", "on", "Gather also runs the subplan"),
      Real("parallel_setup_cost", "1000", 0, kMaxReal, "cost of starting parallel workers"),
      Real("parallel_tuple_cost", "0.1", 0, kMaxReal, "cost of passing a row from a worker"),
      Enum("plan_cache_mode", "auto", "auto,force_generic_plan,force_custom_plan",
           "custom or generic plans for prepared statements"),
      Real("random_page_cost", "4", 0, kMaxReal, "cost of a non-sequentially fetched page"),
      Real("recursive_worktable_factor", "10", 0.001, 1e6, "size of a recursive work table"),
      Real("seq_page_cost", "1", 0, kMaxReal, "cost of a sequentially fetched page"),
      Int("work_mem", "4096", "kB", 64, kIntMax, "memory for each sort or hash"),
  };
}

std::vector<std::string> KnownNames() {
  std::vector<std::string> names;
  for (const SettingDef& def : KnownSettings()) names.push_back(def.name);
  return names;
}

// pg_settings.min_val / max_val as PostgreSQL prints them ("%g").
std::string FormatLimit(double v) {
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{:g}", v);
}

Error InvalidValue(const SettingDef& def, const std::string& value, std::string hint = {}) {
  Error e =
      Error::BadInput(fmt::format("invalid value for parameter \"{}\": \"{}\"", def.name, value));
  e.diagnostic.hint = std::move(hint);
  return e;
}

// Bytes per unit for memory settings; SET accepts these unit names, case-sensitively.
struct MemoryUnit {
  const char* name;
  double bytes;
};
constexpr MemoryUnit kMemoryUnits[] = {{"TB", 1024.0 * 1024 * 1024 * 1024},
                                       {"GB", 1024.0 * 1024 * 1024},
                                       {"MB", 1024.0 * 1024},
                                       {"kB", 1024.0},
                                       {"B", 1.0}};

double BaseUnitBytes(const SettingDef& def) {
  if (std::strcmp(def.unit, "kB") == 0) return 1024;
  if (std::strcmp(def.unit, "8kB") == 0) return 8192;
  return 0;  // no unit
}

const char* SkipSpaces(const char* p) {
  while (*p != '\0' && std::isspace(static_cast<unsigned char>(*p))) ++p;
  return p;
}

// parse_int / parse_real: a number (strtol base 0 for integers, so 0x1F and 010 work as in
// PostgreSQL; else strtod), optional spaces, an optional unit, optional spaces.
Result<double> ParseNumberWithUnit(const SettingDef& def, const std::string& value) {
  const char* begin = value.c_str();
  char* end = nullptr;
  errno = 0;
  double number = 0;
  bool parsed_as_integer = false;
  if (def.type == T::kInteger) {
    const long long v = std::strtoll(begin, &end, 0);
    if (end != begin && errno != ERANGE && *end != '.' && *end != 'e' && *end != 'E') {
      number = static_cast<double>(v);
      parsed_as_integer = true;
    }
  }
  if (!parsed_as_integer) {
    errno = 0;
    number = std::strtod(begin, &end);
  }
  if (end == begin || errno == ERANGE || std::isnan(number)) return InvalidValue(def, value);
  const char* rest = SkipSpaces(end);
  if (*rest == '\0') return number;
  const double base = BaseUnitBytes(def);
  constexpr char kUnitsHint[] =
      "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";
  if (base == 0) return InvalidValue(def, value);
  for (const MemoryUnit& unit : kMemoryUnits) {
    const size_t length = std::strlen(unit.name);
    if (std::strncmp(rest, unit.name, length) == 0 && *SkipSpaces(rest + length) == '\0') {
      return number * unit.bytes / base;
    }
  }
  return InvalidValue(def, value, kUnitsHint);
}

Result<std::string> ParseInteger(const SettingDef& def, const std::string& value) {
  Result<double> number = ParseNumberWithUnit(def, value);
  if (!number) return std::move(number).error();
  const double rounded = std::rint(*number);  // PG rounds to nearest, ties to even
  if (rounded > INT_MAX || rounded < INT_MIN) {
    return InvalidValue(def, value, "Value exceeds integer range.");
  }
  if (rounded < def.min_value || rounded > def.max_value) {
    const std::string unit = def.unit[0] != '\0' ? std::string(" ") + def.unit : "";
    return Error::BadInput(
        fmt::format("{:.0f}{} is outside the valid range for parameter \"{}\" ({:.0f} .. {:.0f})",
                    rounded, unit, def.name, def.min_value, def.max_value));
  }
  const auto integer = static_cast<long long>(rounded);
  if (std::strcmp(def.name, "block_size") == 0 && (integer & (integer - 1)) != 0) {
    return InvalidValue(def, value, "The block size is a power of two from 1024 to 32768.");
  }
  return std::to_string(integer);
}

Result<std::string> ParseReal(const SettingDef& def, const std::string& value) {
  Result<double> number = ParseNumberWithUnit(def, value);
  if (!number) return std::move(number).error();
  if (*number < def.min_value || *number > def.max_value) {
    return Error::BadInput(fmt::format(
        "{} is outside the valid range for parameter \"{}\" ({} .. {})", FormatLimit(*number),
        def.name, FormatLimit(def.min_value), FormatLimit(def.max_value)));
  }
  return fmt::format("{}", *number + 0.0);  // + 0.0: -0 is stored as 0
}

bool IsPrefixOf(const std::string& value, const char* word, size_t min_length) {
  if (value.size() < min_length || value.size() > std::strlen(word)) return false;
  for (size_t i = 0; i < value.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) != word[i]) return false;
  }
  return true;
}

// parse_bool: case-insensitive prefixes of true/false/yes/no, "on", "off" (at least "of"), 1, 0.
std::optional<bool> ParseBoolWord(const std::string& value) {
  if (IsPrefixOf(value, "true", 1) || IsPrefixOf(value, "yes", 1) || IsPrefixOf(value, "on", 2) ||
      value == "1") {
    return true;
  }
  if (IsPrefixOf(value, "false", 1) || IsPrefixOf(value, "no", 1) || IsPrefixOf(value, "off", 2) ||
      value == "0") {
    return false;
  }
  return std::nullopt;
}

std::vector<std::string> EnumValues(const SettingDef& def) {
  std::vector<std::string> values;
  std::string current;
  for (const char* p = def.enum_values;; ++p) {
    if (*p == ',' || *p == '\0') {
      values.push_back(current);
      current.clear();
      if (*p == '\0') break;
    } else {
      current += *p;
    }
  }
  return values;
}

Result<std::string> ParseEnum(const SettingDef& def, const std::string& value) {
  std::string lower;
  for (char c : value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::vector<std::string> values = EnumValues(def);
  for (const std::string& v : values) {
    if (v == lower) return v;
  }
  // Enums with "on" and "off" also take SET's hidden boolean spellings (guc_tables.c).
  const bool has_on_off = std::find(values.begin(), values.end(), "on") != values.end();
  if (has_on_off) {
    for (const char* yes : {"true", "yes", "1"}) {
      if (lower == yes) return std::string("on");
    }
    for (const char* no : {"false", "no", "0"}) {
      if (lower == no) return std::string("off");
    }
  }
  return InvalidValue(def, value,
                      "Available values: " + fmt::format("{}.", fmt::join(values, ", ")));
}

}  // namespace

const std::vector<SettingDef>& KnownSettings() {
  static const std::vector<SettingDef> settings = MakeKnownSettings();
  return settings;
}

const SettingDef* FindSetting(const std::string& name) {
  for (const SettingDef& def : KnownSettings()) {
    if (name == def.name) return &def;
  }
  return nullptr;
}

std::string ShowSetting(const SettingDef& def, const std::string& value) {
  const double base = BaseUnitBytes(def);
  if (def.type != T::kInteger || base == 0) return value;
  const long long number = std::strtoll(value.c_str(), nullptr, 10);
  if (number == 0) return "0";
  const long double bytes = static_cast<long double>(number) * base;
  for (const MemoryUnit& unit : kMemoryUnits) {
    const long double count = bytes / unit.bytes;
    if (count == std::floor(count))
      return fmt::format("{}{}", static_cast<long long>(count), unit.name);
  }
  return value;
}

Settings::Settings() {
  for (const SettingDef& def : KnownSettings()) values_.emplace(def.name, def.pg15_default);
}

Status Settings::Set(const std::string& name, const std::string& value) {
  const SettingDef* def = FindSetting(name);
  if (def == nullptr) {
    Error e = Error::BadInput(fmt::format("unknown planner setting \"{}\"", name));
    if (auto suggestion = DidYouMean(name, KnownNames())) {
      e.diagnostic.hint = fmt::format("did you mean \"{}\"?", *suggestion);
    }
    return e;
  }
  Result<std::string> parsed = Error::Internal("unhandled setting type");
  switch (def->type) {
    case T::kBool: {
      const std::optional<bool> b = ParseBoolWord(value);
      if (!b)
        return Error::BadInput(fmt::format("parameter \"{}\" requires a Boolean value", name));
      parsed = std::string(*b ? "on" : "off");
      break;
    }
    case T::kInteger:
      parsed = ParseInteger(*def, value);
      break;
    case T::kReal:
      parsed = ParseReal(*def, value);
      break;
    case T::kEnum:
      parsed = ParseEnum(*def, value);
      break;
  }
  if (!parsed) return std::move(parsed).error();
  values_[name] = std::move(parsed).value();
  return Ok{};
}

const std::string& Settings::Get(const std::string& name) const {
  static const std::string kEmpty;
  auto it = values_.find(name);
  return it == values_.end() ? kEmpty : it->second;
}

bool Settings::GetBool(const std::string& name) const { return Get(name) == "on"; }

double Settings::GetReal(const std::string& name) const {
  return std::strtod(Get(name).c_str(), nullptr);
}

long long Settings::GetInteger(const std::string& name) const {
  return std::strtoll(Get(name).c_str(), nullptr, 10);
}

std::map<std::string, std::string> Settings::NonDefault() const {
  std::map<std::string, std::string> out;
  for (const SettingDef& def : KnownSettings()) {
    const std::string& value = Get(def.name);
    if (value != def.pg15_default) out.emplace(def.name, value);
  }
  return out;
}

}  // namespace dbopt::catalog
