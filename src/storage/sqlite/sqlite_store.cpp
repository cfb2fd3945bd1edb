#include "storage/sqlite/sqlite_store.hpp"

#include "storage/facet_counts.hpp"
#include "storage/search_memory.hpp"
#include "storage/sql_store.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/search_index.hpp"

namespace lumbung::storage {
namespace {

using namespace sql;

// What SQLite brings to the shared store: its connection, its FTS5 index, and the statements
// it writes its own way.
struct SqliteBackend {
  using Connection = sqlite::Connection;
  using Statement = sqlite::Statement;
  using Savepoint = sqlite::Savepoint;
  using ReadSnapshot = sqlite::ReadSnapshot;
  using SearchIndex = sqlite::SearchIndex;

  static constexpr const char* kUpsertRegion =
      "INSERT INTO regions (code, name, level, parent_code, time_zone, demo, created_at, "
      "requires_head_approval, target_rule) VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7, ?8, "
      "?9) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, "
      "parent_code = excluded.parent_code, time_zone = excluded.time_zone "
      "WHERE (name, level, parent_code, time_zone) IS NOT "
      "(excluded.name, excluded.level, excluded.parent_code, excluded.time_zone)";
  static constexpr const char* kCreateSchemaTable =
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))";
  static constexpr const char* kSchemaTableExists =
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
  static const std::vector<Migration>& Migrations() { return sqlite_migrations(); }
  // An import checks references at its commit; AUTOINCREMENT follows the ids inserted itself.
  static constexpr const char* kDeferReferences = "PRAGMA defer_foreign_keys = ON";
  static constexpr const char* kResetIdentities = "SELECT 1";
  static constexpr const char* kReplicationPosition = "SELECT 0";

  // "GROUP BY +column": the unary plus keeps SQLite from walking an index on the column only
  // to get its groups in order (innovations_year), which reads the table for every row; the
  // covering innovations_filters then serves the count, and sorting the groups costs little.
  static constexpr const char* kGroupBy = " GROUP BY +";
  // Search matches are joined to the narrow index of what filters read (migration 0006), not
  // to the wide rows, which SQLite would otherwise prefer for a lookup by id.
  static constexpr const char* kSearchFrom =
      " FROM innovation_search s JOIN innovations i INDEXED BY innovations_search_columns "
      "ON i.id = s.rowid";
  static constexpr const char* kTitleOrder = " ORDER BY i.title COLLATE NOCASE ASC, i.id ASC";
  // SQLite sorts NULL below every number, so records without a year come last.
  static constexpr const char* kYearOrder = " ORDER BY i.year DESC, i.id DESC";
  static constexpr const char* kMatchCondition = "s.innovation_search MATCH ?";
  // FTS5 holds no region: the join to innovations filters it.
  static constexpr const char* kSearchRegionCondition = "";
  // Best match first: FTS5's rank is BM25 with the weights of migration 0005, lower better.
  static std::string RankOrder(int) { return " ORDER BY s.rank"; }
  // The agencies whose ids a JSON array lists.
  static constexpr const char* kSelectAgencyNamesOf =
      "SELECT id, name, name_key FROM agencies WHERE id IN (SELECT value FROM json_each(?1))";
  // The summaries of the innovations whose ids a JSON array lists, in no order.
  static const std::string& SelectSummariesOf() {
    static const std::string sql = std::string("SELECT ") + kSummaryColumns +
                                   " FROM innovations i JOIN agencies a ON a.id = i.agency_id "
                                   "WHERE i.id IN (SELECT value FROM json_each(?1))";
    return sql;
  }
  using MemorySource = sqlite::MemorySource;
};

// The innovations a search matched (CollectTextMatches), with their relevance and every value
// the list filters by, so that counting, facets and ordering a page never go back to the
// index or the table. Temporary: each connection has its own.
constexpr const char* kCreateSearchMatches =
    "CREATE TEMP TABLE IF NOT EXISTS search_matches (id INTEGER PRIMARY KEY, rank REAL, "
    "region_code TEXT, status TEXT, agency_id INTEGER, type TEXT, form TEXT, maturity TEXT, "
    "stage TEXT, year INTEGER, digital INTEGER, main_affair TEXT, replicated_from INTEGER)";
