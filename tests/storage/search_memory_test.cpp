// The search index each process keeps in memory (storage/search_memory.hpp), on both backends:
// it finds what the database's own index finds (and on SQLite ranks as FTS5 ranks), ranks alike
// on both, follows every write whichever connection or process made it, leaves a transaction's
// own writes to the database's index, and reads everything again when the log of changes no
// longer reaches back to what it holds.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <random>

#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "support/test_support.hpp"

namespace lumbung {
namespace {

// Every word a generated innovation is made of.
constexpr const char* kWords[] = {
    "pelayanan", "melayani",  "izin",    "perizinan", "sampah",   "bank",  "desa",
    "kesehatan", "posyandu",  "sekolah", "digital",   "aplikasi", "warga", "sungai",
    "bersih",    "terpadu",   "pasar",   "petani",    "pupuk",    "air",   "jalan",
    "antrean",   "pengaduan", "cepat",   "mudah",     "ibu",      "anak",  "gizi"};

// Two regions and three agencies, the same ids on every backend.
void Populate(Registry& registry, std::vector<Agency>& agencies) {
  ASSERT_TRUE(registry.CreateRegion(
      {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
  ASSERT_TRUE(registry.CreateRegion(
      {"3573", "Kota Malang", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
  for (const auto& [region, name] :
       {std::pair{"3578", "Dinas Kesehatan"}, std::pair{"3578", "Dinas Pekerjaan Umum"},
        std::pair{"3573", "Dinas Pertanian"}}) {
    Agency agency;
    agency.region_code = region;
    agency.name = name;
    auto created = registry.CreateAgency(agency);
    ASSERT_TRUE(created);
    agencies.push_back(*created);
  }
}

// An innovation of words drawn from kWords, with its filter values drawn too.
Innovation Generate(std::mt19937& random, const std::vector<Agency>& agencies) {
  auto words = [&](int count) {
    std::string text;
    for (int k = 0; k < count; ++k) {
      text += (k ? " " : "") + std::string(kWords[random() % std::size(kWords)]);
    }
    return text;
  };
  const Agency& agency = agencies[random() % agencies.size()];
  Innovation innovation;
  innovation.region_code = agency.region_code;
  innovation.agency_id = agency.id;
  innovation.title = words(3);
  innovation.product = words(2);
  innovation.summary = words(8);
  innovation.description = words(30);
  innovation.type = static_cast<InnovationType>(random() % 3);
  innovation.form = static_cast<Form>(random() % 3);
  innovation.year = 2020 + static_cast<int>(random() % 5);
  innovation.digital = random() % 2 == 0;
  innovation.main_affair = random() % 2 ? "kesehatan" : "pertanian";
  innovation.status = random() % 4 ? RecordStatus::kPublished : RecordStatus::kDraft;
  return innovation;
}

// The searches both comparisons make: words, prefixes typed or still being typed (a word and
// its stem count their place once), a misspelling.
const std::vector<std::string>& Searches() {
  static const std::vector<std::string> searches = {"pelayanan",
                                                    "izin",
                                                    "sampah desa",
                                                    "posyandu gizi anak",
                                                    "sungai bersih",
                                                    "kesehatan",
                                                    "pasar petani pupuk",
                                                    "aplikasi pengaduan",
                                                    "jalan",
                                                    "dinas pertanian",
                                                    "ijin",
                                                    "pe*",
                                                    "lay*",
                                                    "i*",
                                                    "desa sekol"};
  return searches;
}

// Each search as the public and as a reader of everything, over every region and over one
// region's digital innovations.
std::vector<std::pair<std::string, InnovationQuery>> Queries() {
  std::vector<std::pair<std::string, InnovationQuery>> queries;
  for (const auto& text : Searches()) {
    for (bool public_only : {true, false}) {
      InnovationQuery query;
      query.text = text;
      query.sort = InnovationSort::kRelevance;
      query.per_page = 100;
      if (public_only) RestrictToVisible(Actor::Public(""), query);
      InnovationQuery filtered = query;
      filtered.region_code = "3578";
      filtered.digital = true;
      const std::string name = text + (public_only ? " (public)" : "");
      queries.emplace_back(name, query);
      queries.emplace_back(name + " in 3578, digital", filtered);
    }
  }
  return queries;
}

bool SameFacets(const std::vector<FacetValue>& a, const std::vector<FacetValue>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k].value != b[k].value || a[k].label != b[k].label || a[k].count != b[k].count)
      return false;
  }
  return true;
}

void ExpectSameFacets(const InnovationFacets& a, const InnovationFacets& b) {
  EXPECT_EQ(a.total, b.total);
  EXPECT_TRUE(SameFacets(a.agency, b.agency));
  EXPECT_TRUE(SameFacets(a.type, b.type));
  EXPECT_TRUE(SameFacets(a.form, b.form));
  EXPECT_TRUE(SameFacets(a.year, b.year));
  EXPECT_TRUE(SameFacets(a.affair, b.affair));
  EXPECT_TRUE(SameFacets(a.digital, b.digital));
  EXPECT_TRUE(SameFacets(a.maturity, b.maturity));
  EXPECT_TRUE(SameFacets(a.stage, b.stage));
}

std::vector<Id> IdsOf(const InnovationPage& page) {
  std::vector<Id> ids;
  for (const auto& item : page.items) ids.push_back(item.id);
  return ids;
}

class SearchMemoryTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { Populate(registry_, agencies_); }

  Innovation Add(const std::string& title, const std::string& description = "") {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agencies_[0].id;
    innovation.title = title;
    innovation.description = description;
    innovation.status = RecordStatus::kPublished;
    auto created = registry_.CreateInnovation(innovation);
    EXPECT_TRUE(created) << (created ? "" : created.error().title.en);
    return created ? *created : innovation;
  }

  // 120 generated innovations, the same for the same seed.
  void AddGenerated(unsigned seed) {
    std::mt19937 random(seed);
    for (int k = 0; k < 120; ++k)
      ASSERT_TRUE(registry_.CreateInnovation(Generate(random, agencies_)));
  }

  // What the public finds for `text` through `store`: total and titles, best first.
  static std::pair<long long, std::vector<std::string>> Find(Store& store,
                                                             const std::string& text) {
    InnovationQuery query;
    query.text = text;
    query.sort = InnovationSort::kRelevance;
    query.per_page = 100;
    RestrictToVisible(Actor::Public(""), query);
    auto page = store.ListInnovations(query);
    std::vector<std::string> titles;
    for (const auto& item : page.items) titles.push_back(item.title);
    return {page.total, titles};
  }

  // A second installation on the same file: another server process, with its own memory.
  std::unique_ptr<Store> OtherProcess() {
    auto opened = OpenDatabase(db_.url(), MigrationPolicy::kRequireCurrent);
    EXPECT_TRUE(opened);
    other_ = std::move(*opened);
    return other_->Connect();
  }

  // Runs SQL on the database directly, as another program would.
  void Execute(const std::string& sql) {
    if (GetParam() == "postgresql") {
      PGconn* connection = PQconnectdb(db_.url().c_str());
      ASSERT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
      PGresult* result = PQexec(connection, sql.c_str());
      EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQresultErrorMessage(result);
      PQclear(result);
      PQfinish(connection);
      return;
    }
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db_.url().substr(std::string("sqlite:").size()).c_str(), &handle),
              SQLITE_OK);
    sqlite3_busy_timeout(handle, 5000);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(handle);
  }

  testing::TempDatabase db_{GetParam()};
  Registry registry_{db_.store(), testing::FixedNow};
  std::vector<Agency> agencies_;
  std::unique_ptr<Database> other_;
};

using Titles = std::vector<std::string>;

TEST_P(SearchMemoryTest, FindsWhatTheDatabasesIndexFinds) {
  AddGenerated(7);
  Store& store = db_.store();
  for (const auto& [name, q] : Queries()) {
    SCOPED_TRACE(name);
    // From memory: no transaction of the connection's own.
    const auto memory_page = store.ListInnovations(q);
    const auto memory_facets = store.CountFacets(q);
    const auto memory_both = store.ListWithFacets(q);
    // From the database's index: inside a write transaction, whose writes the memory could
    // not see.
    store.Begin();
    const auto index_page = store.ListInnovations(q);
    const auto index_facets = store.CountFacets(q);
    store.Rollback();

    ASSERT_GT(index_page.total, 0);
    EXPECT_EQ(memory_page.total, index_page.total);
    EXPECT_EQ(memory_both.page.total, index_page.total);
    EXPECT_EQ(IdsOf(memory_both.page), IdsOf(memory_page));
    ExpectSameFacets(memory_facets, index_facets);
    ExpectSameFacets(memory_both.facets, index_facets);
    std::vector<Id> memory_ids = IdsOf(memory_page);
    std::vector<Id> index_ids = IdsOf(index_page);
    if (GetParam() == "sqlite") {
      // FTS5 ranks by the same BM25, so in the same order, with the same snippets.
      EXPECT_EQ(memory_ids, index_ids) << "the same BM25, the same order";
      for (std::size_t k = 0; k < memory_page.items.size() && k < index_page.items.size(); ++k) {
        EXPECT_EQ(memory_page.items[k].snippet, index_page.items[k].snippet);
      }
    } else if (index_page.total <= q.per_page) {
      // PostgreSQL's ts_rank orders its own way; the records found are the same.
      std::sort(memory_ids.begin(), memory_ids.end());
      std::sort(index_ids.begin(), index_ids.end());
      EXPECT_EQ(memory_ids, index_ids);
    }
  }
}

// The same records on both backends: the memory finds, ranks and counts them alike, so a
// region moving to PostgreSQL sees its catalogue's searches as before.
TEST(SearchMemoryBackends, RankAlikeOnBothBackends) {
  testing::TempDatabase sqlite("sqlite");
  testing::TempDatabase postgresql("postgresql");
  Registry on_sqlite(sqlite.store(), testing::FixedNow);
  Registry on_postgresql(postgresql.store(), testing::FixedNow);
  std::vector<Agency> sqlite_agencies, postgresql_agencies;
  Populate(on_sqlite, sqlite_agencies);
  Populate(on_postgresql, postgresql_agencies);
  std::mt19937 random(11);
  for (int k = 0; k < 120; ++k) {
    std::mt19937 again = random;
    ASSERT_TRUE(on_sqlite.CreateInnovation(Generate(random, sqlite_agencies)));
    ASSERT_TRUE(on_postgresql.CreateInnovation(Generate(again, postgresql_agencies)));
  }
  for (const auto& [name, q] : Queries()) {
    SCOPED_TRACE(name);
    const auto a = sqlite.store().ListWithFacets(q);
    const auto b = postgresql.store().ListWithFacets(q);
    EXPECT_EQ(a.page.total, b.page.total);
    EXPECT_EQ(IdsOf(a.page), IdsOf(b.page));
    for (std::size_t k = 0; k < a.page.items.size() && k < b.page.items.size(); ++k) {
      EXPECT_EQ(a.page.items[k].snippet, b.page.items[k].snippet);
    }
    ExpectSameFacets(a.facets, b.facets);
  }
}

// A page keeps only the best matches as the search goes: page after page of a few, they are
// the best of every match in order, and a page beyond the last is empty whatever its number.
TEST_P(SearchMemoryTest, PagesOfAFewAreTheBestOfEveryMatchInTurn) {
  AddGenerated(5);
  Store& store = db_.store();
  for (const auto& [name, q] : Queries()) {
    SCOPED_TRACE(name);
    const auto one_page = store.ListInnovations(q);
    const std::vector<Id> best = IdsOf(one_page);
    std::vector<Id> paged;
    InnovationQuery few = q;
    few.per_page = 7;
    for (few.page = 1; paged.size() < best.size(); ++few.page) {
      const auto page = store.ListInnovations(few);
      EXPECT_EQ(page.total, one_page.total);
      if (page.items.empty()) break;
      for (Id id : IdsOf(page)) paged.push_back(id);
    }
    if (paged.size() > best.size()) paged.resize(best.size());  // the last page of 7 runs on
    EXPECT_EQ(paged, best);
    InnovationQuery far = q;
    far.page = 1000000;
    const auto beyond = store.ListInnovations(far);
    EXPECT_EQ(beyond.total, one_page.total);
    EXPECT_TRUE(beyond.items.empty());
  }
}

TEST_P(SearchMemoryTest, ATransactionFindsItsOwnWritesThroughTheDatabasesIndex) {
  Add("Sungai bersih");
  EXPECT_EQ(Find(db_.store(), "sungai").first, 1);  // the memory is read in
  db_.store().Begin();
  Add("Sungai jernih");
  EXPECT_EQ(Find(db_.store(), "sungai").first, 2) << "its own uncommitted record";
  EXPECT_EQ(Find(db_.store(), "jernih").first, 1);
  db_.store().Rollback();
  EXPECT_EQ(Find(db_.store(), "sungai").first, 1) << "rolled back, from memory again";
  EXPECT_EQ(Find(db_.store(), "jernih").first, 0);
}

TEST_P(SearchMemoryTest, FollowsWritesMadeByAnotherProcess) {
  const Innovation river = Add("Sungai bersih", "Warga memungut sampah setiap Minggu.");
  auto other = OtherProcess();
  EXPECT_EQ(Find(*other, "sungai"), (std::pair{1LL, Titles{"Sungai bersih"}}));

  const Innovation market = Add("Pasar rakyat digital");
  EXPECT_EQ(Find(*other, "pasar").first, 1) << "an innovation added";

  Innovation renamed = river;
  renamed.title = "Kali bersih";
  ASSERT_TRUE(registry_.UpdateInnovation(renamed, river.version));
  EXPECT_EQ(Find(*other, "sungai").first, 0) << "its old title";
  EXPECT_EQ(Find(*other, "kali"), (std::pair{1LL, Titles{"Kali bersih"}}));
  EXPECT_EQ(Find(*other, "memungut").first, 1) << "its narrative stays";

  Agency agency = agencies_[0];
  agency.name = "Dinas Lingkungan Hidup";
  ASSERT_TRUE(registry_.UpdateAgency(agency, agency.version));
  EXPECT_EQ(Find(*other, "lingkungan").first, 2) << "the agency's new name";

  auto draft = *db_.store().FindInnovation(market.id);
  draft.status = RecordStatus::kDraft;
  ASSERT_TRUE(db_.store().UpdateInnovation(draft, draft.version));
  EXPECT_EQ(Find(*other, "pasar").first, 0) << "a draft is not the public's";

  ASSERT_TRUE(db_.store().DeleteInnovation(draft.id, draft.version + 1));
  InnovationQuery everything;
  everything.text = "pasar";
  EXPECT_EQ(other->ListInnovations(everything).total, 0) << "deleted";
}

TEST_P(SearchMemoryTest, ReadsEverythingAgainWhenTheLogNoLongerReachesBack) {
  Add("Sungai bersih");
  auto other = OtherProcess();
  EXPECT_EQ(Find(*other, "sungai").first, 1);
  Add("Sungai jernih");
  // What a process this far behind would find: the changes it missed are gone from the log
  // (PostgreSQL tells by the distance its change counter has moved since).
  Execute("DELETE FROM search_changes");
  if (GetParam() == "postgresql") Execute("UPDATE change_counter SET counter = counter + 1000001");
  EXPECT_EQ(Find(*other, "sungai").first, 2);
  EXPECT_EQ(Find(*other, "jernih").first, 1);
}

TEST_P(SearchMemoryTest, ManyChangesLeaveTheRightRecordsFound) {
  // More records changed at once than the memory keeps removed places for, so that it compacts.
  constexpr int kRecords = 1100;
  db_.store().Begin();
  for (int k = 0; k < kRecords; ++k) Add("Bank sampah " + std::to_string(k));
  db_.store().Commit();
  Add("Pasar desa");
  auto other = OtherProcess();
  EXPECT_EQ(Find(*other, "sampah").first, kRecords);
  for (int round = 0; round < 2; ++round) {
    Execute("UPDATE innovations SET title = title || ' ronde" + std::to_string(round) +
            "' WHERE title LIKE 'Bank sampah%'");
    EXPECT_EQ(Find(*other, "sampah").first, kRecords);
    // These titles were written around the store, so FTS5 never saw them: only the memory,
    // which follows the log that triggers write, finds them.
    EXPECT_EQ(Find(*other, "ronde" + std::to_string(round)).first, kRecords);
  }
  EXPECT_EQ(Find(*other, "1099").second, Titles{"Bank sampah 1099 ronde0 ronde1"});
  EXPECT_EQ(Find(*other, "desa"), (std::pair{1LL, Titles{"Pasar desa"}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchMemoryTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lumbung
