#include "dbopt/catalog/settings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace dbopt::catalog {

namespace {
// The error text of a failed Set, "" when it succeeded.
std::string SetError(Settings& s, const std::string& name, const std::string& value) {
  Status status = s.Set(name, value);
  if (status) return "";
  std::string text = status.error().message();
  if (!status.error().diagnostic.hint.empty()) text += " | " + status.error().diagnostic.hint;
  return text;
}
}  // namespace

TEST_CASE("settings start at PostgreSQL 15's defaults") {
  const Settings s;
  CHECK(s.GetReal("seq_page_cost") == 1.0);
  CHECK(s.GetReal("random_page_cost") == 4.0);
  CHECK(s.GetReal("cpu_tuple_cost") == 0.01);
  CHECK(s.GetReal("cpu_index_tuple_cost") == 0.005);
  CHECK(s.GetReal("cpu_operator_cost") == 0.0025);
  CHECK(s.GetReal("parallel_setup_cost") == 1000);
  CHECK(s.GetReal("parallel_tuple_cost") == 0.1);
  CHECK(s.GetInteger("min_parallel_table_scan_size") == 1024);
  CHECK(s.GetInteger("min_parallel_index_scan_size") == 64);
  CHECK(s.GetInteger("effective_cache_size") == 524288);
  CHECK(s.GetInteger("work_mem") == 4096);
  CHECK(s.GetReal("hash_mem_multiplier") == 2.0);
  CHECK(s.GetInteger("maintenance_work_mem") == 65536);
  CHECK(s.GetInteger("default_statistics_target") == 100);
  CHECK(s.GetInteger("from_collapse_limit") == 8);
  CHECK(s.GetInteger("join_collapse_limit") == 8);
  CHECK(s.GetBool("geqo"));
  CHECK(s.GetInteger("geqo_threshold") == 12);
  CHECK(s.GetInteger("geqo_effort") == 5);
  CHECK(s.GetReal("geqo_selection_bias") == 2.0);
  CHECK(s.GetInteger("max_parallel_workers_per_gather") == 2);
  CHECK(s.GetInteger("max_parallel_workers") == 8);
  CHECK(s.GetInteger("max_worker_processes") == 8);
  CHECK(s.GetBool("parallel_leader_participation"));
  CHECK(s.GetReal("cursor_tuple_fraction") == 0.1);
  CHECK(s.GetReal("recursive_worktable_factor") == 10);
  CHECK(s.Get("constraint_exclusion") == "partition");
  CHECK(s.Get("plan_cache_mode") == "auto");
  CHECK(s.GetBool("jit"));
  CHECK(s.GetReal("jit_above_cost") == 100000);
  CHECK(s.GetInteger("block_size") == 8192);
  CHECK(s.GetInteger("effective_io_concurrency") == 1);
  CHECK_FALSE(s.GetBool("enable_partitionwise_join"));
  CHECK_FALSE(s.GetBool("enable_partitionwise_aggregate"));
  CHECK(s.GetBool("enable_seqscan"));
  CHECK(s.GetBool("enable_memoize"));
  CHECK(s.NonDefault().empty());
}

TEST_CASE("the known settings are sorted, enable_* complete, and PG16's names absent") {
  const auto& known = KnownSettings();
  CHECK(std::is_sorted(known.begin(), known.end(), [](const SettingDef& a, const SettingDef& b) {
    return std::string(a.name) < b.name;
  }));
  const long enables = std::count_if(known.begin(), known.end(), [](const SettingDef& d) {
    return std::string(d.name).rfind("enable_", 0) == 0;
  });
  CHECK(enables == 20);                                         // PG15 has 20 enable_* settings
  CHECK(FindSetting("enable_presorted_aggregate") == nullptr);  // new in PG16
  CHECK(FindSetting("debug_parallel_query") == nullptr);        // PG16's force_parallel_mode
  REQUIRE(FindSetting("work_mem") != nullptr);
  CHECK(std::string(FindSetting("work_mem")->unit) == "kB");
  CHECK(std::string(FindSetting("effective_cache_size")->unit) == "8kB");
}

