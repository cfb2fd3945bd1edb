#include "storage/postgresql/pg_store.hpp"

#include <memory>
#include <optional>

#include "storage/facet_counts.hpp"
#include "storage/postgresql/connection.hpp"
#include "storage/postgresql/search_index.hpp"
#include "storage/search_memory.hpp"
#include "storage/sql_store.hpp"

namespace lumbung::storage {
namespace {

using namespace sql;

// What PostgreSQL brings to the shared store: its connection, its tsvector index, and the
// statements it writes its own way.
struct PostgresBackend {
  using Connection = postgresql::Connection;
  using Statement = postgresql::Statement;
  using Savepoint = postgresql::Savepoint;
  using ReadSnapshot = postgresql::ReadSnapshot;
  using SearchIndex = postgresql::SearchIndex;

  static constexpr const char* kUpsertRegion =
      "INSERT INTO regions (code, name, level, parent_code, time_zone, demo, created_at, "
      "requires_head_approval, target_rule) VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7, ?8, "
      "?9) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, "
      "parent_code = excluded.parent_code, time_zone = excluded.time_zone "
      "WHERE (regions.name, regions.level, regions.parent_code, regions.time_zone) IS DISTINCT "
      "FROM (excluded.name, excluded.level, excluded.parent_code, excluded.time_zone)";
  static constexpr const char* kCreateSchemaTable =
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
      "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";
  static constexpr const char* kSchemaTableExists =
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
      "AND table_name = 'schema_migrations'";
  static const std::vector<Migration>& Migrations() { return postgresql_migrations(); }
  // An import checks references at its commit (the self-references are deferrable), and moves
  // each identity past the ids it inserted.
  static constexpr const char* kDeferReferences = "SET CONSTRAINTS ALL DEFERRED";
  static constexpr const char* kResetIdentities =
      "SELECT setval(pg_get_serial_sequence(t, 'id'), n, false) FROM (VALUES "
      "('agencies', (SELECT coalesce(max(id), 0) + 1 FROM agencies)), "
      "('innovations', (SELECT coalesce(max(id), 0) + 1 FROM innovations)), "
      "('users', (SELECT coalesce(max(id), 0) + 1 FROM users)), "
      "('api_tokens', (SELECT coalesce(max(id), 0) + 1 FROM api_tokens)), "
      "('innovation_events', (SELECT coalesce(max(id), 0) + 1 FROM innovation_events)), "
      "('clinic_entries', (SELECT coalesce(max(id), 0) + 1 FROM clinic_entries)), "
      "('activities', (SELECT coalesce(max(id), 0) + 1 FROM activities)), "
      "('teams', (SELECT coalesce(max(id), 0) + 1 FROM teams)), "
      "('audit_log', (SELECT coalesce(max(id), 0) + 1 FROM audit_log))) AS ids (t, n)";

  // The write-ahead log's position as a number: on a primary, the end of what has been
  // inserted into it (which holds every commit so far, written out or not); on a replica, what
  // it has replayed.
  static constexpr const char* kReplicationPosition =
      "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
      "ELSE pg_current_wal_insert_lsn() END - '0/0'::pg_lsn)::bigint";
  static constexpr const char* kGroupBy = " GROUP BY ";
  static constexpr const char* kSearchFrom =
      " FROM innovation_search s JOIN innovations i ON i.id = s.innovation_id";
  static constexpr const char* kTitleOrder = " ORDER BY lower(i.title) ASC, i.id ASC";
  static constexpr const char* kYearOrder = " ORDER BY i.year DESC NULLS LAST, i.id DESC";
  static constexpr const char* kMatchCondition = "s.document @@ ?";
  // The region beside the document, for the index of both (migration 0003).
  static constexpr const char* kSearchRegionCondition = "s.region_code = ?";
  // Best match first: ts_rank with the weights D (narrative, agency), C (summary), B (product)
  // and A (title), the query being parameter `match`.
  static std::string RankOf(int match) {
    return "ts_rank('{0.1, 0.3, 0.5, 1.0}', s.document, ?" + std::to_string(match) + ")";
  }
  static std::string RankOrder(int match) {
    return " ORDER BY " + RankOf(match) + " DESC, i.id DESC";
  }
  // The agencies whose ids a JSON array lists.
  static constexpr const char* kSelectAgencyNamesOf =
      "SELECT id, name, name_key FROM agencies "
      "WHERE id IN (SELECT jsonb_array_elements_text(?1::jsonb)::bigint)";
  // The summaries of the innovations whose ids a JSON array lists, in no order.
  static const std::string& SelectSummariesOf() {
    static const std::string sql =
        std::string("SELECT ") + kSummaryColumns +
        " FROM innovations i JOIN agencies a ON a.id = i.agency_id "
        "WHERE i.id IN (SELECT jsonb_array_elements_text(?1::jsonb)::bigint)";
    return sql;
  }
  using MemorySource = postgresql::MemorySource;
};

// The columns the facets count, in the order of FacetColumn.
constexpr std::array<const char*, kColumns> kFacetColumns = {"i.agency_id",   "i.type",   "i.form",
                                                             "i.maturity",    "i.stage",  "i.year",
                                                             "i.main_affair", "i.digital"};

class PostgresStore final : public SqlStore<PostgresBackend> {
 public:
  explicit PostgresStore(const std::string& url,
                         std::shared_ptr<postgresql::KnownTerms> known = nullptr,
                         std::shared_ptr<SearchMemory> memory = nullptr)
      : SqlStore(url) {
    search_.Share(std::move(known));
    ShareMemory(std::move(memory));
  }

