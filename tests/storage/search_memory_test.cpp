// The search index each process keeps in memory over SQLite (storage/sqlite/search_memory.hpp):
// it answers as FTS5 answers, follows every write whichever connection or process made it, and
// reads everything again when the log of changes no longer reaches back to what it holds.
#include <gtest/gtest.h>
#include <sqlite3.h>

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

class SearchMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.CreateRegion(
        {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    ASSERT_TRUE(registry_.CreateRegion(
        {"3573", "Kota Malang", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    for (const auto& [region, name] :
         {std::pair{"3578", "Dinas Kesehatan"}, std::pair{"3578", "Dinas Pekerjaan Umum"},
          std::pair{"3573", "Dinas Pertanian"}}) {
      Agency agency;
      agency.region_code = region;
      agency.name = name;
      auto created = registry_.CreateAgency(agency);
      ASSERT_TRUE(created);
      agencies_.push_back(*created);
    }
  }

  // An innovation of words drawn from kWords, with its filter values drawn too.
  Innovation Generate(std::mt19937& random) {
    auto words = [&](int count) {
      std::string text;
      for (int k = 0; k < count; ++k) {
        text += (k ? " " : "") + std::string(kWords[random() % std::size(kWords)]);
      }
      return text;
    };
    const Agency& agency = agencies_[random() % agencies_.size()];
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

  // Runs SQL on the file directly, as another program would.
  void Execute(const std::string& sql) {
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

  testing::TempDatabase db_{"sqlite"};
  Registry registry_{db_.store(), testing::FixedNow};
  std::vector<Agency> agencies_;
  std::unique_ptr<Database> other_;
};

using Titles = std::vector<std::string>;

TEST_F(SearchMemoryTest, AnswersAsTheFullTextIndexDoes) {
  std::mt19937 random(7);
  for (int k = 0; k < 120; ++k) ASSERT_TRUE(registry_.CreateInnovation(Generate(random)));
  Store& store = db_.store();
  const std::vector<std::string> searches = {
      "pelayanan", "izin", "sampah desa", "posyandu gizi anak", "sungai bersih", "kesehatan",
      "pasar petani pupuk", "aplikasi pengaduan", "jalan", "dinas pertanian", "ijin",
      // Prefixes, typed or still being typed: a word and its stem count their place once.
      "pe*", "lay*", "i*", "desa sekol"};
  for (const auto& text : searches) {
    for (bool public_only : {true, false}) {
      InnovationQuery query;
      query.text = text;
      query.sort = InnovationSort::kRelevance;
      query.per_page = 100;
      if (public_only) RestrictToVisible(Actor::Public(""), query);
      InnovationQuery filtered = query;
      filtered.region_code = "3578";
      filtered.digital = true;
      for (const InnovationQuery& q : {query, filtered}) {
        SCOPED_TRACE(text + (public_only ? " (public)" : "") +
                     (q.digital ? " in 3578, digital" : ""));
        // From memory: no transaction of the connection's own.
        const auto memory_page = store.ListInnovations(q);
        const auto memory_facets = store.CountFacets(q);
        // From FTS5: inside a write transaction, whose writes the memory could not see.
        store.Begin();
        const auto index_page = store.ListInnovations(q);
        const auto index_facets = store.CountFacets(q);
        store.Rollback();

        ASSERT_GT(index_page.total, 0);
        EXPECT_EQ(memory_page.total, index_page.total);
        std::vector<Id> memory_ids, index_ids;
        for (const auto& item : memory_page.items) memory_ids.push_back(item.id);
        for (const auto& item : index_page.items) index_ids.push_back(item.id);
        EXPECT_EQ(memory_ids, index_ids) << "the same BM25, the same order";
        for (std::size_t k = 0; k < memory_page.items.size() && k < index_page.items.size(); ++k) {
          EXPECT_EQ(memory_page.items[k].snippet, index_page.items[k].snippet);
        }
        EXPECT_EQ(memory_facets.total, index_facets.total);
        auto same = [](const std::vector<FacetValue>& a, const std::vector<FacetValue>& b) {
          if (a.size() != b.size()) return false;
          for (std::size_t k = 0; k < a.size(); ++k) {
            if (a[k].value != b[k].value || a[k].label != b[k].label || a[k].count != b[k].count)
              return false;
          }
          return true;
        };
        EXPECT_TRUE(same(memory_facets.agency, index_facets.agency));
        EXPECT_TRUE(same(memory_facets.type, index_facets.type));
        EXPECT_TRUE(same(memory_facets.form, index_facets.form));
        EXPECT_TRUE(same(memory_facets.year, index_facets.year));
        EXPECT_TRUE(same(memory_facets.affair, index_facets.affair));
        EXPECT_TRUE(same(memory_facets.digital, index_facets.digital));
        EXPECT_TRUE(same(memory_facets.maturity, index_facets.maturity));
        EXPECT_TRUE(same(memory_facets.stage, index_facets.stage));
      }
    }
  }
}

TEST_F(SearchMemoryTest, FollowsWritesMadeByAnotherProcess) {
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

TEST_F(SearchMemoryTest, ReadsEverythingAgainWhenTheLogNoLongerReachesBack) {
  Add("Sungai bersih");
  auto other = OtherProcess();
  EXPECT_EQ(Find(*other, "sungai").first, 1);
  Add("Sungai jernih");
  // What a process this far behind would find: the changes it missed are gone from the log.
  Execute("DELETE FROM search_changes");
  EXPECT_EQ(Find(*other, "sungai").first, 2);
  EXPECT_EQ(Find(*other, "jernih").first, 1);
}

TEST_F(SearchMemoryTest, ManyChangesLeaveTheRightRecordsFound) {
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

}  // namespace
}  // namespace lumbung