constexpr const char* kClearSearchMatches = "DELETE FROM temp.search_matches";
constexpr const char* kSelectMatchedFacetValues =
    "SELECT agency_id, type, form, maturity, stage, year, main_affair, digital "
    "FROM temp.search_matches";
constexpr const char* kSearchMatchColumns =
    "s.rank, i.region_code, i.status, i.agency_id, i.type, i.form, i.maturity, i.stage, "
    "i.year, i.digital, i.main_affair, i.replicated_from";
class SqliteStore final : public SqlStore<SqliteBackend> {
 public:
  explicit SqliteStore(const std::string& path, std::shared_ptr<SearchMemory> memory = nullptr)
      : SqlStore(path) {
    sqlite::RegisterTokenizer(connection_.handle());
    ShareMemory(std::move(memory));
  }

  InnovationPage ListInnovations(const InnovationQuery& q) override {
    if (q.sort == InnovationSort::kRelevance && MemoryServes(q)) return ListFromMemory(q);
    const bool reusable = connection_.InAutocommit();
    ReadSnapshot snapshot(connection_);
    const SearchPlan plan = PlanSearch(q);
    const TextFilter text = CollectTextMatches(q, plan, reusable);
    const InnovationFilter<SqliteBackend> filter(q, text);
    InnovationPage page;
    page.total = CountMatches(filter);
    page.search = plan.fallback;
    std::string order = OrderBy(q.sort);
    if (q.sort == InnovationSort::kRelevance && text.collected)
      order = " ORDER BY m.rank, m.id DESC";
    const int next = filter.next();
    const std::string limit =
        " LIMIT ?" + std::to_string(next) + " OFFSET ?" + std::to_string(next + 1);
    std::string sql;
    if (text.collected && q.sort == InnovationSort::kRelevance) {
      // The page's ids come from the matches alone, best first; only they are read whole.
      sql = std::string("SELECT ") + kSummaryColumns + " FROM (SELECT i.id AS id, i.rank AS rank" +
            filter.From() + filter.Where() + " ORDER BY i.rank, i.id DESC" + limit +
            ") m JOIN innovations i ON i.id = m.id JOIN agencies a ON a.id = i.agency_id" + order;
    } else if (text.collected) {
      sql = std::string("SELECT ") + kSummaryColumns +
            " FROM temp.search_matches m JOIN innovations i ON i.id = m.id"
            " JOIN agencies a ON a.id = i.agency_id" +
            filter.Where() + order + limit;
    } else {
      sql = std::string("SELECT ") + kSummaryColumns + filter.From() +
            " JOIN agencies a ON a.id = i.agency_id" + filter.Where() + order + limit;
    }
    auto s = connection_.PrepareOnce(sql);
    filter.BindTo(s);
    s.Bind(next, std::int64_t{q.per_page});
    s.Bind(next + 1, std::int64_t{q.page - 1} * q.per_page);
    while (s.Step()) page.items.push_back(ReadSummary(s));
    if (text.collected) {
      AddSnippets(plan.words, page.items);
    }
    snapshot.End();
    Collected();
    return page;
  }

  InnovationFacets CountFacets(const InnovationQuery& q) override {
    if (MemoryServes(q)) return CountFacetsFromMemory(q);
    // One snapshot for all the counts, so that a write committed between two of them cannot
    // make the facets disagree with each other.
    const bool reusable = connection_.InAutocommit();
    ReadSnapshot snapshot(connection_);
    const SearchPlan plan = PlanSearch(q);
    const TextFilter text = CollectTextMatches(q, plan, reusable);
    InnovationFacets facets;
    if (text.collected) {
      facets = CountCollectedFacets(q);
      facets.search = plan.fallback;
      snapshot.End();
      Collected();
      return facets;
    }
    facets = CountFacetValues(q, text);
    facets.search = plan.fallback;
    snapshot.End();
    Collected();
    return facets;
  }