  // Each opens its snapshot before it asks the search memory, so that the memory and the
  // statements after it read the change counter once.
  InnovationPage ListInnovations(const InnovationQuery& q) override {
    ReadSnapshot snapshot(connection_);
    if (q.sort == InnovationSort::kRelevance && MemoryServes(q)) {
      InnovationPage page = ListFromMemory(q);
      snapshot.End();
      return page;
    }
    const SearchPlan plan = PlanSearch(q);
    InnovationPage page = PageOf(q, plan, std::nullopt);
    snapshot.End();
    return page;
  }

  InnovationFacets CountFacets(const InnovationQuery& q) override {
    ReadSnapshot snapshot(connection_);
    if (MemoryServes(q)) {
      InnovationFacets facets = CountFacetsFromMemory(q);
      snapshot.End();
      return facets;
    }
    const SearchPlan plan = PlanSearch(q);
    InnovationFacets facets = CountFacetsInOnePass(q, {plan.match});
    facets.search = plan.fallback;
    snapshot.End();
    return facets;
  }

  // One snapshot and one reading of the search words for both, and the total the facets
  // count already, and the snippets' texts read in one query: about ten statements where the
  // two halves apart took sixty.
  FacetedPage ListWithFacets(const InnovationQuery& q) override {
    ReadSnapshot snapshot(connection_);
    if (q.sort == InnovationSort::kRelevance && MemoryServes(q)) {
      FacetedPage both = ListWithFacetsFromMemory(q);
      snapshot.End();
      return both;
    }
    const SearchPlan plan = PlanSearch(q);
    FacetedPage both;
    both.facets = CountFacetsInOnePass(q, {plan.match});
    both.facets.search = plan.fallback;
    both.page = PageOf(q, plan, both.facets.total);
    snapshot.End();
    return both;
  }

 private:
  // The page of a query whose search words came to `plan`, and its total: `total` when the
  // caller has counted it in the same snapshot, counted here otherwise.
  InnovationPage PageOf(const InnovationQuery& q, const SearchPlan& plan,
                        std::optional<long long> total) {
    const InnovationFilter<PostgresBackend> filter(q, {plan.match});
    InnovationPage page;
    page.total = total ? *total : CountMatches(filter);
    page.search = plan.fallback;
    // The page's ids come from the filters alone, which the catalogue index (migration 0007)
    // answers without visiting the table; only the page's own rows are then read whole.
    const int next = filter.next();
    const std::string limit =
        " LIMIT ?" + std::to_string(next) + " OFFSET ?" + std::to_string(next + 1);
    const std::string rows = std::string("SELECT ") + kSummaryColumns + " FROM (SELECT i.id";
    const std::string join =
        ") p JOIN innovations i ON i.id = p.id JOIN agencies a ON a.id = i.agency_id";
    std::string sql;
    if (q.sort == InnovationSort::kRelevance && !plan.match.empty()) {
      sql = rows + ", " + PostgresBackend::RankOf(filter.match_parameter()) + " AS rank" +
            filter.From() + filter.Where() + " ORDER BY rank DESC, i.id DESC" + limit + join +
            " ORDER BY p.rank DESC, p.id DESC";
    } else {
      const std::string order = OrderBy(q.sort);
      sql = rows + filter.From() + filter.Where() + order + limit + join + order;
    }
    auto s = connection_.PrepareOnce(sql);
    filter.BindTo(s);
    s.Bind(next, std::int64_t{q.per_page});
    s.Bind(next + 1, std::int64_t{q.page - 1} * q.per_page);
    while (s.Step()) page.items.push_back(ReadSummary(s));
    if (!plan.match.empty()) AddSnippets(plan.words, page.items);
    return page;
  }

