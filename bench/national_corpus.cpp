// The national installation for the deadline benchmark: `regions` demo regions written through
// the registry like any data (agencies, innovations, their search documents and audit), then
// multiplied inside PostgreSQL to a million innovations: each innovation, its texts and its
// search document copied `copies` times under new ids, in the same region. Copying in SQL takes
// minutes where writing a million records one by one through the registry would take hours; the
// copies are real rows that every query reads like the originals.
#include "national_corpus.hpp"

#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "demo/demo.hpp"
#include "domain/dates.hpp"
#include "domain/registry.hpp"
#include "storage/database.hpp"

namespace lumbung::bench {
namespace {

// A plain libpq connection for the SQL that multiplies the rows.
class Sql {
 public:
  explicit Sql(const std::string& url) : connection_(PQconnectdb(url.c_str())) {
    if (PQstatus(connection_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(connection_);
      PQfinish(connection_);
      throw std::runtime_error("cannot connect: " + message);
    }
  }
  ~Sql() { PQfinish(connection_); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;

  // Runs `sql` and returns its rows' first column.
  std::vector<std::string> Run(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::string message = PQresultErrorMessage(result);
      PQclear(result);
      throw std::runtime_error("PostgreSQL refused " + sql.substr(0, 200) + ": " + message);
    }
    std::vector<std::string> values;
    for (int row = 0; row < PQntuples(result); ++row)
      values.emplace_back(PQgetvalue(result, row, 0));
    PQclear(result);
    return values;
  }

 private:
  PGconn* connection_;
};

std::chrono::system_clock::time_point Now() { return std::chrono::system_clock::now(); }

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The column list of `table`, each through `rewrite` (which gets the column's name and returns
// the expression to select for it, or the name itself).
template <typename Rewrite>
std::pair<std::string, std::string> Columns(Sql& sql, const std::string& table, Rewrite rewrite) {
  std::string names, values;
  for (const auto& column : sql.Run("SELECT column_name FROM information_schema.columns WHERE "
                                    "table_schema = current_schema() AND table_name = '" +
                                    table + "' ORDER BY ordinal_position")) {
    if (!names.empty()) names += ", ", values += ", ";
    names += column;
    values += rewrite(column);
  }
  return {names, values};
}

}  // namespace

int BuildNationalCorpus(const std::string& url, int regions, int per_region, int copies) {
  if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) {
    std::cerr << "national: PostgreSQL only (the copies are made in SQL)\n";
    return 2;
  }
  auto database = OpenDatabase(url, MigrationPolicy::kMigrate);
  if (!database) {
    std::cerr << "cannot open " << url << ": " << database.error().title.en << "\n";
    return 1;
  }
  auto started = std::chrono::steady_clock::now();
  {
    auto store = (*database)->Connect();
    store->SetActor(Actor::System());
    Registry registry(*store, Now);
    for (int r = 0; r < regions; ++r) {
      // 9971 first: the demo region whose operators the load signs in.
      demo::DemoOptions options;
      options.region_code = std::to_string(r == 0 ? 9971 : 9000 + r);
      options.innovations = per_region;
      options.seed = 2018u + static_cast<unsigned>(r);
      auto loaded = demo::LoadDemo(*store, registry, options);
      if (!loaded) {
        std::cerr << "demo region " << options.region_code << ": " << loaded.error().title.en
                  << "\n";
        return 1;
      }
      if (r % 50 == 49) std::cerr << "  " << (r + 1) << " regions\r" << std::flush;
    }
  }
  std::cerr << "\nnational: " << regions << " regions through the registry in "
            << SecondsSince(started) << " s\n";

  started = std::chrono::steady_clock::now();
  Sql sql(url);
  const long long stride = std::stoll(sql.Run("SELECT max(id) + 1 FROM innovations")[0]);
  const std::string shift = " + g * " + std::to_string(stride);
  auto innovations = Columns(sql, "innovations", [&](const std::string& column) {
    if (column == "id") return "id" + shift;
    if (column == "replicated_from") return "replicated_from" + shift;
    if (column == "source_ref") return std::string("''");
    return column;
  });
  auto by_innovation = [&](const std::string& column) {
    return column == "innovation_id" ? "innovation_id" + shift : column;
  };
  auto texts = Columns(sql, "innovation_texts", by_innovation);
  auto search = Columns(sql, "innovation_search", by_innovation);
  // The full-text indexes are built once at the end, much faster than a million inserts into
  // them, and built as the migrations defined them.
  const std::string gin =
      " FROM pg_indexes WHERE tablename = 'innovation_search' AND "
      "indexdef LIKE '%USING gin%' ORDER BY indexname";
  const auto search_indexes = sql.Run("SELECT indexdef" + gin);
  for (const auto& name : sql.Run("SELECT indexname" + gin)) sql.Run("DROP INDEX " + name);
  // The change counter moves once at the end, not once per copied row, and the log of changes
  // that servers' search memories follow (migration 0008) does not take two million lines: no
  // server runs while the installation is built, and one started after reads every record.
  sql.Run("ALTER TABLE innovations DISABLE TRIGGER innovations_changed");
  sql.Run("ALTER TABLE innovation_texts DISABLE TRIGGER innovation_texts_changed");
  for (int g = 1; g < copies; ++g) {
    const std::string from = " FROM (SELECT " + std::to_string(g) + " AS g) copy, ";
    const std::string originals = " < " + std::to_string(stride);
    sql.Run("BEGIN");
    sql.Run("INSERT INTO innovations (" + innovations.first + ") OVERRIDING SYSTEM VALUE SELECT " +
            innovations.second + from + "innovations WHERE id" + originals);
    sql.Run("INSERT INTO innovation_texts (" + texts.first + ") SELECT " + texts.second + from +
            "innovation_texts WHERE innovation_id" + originals);
    sql.Run("INSERT INTO innovation_search (" + search.first + ") SELECT " + search.second + from +
            "innovation_search WHERE innovation_id" + originals);
    sql.Run("COMMIT");
    std::cerr << "  copy " << g + 1 << " of " << copies << "\r" << std::flush;
  }
  std::cerr << "\nnational: copies in " << SecondsSince(started) << " s\n";
  started = std::chrono::steady_clock::now();
  for (const auto& index : search_indexes) sql.Run(index);
  sql.Run("SELECT setval(pg_get_serial_sequence('innovations', 'id'), max(id)) FROM innovations");
  sql.Run("ALTER TABLE innovations ENABLE TRIGGER innovations_changed");
  sql.Run("ALTER TABLE innovation_texts ENABLE TRIGGER innovation_texts_changed");
  sql.Run("UPDATE change_counter SET counter = counter + 1");
  sql.Run("VACUUM ANALYZE");
  std::cerr << "national: search index and statistics in " << SecondsSince(started) << " s\n";
  std::cout << sql.Run("SELECT count(*) FROM innovations")[0] << " innovations in "
            << sql.Run("SELECT count(*) FROM regions")[0] << " regions\n";
  return 0;
}

}  // namespace lumbung::bench
