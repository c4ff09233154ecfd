#include "dbopt/catalog/diff.h"

#include <doctest/doctest.h>

#include "full_catalog.h"

namespace dbopt::catalog {

namespace {
Catalog Base() {
  Catalog c;
  Table t;
  t.name = "orders";
  t.columns = {Column{"id", "integer", true}, Column{"note", "text"}};
  t.stats = TableStats{1000, 10, 10, 10};
  t.column_stats["id"] = ColumnStats{0, 4, -1};
  c.tables.push_back(t);
  Index i;
  i.name = "orders_id_idx";
  i.table = "orders";
  i.keys = {IndexKey{"id"}};
  i.pages = 5;
  c.indexes.push_back(i);
  return c;
}
}  // namespace

TEST_CASE("identical catalogs have no changes") {
  CHECK(DiffCatalogs(Base(), Base()).empty());
  CHECK(DiffCatalogs(testing::FullCatalog(), testing::FullCatalog(), DiffOptions{0}).empty());
  CHECK(RenderDiffText({}).empty());
}

TEST_CASE("changes come in a fixed order and respect the threshold") {
  const Catalog a = Base();
  Catalog b = Base();
  REQUIRE(b.settings.Set("work_mem", "8MB"));
  b.tables[0].columns[1].type = "character varying(80)";
  b.tables[0].columns.push_back(Column{"total", "numeric"});
  b.tables[0].stats->reltuples = 1050;  // +5%: below the default threshold
  b.tables[0].stats->relpages = 20;
  b.tables[0].column_stats["id"].null_frac = 0.5;
  b.indexes[0].keys[0].descending = true;
  Table extra;
  extra.name = "returns";
  b.tables.push_back(extra);
  CHECK(RenderDiffText(DiffCatalogs(a, b)) ==
        "~ setting work_mem: 4MB → 8MB\n"
        "~ column orders.note: definition text → character varying(80)\n"
        "+ column orders.total\n"
        "~ table orders: relpages 10 → 20 (+100.0%)\n"
        "~ column orders.id: null_frac 0 → 0.5\n"
        "+ table returns\n"
        "~ index orders_id_idx: definition CREATE INDEX orders_id_idx ON public.orders USING btree "
        "(id) → "
        "CREATE INDEX orders_id_idx ON public.orders USING btree (id DESC)\n");
  const auto all = DiffCatalogs(a, b, DiffOptions{0});
  CHECK(all.size() == 8);  // reltuples too
  CHECK(DiffCatalogs(b, a).at(2).kind == ChangeKind::kRemoved);
}

TEST_CASE("the JSON rendering carries every field") {
  Catalog b = Base();
  b.indexes.clear();
  CHECK(RenderDiffJson(DiffCatalogs(Base(), b), "a.json", "b.json") ==
        R"({
  "a": "a.json",
  "b": "b.json",
  "identical": false,
  "changes": [
    {
      "change": "removed",
      "object": "index",
      "name": "orders_id_idx",
      "property": "",
      "from": "",
      "to": ""
    }
  ]
}
)");
}

}  // namespace dbopt::catalog
