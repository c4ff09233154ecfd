// Planner settings (GUCs) with PostgreSQL 15's defaults. Values are stored as PostgreSQL
// shows them in pg_settings.setting (memory in kB or 8kB blocks, booleans "on"/"off", enums
// in lower case); reals are stored in their shortest exact form ("4", "1.1", "1e-05"), not
// pg_settings' 6-digit "%g", so no precision is lost. Typed accessors convert. Only settings
// that shape plans are known; Set() rejects the others with a suggestion. The server version
// is not a setting: it lives in Catalog::source.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::catalog {

enum class SettingType { kBool, kInteger, kReal, kEnum };

struct SettingDef {
  const char* name;
  SettingType type;
  const char* pg15_default;  // in pg_settings.setting form
  const char* unit;          // pg_settings.unit: "kB", "8kB" or ""
  const char* description;
  double min_value = 0;          // pg_settings.min_val (kBool, kEnum: unused)
  double max_value = 0;          // pg_settings.max_val
  const char* enum_values = "";  // kEnum: pg_settings.enumvals, comma-separated
};

// Every setting dbopt knows, in a fixed order (alphabetical).
const std::vector<SettingDef>& KnownSettings();
const SettingDef* FindSetting(const std::string& name);

// A value in pg_settings.setting form as SHOW prints it: memory in the largest unit that holds
// it exactly ("64MB", "4GB", "24kB"), anything else unchanged.
std::string ShowSetting(const SettingDef& def, const std::string& value);

class Settings {
 public:
  Settings();  // PostgreSQL 15 defaults

  // Accepts the forms SET accepts: "64MB", "4096" (in the setting's unit), "on"/"off"/"true",
  // numbers. Unknown names and bad values are errors with a "did you mean".
  Status Set(const std::string& name, const std::string& value);

  // Get* take a known name; for an unknown name they return "", false, 0.
  const std::string& Get(const std::string& name) const;
  bool GetBool(const std::string& name) const;
  double GetReal(const std::string& name) const;
  long long GetInteger(const std::string& name) const;  // memory in kB, as pg_settings

  // Settings that differ from the PostgreSQL 15 default, by name.
  std::map<std::string, std::string> NonDefault() const;
  const std::map<std::string, std::string>& All() const { return values_; }

  bool operator==(const Settings& other) const { return values_ == other.values_; }
  bool operator!=(const Settings& other) const { return values_ != other.values_; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace dbopt::catalog