TEST_CASE("memory values take SET's units and round to the nearest base unit") {
  Settings s;
  CHECK(SetError(s, "work_mem", "64MB") == "");
  CHECK(s.Get("work_mem") == "65536");
  CHECK(SetError(s, "work_mem", "4.5MB") == "");
  CHECK(s.Get("work_mem") == "4608");
  CHECK(SetError(s, "work_mem", " 64 MB ") == "");
  CHECK(s.Get("work_mem") == "65536");
  CHECK(SetError(s, "work_mem", "1GB") == "");
  CHECK(s.Get("work_mem") == "1048576");
  CHECK(SetError(s, "work_mem", "0x1000") == "");  // strtol base 0, as PostgreSQL
  CHECK(s.Get("work_mem") == "4096");
  CHECK(SetError(s, "work_mem", "1e4") == "");
  CHECK(s.Get("work_mem") == "10000");
  CHECK(SetError(s, "effective_cache_size", "1GB") == "");
  CHECK(s.Get("effective_cache_size") == "131072");
  CHECK(SetError(s, "effective_cache_size", "100kB") == "");  // 12.5 blocks: ties to even
  CHECK(s.Get("effective_cache_size") == "12");
  CHECK(SetError(s, "min_parallel_table_scan_size", "12kB") == "");
  CHECK(s.Get("min_parallel_table_scan_size") == "2");
  CHECK(SetError(s, "geqo_threshold", "13.5") == "");
  CHECK(s.Get("geqo_threshold") == "14");
  CHECK(SetError(s, "default_statistics_target", "+50") == "");
  CHECK(s.Get("default_statistics_target") == "50");
}

