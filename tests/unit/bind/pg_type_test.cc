#include "dbopt/bind/pg_type.h"

#include <doctest/doctest.h>

namespace dbopt::bind {

TEST_CASE("ParseTypeText reads every format_type() spelling and FormatType prints it back") {
  const char* spellings[] = {"integer",
                             "bigint",
                             "smallint",
                             "numeric(15,2)",
                             "numeric",
                             "character varying(25)",
                             "character varying",
                             "character(1)",
                             "text",
                             "date",
                             "timestamp without time zone",
                             "timestamp(3) with time zone",
                             "timestamp with time zone",
                             "time without time zone",
                             "interval",
                             "boolean",
                             "double precision",
                             "real",
                             "uuid",
                             "jsonb",
                             "json",
                             "bytea",
                             "text[]",
                             "integer[]",
                             "character varying(10)[]",
                             "tsvector"};
  for (const char* s : spellings) {
    CAPTURE(s);
    CHECK(FormatType(ParseTypeText(s)) == s);
  }
}

TEST_CASE("ParseTypeText identifies types, modifiers and arrays") {
  const Type n = ParseTypeText("numeric(15,2)");
  CHECK(n.id == TypeId::kNumeric);
  CHECK(n.length == 15);
  CHECK(n.scale == 2);
  CHECK(ParseTypeText("character varying(25)").id == TypeId::kVarchar);
  CHECK(ParseTypeText("character varying(25)").length == 25);
  CHECK(ParseTypeText("character(1)").id == TypeId::kBpchar);
  CHECK(ParseTypeText("timestamp without time zone").id == TypeId::kTimestamp);
  CHECK(ParseTypeText("timestamp with time zone").id == TypeId::kTimestampTz);
  CHECK(ParseTypeText("timestamptz").id == TypeId::kTimestampTz);
  CHECK(ParseTypeText("int4").id == TypeId::kInt4);
  CHECK(ParseTypeText("pg_catalog.int8").id == TypeId::kInt8);
  const Type arr = ParseTypeText("text[]");
  CHECK(arr.id == TypeId::kText);
  CHECK(arr.array);
  const Type other = ParseTypeText("tsvector");
  CHECK(other.id == TypeId::kOther);
  CHECK(other.name == "tsvector");
  CHECK(ParseTypeText("numeric(10)") == ParseTypeText("numeric(10,0)"));
}

TEST_CASE("CastName is what EXPLAIN prints after :: for a constant") {
  CHECK(CastName(ParseTypeText("character(1)")) == "bpchar");
  CHECK(CastName(ParseTypeText("character varying(25)")) == "character varying");
  CHECK(CastName(ParseTypeText("numeric(15,2)")) == "numeric");
  CHECK(CastName(ParseTypeText("date")) == "date");
  CHECK(CastName(ParseTypeText("timestamp without time zone")) == "timestamp without time zone");
  CHECK(CastName(ParseTypeText("integer[]")) == "integer[]");
}

TEST_CASE("categories follow pg_type.typcategory") {
  CHECK(CategoryOf(MakeType(TypeId::kInt4)) == TypeCategory::kNumeric);
  CHECK(CategoryOf(MakeType(TypeId::kNumeric)) == TypeCategory::kNumeric);
  CHECK(CategoryOf(MakeType(TypeId::kVarchar)) == TypeCategory::kString);
  CHECK(CategoryOf(MakeType(TypeId::kDate)) == TypeCategory::kDateTime);
  CHECK(CategoryOf(MakeType(TypeId::kInterval)) == TypeCategory::kTimespan);
  CHECK(CategoryOf(MakeType(TypeId::kBool)) == TypeCategory::kBoolean);
  CHECK(CategoryOf(MakeType(TypeId::kUnknown)) == TypeCategory::kUnknown);
  CHECK(CategoryOf(ParseTypeText("integer[]")) == TypeCategory::kArray);
}

TEST_CASE("TypeAverageWidth mirrors get_typavgwidth and type_maximum_size (UTF-8)") {
  CHECK(TypeAverageWidth(ParseTypeText("integer")) == 4);
  CHECK(TypeAverageWidth(ParseTypeText("bigint")) == 8);
  CHECK(TypeAverageWidth(ParseTypeText("smallint")) == 2);
  CHECK(TypeAverageWidth(ParseTypeText("date")) == 4);
  CHECK(TypeAverageWidth(ParseTypeText("timestamp with time zone")) == 8);
  CHECK(TypeAverageWidth(ParseTypeText("interval")) == 16);
  CHECK(TypeAverageWidth(ParseTypeText("uuid")) == 16);
  CHECK(TypeAverageWidth(ParseTypeText("boolean")) == 1);
  CHECK(TypeAverageWidth(ParseTypeText("text")) == 32);
  CHECK(TypeAverageWidth(ParseTypeText("jsonb")) == 32);
  CHECK(TypeAverageWidth(ParseTypeText("integer[]")) == 32);
  // bpchar: the maximum is the width: 1 * 4 + 4.
  CHECK(TypeAverageWidth(ParseTypeText("character(1)")) == 8);
  CHECK(TypeAverageWidth(ParseTypeText("character(10)")) == 44);
  // varchar(5): 5 * 4 + 4 = 24 <= 32; varchar(25): 104 → 32 + 72 / 2 = 68.
  CHECK(TypeAverageWidth(ParseTypeText("character varying(5)")) == 24);
  CHECK(TypeAverageWidth(ParseTypeText("character varying(25)")) == 68);
  // varchar(1000): 4004 ≥ 1000 → 32 + 968 / 2 = 516.
  CHECK(TypeAverageWidth(ParseTypeText("character varying(1000)")) == 516);
  CHECK(TypeAverageWidth(ParseTypeText("character varying")) == 32);
  // numeric(15,2): (15 + 6) / 4 = 5 digits → 8 + 10 = 18; numeric(40,2): 11 digits → 30.
  CHECK(TypeAverageWidth(ParseTypeText("numeric(15,2)")) == 18);
  CHECK(TypeAverageWidth(ParseTypeText("numeric(40,2)")) == 30);
  CHECK(TypeAverageWidth(ParseTypeText("numeric(100,2)")) == 46);
  CHECK(TypeAverageWidth(ParseTypeText("numeric")) == 32);
}

}  // namespace dbopt::bind