  // Every facet and the total in one pass over the matches of the filters no facet leaves
  // out: a grouping set per facet gives its values, and each facet's count keeps only the
  // rows that pass every facet filter but its own. The same counts as nine queries would give,
  // each with the query's filters but one.
  InnovationFacets CountFacetsInOnePass(const InnovationQuery& q, const TextFilter& text) {
    const InnovationFilter<PostgresBackend> base(UnfacetedOf(q), text);
    int next = base.next();
    // Each facet's own filter on its column, its value bound after the base filter's.
    std::array<std::string, kColumns> own;
    std::vector<std::pair<int, BoundValue>> values;
    auto want = [&](FacetColumn column, const char* condition, BoundValue value) {
      own[column] = std::string(condition) + std::to_string(next);
      values.emplace_back(next++, std::move(value));
    };
    if (q.agency_id) want(kAgency, "i.agency_id = ?", std::int64_t{*q.agency_id});
    if (q.type) want(kType, "i.type = ?", std::string(ToString(*q.type)));
    if (q.form) want(kForm, "i.form = ?", std::string(ToString(*q.form)));
    if (q.maturity) want(kMaturity, "i.maturity = ?", std::string(ToString(*q.maturity)));
    if (q.stage) want(kStage, "i.stage = ?", std::string(ToString(*q.stage)));
    if (q.year) want(kYear, "i.year = ?", std::int64_t{*q.year});
    if (!q.affair.empty()) want(kAffair, "i.main_affair = ?", q.affair);
    if (q.digital) want(kDigital, "i.digital = ?", std::int64_t{*q.digital});
    // The rows passing every facet filter but `except` (kColumns: every one).
    auto passing = [&own](int except) {
      std::string condition;
      for (int c = 0; c < kColumns; ++c) {
        if (c == except || own[c].empty()) continue;
        condition += (condition.empty() ? "" : " AND ") + own[c];
      }
      return condition.empty() ? std::string("true") : condition;
    };
    std::string columns;
    for (const char* column : kFacetColumns)
      columns += (columns.empty() ? "" : ", ") + std::string(column);
    std::string sql = "SELECT GROUPING(" + columns + "), " + columns;
    for (int c = 0; c <= kColumns; ++c) sql += ", count(*) FILTER (WHERE " + passing(c) + ")";
    sql += base.From() + base.Where() + " GROUP BY GROUPING SETS (";
    for (const char* column : kFacetColumns) sql += std::string("(") + column + "), ";
    sql += "())";
    auto s = connection_.PrepareOnce(sql);
    base.BindTo(s);
    for (const auto& [index, value] : values) {
      if (const auto* text = std::get_if<std::string>(&value)) {
        s.Bind(index, *text);
      } else {
        s.Bind(index, std::get<std::int64_t>(value));
      }
    }
    // GROUPING gives a bit for each column not grouped, the first column's the highest.
    constexpr int kAllColumns = (1 << kColumns) - 1;
    FacetCounts counts;
    long long total = 0;
    while (s.Step()) {
      const auto grouping = static_cast<int>(s.Int(0));
      if (grouping == kAllColumns) {
        total = s.Int(1 + 2 * kColumns);
        continue;
      }
      for (int c = 0; c < kColumns; ++c) {
        if (grouping != (kAllColumns ^ (1 << (kColumns - 1 - c)))) continue;
        const long long count = s.Int(1 + kColumns + c);
        std::string value = s.Text(1 + c);
        if (c == kDigital && !value.empty()) value = value == "t" ? "1" : "0";
        if (count <= 0 || value.empty()) continue;
        if (c == kAgency) {
          counts.agencies.emplace_back(s.Int(1 + c), count);
        } else {
          counts.values[c][value] = count;
        }
      }
    }
    return FacetsFrom(total, counts, AgencyNames(counts));
  }
};

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::string url) : url_(std::move(url)) {}

  std::unique_ptr<Store> Connect() override {
    return std::make_unique<PostgresStore>(url_, known_, memory_);
  }
  bool WarmUp() override { return PostgresStore(url_, known_, memory_).WarmUp(); }
  int SchemaVersion() override { return PostgresStore(url_).SchemaVersion(); }
  std::string Describe() const override {
    // The password, if the address holds one, stays out of logs.
    const auto scheme = url_.find("://");
    const auto at = url_.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return url_;
    const auto colon = url_.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url_;
    return url_.substr(0, colon) + ":***" + url_.substr(at);
  }

 private:
  std::string url_;
  std::shared_ptr<postgresql::KnownTerms> known_ = std::make_shared<postgresql::KnownTerms>();
  std::shared_ptr<SearchMemory> memory_ = std::make_shared<SearchMemory>();
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, MigrationPolicy policy) {
  return OpenMigrated<PostgresStore, PostgresDatabase>(url, policy);
}

}  // namespace lumbung::storage