TEST_CASE("bad memory values are rejected with PostgreSQL's messages") {
  Settings s;
  CHECK(SetError(s, "work_mem", "64mb") ==
        "invalid value for parameter \"work_mem\": \"64mb\" | Valid units for this parameter are "
        "\"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
  CHECK(SetError(s, "work_mem", "5s").find("Valid units") != std::string::npos);
  CHECK(SetError(s, "work_mem", "63") ==
        "63 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  CHECK(SetError(s, "work_mem", "100B") ==
        "0 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  CHECK(SetError(s, "work_mem", "2TB") ==
        "invalid value for parameter \"work_mem\": \"2TB\" | Value exceeds integer range.");
  CHECK(
      SetError(s, "effective_cache_size", "4kB") ==
      "0 8kB is outside the valid range for parameter \"effective_cache_size\" (1 .. 2147483647)");
  CHECK(SetError(s, "work_mem", "") == "invalid value for parameter \"work_mem\": \"\"");
  CHECK(SetError(s, "block_size", "12288") ==
        "invalid value for parameter \"block_size\": \"12288\" | The block size is a power of two "
        "from 1024 to 32768.");
  CHECK(s.Get("work_mem") == "4096");  // unchanged by the failures
}

TEST_CASE("reals keep full precision and reject junk, NaN and out-of-range values") {
  Settings s;
  CHECK(SetError(s, "random_page_cost", "1.1234567") == "");
  CHECK(s.Get("random_page_cost") == "1.1234567");  // not pg_settings' %g "1.12346"
  CHECK(s.GetReal("random_page_cost") == 1.1234567);
  CHECK(SetError(s, "random_page_cost", "1e-3") == "");
  CHECK(s.Get("random_page_cost") == "0.001");
  CHECK(SetError(s, "random_page_cost", "4.0") == "");
  CHECK(s.Get("random_page_cost") == "4");
  CHECK(s.NonDefault().empty());  // 4.0 is the default, written the default's way
  CHECK(SetError(s, "random_page_cost", "2x") ==
        "invalid value for parameter \"random_page_cost\": \"2x\"");
  CHECK(SetError(s, "random_page_cost", "nan") ==
        "invalid value for parameter \"random_page_cost\": \"nan\"");
  CHECK(SetError(s, "random_page_cost", "-1") ==
        "-1 is outside the valid range for parameter \"random_page_cost\" (0 .. 1.79769e+308)");
  CHECK(
      SetError(s, "random_page_cost", "inf") ==
      "Infinity is outside the valid range for parameter \"random_page_cost\" (0 .. 1.79769e+308)");
  CHECK(SetError(s, "geqo_seed", "1.5") ==
        "1.5 is outside the valid range for parameter \"geqo_seed\" (0 .. 1)");
  CHECK(SetError(s, "jit_above_cost", "1kB") ==
        "invalid value for parameter \"jit_above_cost\": \"1kB\"");
  CHECK(SetError(s, "jit_above_cost", "-1") == "");
}

TEST_CASE("booleans take parse_bool's spellings, enums theirs") {
  Settings s;
  for (const char* off : {"off", "of", "OFF", "false", "f", "no", "N", "0"}) {
    CAPTURE(off);
    s = Settings();
    CHECK(SetError(s, "geqo", off) == "");
    CHECK_FALSE(s.GetBool("geqo"));
  }
  for (const char* on : {"on", "ON", "true", "tr", "yes", "ye", "Y", "1"}) {
    CAPTURE(on);
    CHECK(SetError(s, "geqo", on) == "");
    CHECK(s.GetBool("geqo"));
  }
  for (const char* bad : {"o", "2", "00", " on", "on ", "yess"}) {
    CAPTURE(bad);
    CHECK(SetError(s, "geqo", bad) == "parameter \"geqo\" requires a Boolean value");
  }
  CHECK(SetError(s, "plan_cache_mode", "Force_Generic_Plan") == "");
  CHECK(s.Get("plan_cache_mode") == "force_generic_plan");
  CHECK(SetError(s, "constraint_exclusion", "yes") == "");  // hidden alias of "on"
  CHECK(s.Get("constraint_exclusion") == "on");
  CHECK(SetError(s, "constraint_exclusion", "of") ==
        "invalid value for parameter \"constraint_exclusion\": \"of\" | Available values: "
        "partition, on, off.");
  CHECK(SetError(s, "plan_cache_mode", "yes") ==
        "invalid value for parameter \"plan_cache_mode\": \"yes\" | Available values: auto, "
        "force_generic_plan, force_custom_plan.");
}

TEST_CASE("unknown settings are rejected with a suggestion") {
  Settings s;
  CHECK(SetError(s, "random_page_cots", "1") ==
        "unknown planner setting \"random_page_cots\" | did you mean \"random_page_cost\"?");
  CHECK(SetError(s, "server_version_num", "150020") ==
        "unknown planner setting \"server_version_num\"");
  CHECK(SetError(s, "enable_presorted_aggregate", "on").rfind("unknown planner setting", 0) == 0);
  CHECK(s.Get("no_such_setting").empty());
}

TEST_CASE("NonDefault lists changed settings by name; ShowSetting prints SHOW's units") {
  Settings s;
  REQUIRE(s.Set("work_mem", "64MB"));
  REQUIRE(s.Set("enable_seqscan", "off"));
  const auto changed = s.NonDefault();
  REQUIRE(changed.size() == 2);
  CHECK(changed.begin()->first == "enable_seqscan");
  CHECK(changed.at("work_mem") == "65536");
  CHECK(s != Settings());
  CHECK(ShowSetting(*FindSetting("work_mem"), "65536") == "64MB");
  CHECK(ShowSetting(*FindSetting("work_mem"), "1025") == "1025kB");
  CHECK(ShowSetting(*FindSetting("effective_cache_size"), "524288") == "4GB");
  CHECK(ShowSetting(*FindSetting("effective_cache_size"), "3") == "24kB");
  CHECK(ShowSetting(*FindSetting("min_parallel_index_scan_size"), "0") == "0");
  CHECK(ShowSetting(*FindSetting("random_page_cost"), "1.1") == "1.1");
}

}  // namespace dbopt::catalog
