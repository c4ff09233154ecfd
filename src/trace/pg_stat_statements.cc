// Reading pg_stat_statements exports; see pg_stat_statements.h.
#include "dbopt/trace/pg_stat_statements.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "csv_record.h"
#include "dbopt/trace/line_source.h"

namespace dbopt::trace {
namespace {

bool ParseNumber(std::string_view text, double* out) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(*out) && *out >= 0;
}

Result<std::vector<PgssRow>> ReadCsv(const std::string& path) {
  Result<std::unique_ptr<LineSource>> lines = LineSource::Open(path);
  if (!lines.ok()) return std::move(lines).error();
  CsvRecordReader reader(lines->get());
  std::vector<PgssRow> rows;
  int query_col = -1, calls_col = -1, time_col = -1;
  bool header = true;
  for (;;) {
    const CsvRecordReader::Outcome outcome = reader.Next();
    if (outcome == CsvRecordReader::Outcome::kEnd) break;
    if (outcome == CsvRecordReader::Outcome::kMalformed) {
      return Error::BadInput(fmt::format("{}:{}: {}", path, reader.line(), reader.error()));
    }
    if (header) {
      for (size_t i = 0; i < reader.size(); ++i) {
        const std::string_view name = reader.field(i);
        if (name == "query") query_col = static_cast<int>(i);
        if (name == "calls") calls_col = static_cast<int>(i);
        if (name == "total_exec_time" || name == "total_time") time_col = static_cast<int>(i);
      }
      if (query_col < 0 || calls_col < 0) {
        return Error::BadInput(fmt::format(
            "{}:1: a pg_stat_statements CSV export needs a header with \"query\" and \"calls\" "
            "columns (\\copy (SELECT query, calls, total_exec_time FROM pg_stat_statements) TO "
            "'file.csv' CSV HEADER)",
            path));
      }
      header = false;
      continue;
    }
    const auto needed = static_cast<size_t>(std::max({query_col, calls_col, time_col}));
    if (reader.size() <= needed) {
      return Error::BadInput(fmt::format("{}:{}: expected at least {} fields, got {}", path,
                                         reader.line(), needed + 1, reader.size()));
    }
    PgssRow row;
    row.query = std::string(reader.field(static_cast<size_t>(query_col)));
    row.line = static_cast<int>(reader.line());
    if (!ParseNumber(reader.field(static_cast<size_t>(calls_col)), &row.calls)) {
      return Error::BadInput(fmt::format("{}:{}: calls must be a non-negative number, got \"{}\"",
                                         path, reader.line(),
                                         reader.field(static_cast<size_t>(calls_col))));
    }
    if (time_col >= 0 && !reader.field(static_cast<size_t>(time_col)).empty() &&
        !ParseNumber(reader.field(static_cast<size_t>(time_col)), &row.total_ms)) {
      row.total_ms = -1;
    }
    rows.push_back(std::move(row));
  }
  if (!(*lines)->status()) return (*lines)->status().error();
  return rows;
}

Result<std::vector<PgssRow>> ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Io(fmt::format("cannot open {}", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) {
    return Error::BadInput(fmt::format(
        "{}: a pg_stat_statements JSON export must be an array of objects with \"query\" and "
        "\"calls\" (SELECT json_agg(s) FROM pg_stat_statements s)",
        path));
  }
  std::vector<PgssRow> rows;
  for (size_t i = 0; i < doc.size(); ++i) {
    const nlohmann::json& e = doc[i];
    const auto query = e.find("query");
    const auto calls = e.find("calls");
    if (!e.is_object() || query == e.end() || !query->is_string() || calls == e.end() ||
        !calls->is_number() || calls->get<double>() < 0) {
      return Error::BadInput(fmt::format(
          "{}: element {}: needs \"query\" (a string) and \"calls\" (a non-negative number)", path,
          i + 1));
    }
    PgssRow row;
    row.query = query->get<std::string>();
    row.calls = calls->get<double>();
    row.line = static_cast<int>(i + 1);
    for (const char* key : {"total_exec_time", "total_time"}) {
      const auto t = e.find(key);
      if (t != e.end() && t->is_number()) row.total_ms = t->get<double>();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Result<std::vector<PgssRow>> ReadPgStatStatements(const std::string& path, const std::string& kind) {
  return kind == "json" ? ReadJson(path) : ReadCsv(path);
}

}  // namespace dbopt::trace