 private:
  // A search's matches, under the filters no facet leaves out, gathered once into
  // temp.search_matches with their relevance and filter values: the count, the page and every
  // facet then read them there instead of searching the index again. A list and its facets
  // ask the same question one after the other, so the matches stay until the question or the
  // data changes; inside a caller's transaction they are gathered each time, since a rollback
  // would take back what they were gathered from.
  // `reusable`: the caller holds no transaction of its own. Once the caller's read has ended,
  // Collected() keeps the matches for the next question.
  TextFilter CollectTextMatches(const InnovationQuery& q, const SearchPlan& plan, bool reusable) {
    collecting_.clear();
    if (plan.match.empty()) return {};
    const InnovationFilter<SqliteBackend> filter(UnfacetedOf(q), {plan.match});
    std::string key = filter.Describe() + '\x1e' + std::to_string(ChangeCounter());
    if (reusable && key == collected_) {
      collecting_ = std::move(key);
      return {plan.match, true};
    }
    collected_.clear();
    connection_.Exec(kCreateSearchMatches);
    connection_.Exec(kClearSearchMatches);
    auto s = connection_.PrepareOnce(std::string("INSERT INTO temp.search_matches SELECT i.id, ") +
                                     kSearchMatchColumns + filter.From() + filter.Where());
    filter.BindTo(s);
    s.Execute();
    if (reusable) collecting_ = std::move(key);
    return {plan.match, true};
  }

  // Called once the read that collected matches has ended well: they may serve again.
  void Collected() { collected_ = std::move(collecting_); }

  // The facets of a search, from the matches CollectTextMatches gathered (they are already
  // under every filter no facet leaves out): one pass over their values, each counted for
  // every facet whose own filter is the only one it fails. The same counts, in the same
  // order, as CountValues and CountAgencyValues give, without nine passes.
  InnovationFacets CountCollectedFacets(const InnovationQuery& q) {
    std::string wanted[kColumns];
    bool applied[kColumns] = {};
    auto want = [&](int column, bool on, std::string value) {
      applied[column] = on;
      wanted[column] = std::move(value);
    };
    want(kAgency, q.agency_id.has_value(), q.agency_id ? std::to_string(*q.agency_id) : "");
    want(kType, q.type.has_value(), q.type ? std::string(ToString(*q.type)) : "");
    want(kForm, q.form.has_value(), q.form ? std::string(ToString(*q.form)) : "");
    want(kMaturity, q.maturity.has_value(), q.maturity ? std::string(ToString(*q.maturity)) : "");
    want(kStage, q.stage.has_value(), q.stage ? std::string(ToString(*q.stage)) : "");
    want(kYear, q.year.has_value(), q.year ? std::to_string(*q.year) : "");
    want(kAffair, !q.affair.empty(), q.affair);
    want(kDigital, q.digital.has_value(), q.digital ? (*q.digital ? "1" : "0") : "");

    FacetCounts counts;
    std::unordered_map<Id, long long> agencies;
    long long total = 0;
    auto s = connection_.Prepare(kSelectMatchedFacetValues);
    std::string values[kColumns];
    while (s.Step()) {
      unsigned fails = 0;
      for (int c = 0; c < kColumns; ++c) {
        values[c] = s.Text(c);
        if (applied[c] && values[c] != wanted[c]) fails |= 1u << c;
      }
      if (fails == 0) ++total;
      for (int c = 0; c < kColumns; ++c) {
        if ((fails & ~(1u << c)) != 0 || values[c].empty()) continue;
        if (c == kAgency) {
          ++agencies[s.Int(c)];
        } else {
          ++counts.values[c][values[c]];
        }
      }
    }
    counts.agencies.assign(agencies.begin(), agencies.end());
    return FacetsFrom(total, counts, AgencyNames(counts));
  }

  // What temp.search_matches holds (a filter's description and the change counter), and what
  // the read in progress is gathering.
  std::string collected_;
  std::string collecting_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}

  std::unique_ptr<Store> Connect() override {
    return std::make_unique<SqliteStore>(path_, memory_);
  }
  int SchemaVersion() override { return SqliteStore(path_).SchemaVersion(); }
  std::string Describe() const override { return "sqlite:" + path_; }
  bool WarmUp() override { return SqliteStore(path_, memory_).WarmUp(); }
  bool SearchesReadPages() const override { return false; }

 private:
  std::string path_;
  std::shared_ptr<SearchMemory> memory_ = std::make_shared<SearchMemory>();
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, MigrationPolicy policy) {
  return OpenMigrated<SqliteStore, SqliteDatabase>(path, policy);
}

}  // namespace lumbung::storage
