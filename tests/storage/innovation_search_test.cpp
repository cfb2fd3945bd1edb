// The store contract for finding innovations: the search text, the affair and replication
// filters, and the facet counts beside a list. Parameterised by backend like the rest.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "support/test_support.hpp"

namespace lumbung {
namespace {

// A facet as "value=count" entries in the store's order, so a test can compare it whole.
std::vector<std::string> Counts(const std::vector<FacetValue>& facet) {
  std::vector<std::string> counts;
  for (const auto& value : facet) counts.push_back(value.value + "=" + std::to_string(value.count));
  return counts;
}

class InnovationSearch : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.CreateRegion(
        {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    ASSERT_TRUE(registry_.CreateRegion(
        {"3573", "Kota Malang", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    health_ = AddAgency("3578", "Dinas Kesehatan");
    education_ = AddAgency("3578", "Dinas Pendidikan");
    malang_ = AddAgency("3573", "Dinas Komunikasi dan Informatika");
  }

  Id AddAgency(const std::string& region, const std::string& name) {
    Agency agency;
    agency.region_code = region;
    agency.name = name;
    auto created = registry_.CreateAgency(agency);
    EXPECT_TRUE(created);
    return created ? created->id : 0;
  }

  // A published innovation of Surabaya's health agency, changed by `change` before it is saved.
  Innovation Add(const std::string& title,
                 const std::function<void(Innovation&)>& change = nullptr) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = health_;
    innovation.title = title;
    innovation.status = RecordStatus::kPublished;
    if (change) change(innovation);
    auto created = registry_.CreateInnovation(innovation);
    EXPECT_TRUE(created) << (created ? "" : created.error().title.en);
    return created ? *created : innovation;
  }

  Innovation AddFull(const std::string& title, Id agency, InnovationType type, Form form, int year,
                     bool digital, const std::string& affair, RecordStatus status) {
    Innovation innovation;
    innovation.region_code = agency == malang_ ? "3573" : "3578";
    innovation.agency_id = agency;
    innovation.title = title;
    innovation.type = type;
    innovation.form = form;
    innovation.year = year;
    innovation.digital = digital;
    innovation.main_affair = affair;
    innovation.status = status;
    auto created = registry_.CreateInnovation(innovation);
    EXPECT_TRUE(created) << (created ? "" : created.error().title.en);
    return created ? *created : innovation;
  }

  std::vector<std::string> TitlesFor(InnovationQuery query) {
    query.sort = InnovationSort::kTitle;
    query.per_page = 100;
    std::vector<std::string> titles;
    for (const auto& item : store().ListInnovations(query).items) titles.push_back(item.title);
    return titles;
  }

  std::vector<std::string> Search(const std::string& text) {
    InnovationQuery query;
    query.text = text;
    return TitlesFor(query);
  }

  Store& store() { return db_.store(); }

  testing::TempDatabase db_{GetParam()};
  Registry registry_{db_.store(), testing::FixedNow};
  Id health_ = 0;
  Id education_ = 0;
  Id malang_ = 0;
};

using Titles = std::vector<std::string>;

TEST_P(InnovationSearch, TextFindsEveryWordInAnyCaseInTitleProductSummaryOrAgency) {
  Add("Posyandu Remaja");
  Add("Akta Keliling", [](Innovation& i) { i.product = "Mobil layanan POSYANDU"; });
  Add("Klinik Malam", [](Innovation& i) { i.summary = "Pelayanan malam untuk remaja."; });
  Add("Sekolah Ramah Anak", [this](Innovation& i) { i.agency_id = education_; });

  EXPECT_EQ(Search("posyandu"), (Titles{"Akta Keliling", "Posyandu Remaja"}));
  EXPECT_EQ(Search("REMAJA"), (Titles{"Klinik Malam", "Posyandu Remaja"}));
  // Every word must match, each anywhere: "remaja" in the title, "posyandu" too; "malam"
  // only in the other record.
  EXPECT_EQ(Search("  remaja\tposyandu "), (Titles{"Posyandu Remaja"}));
  EXPECT_EQ(Search("remaja malam"), (Titles{"Klinik Malam"}));
  // The agency's name counts: all of Dinas Kesehatan's records, none of Pendidikan's.
  EXPECT_EQ(Search("kesehatan").size(), 3u);
  EXPECT_EQ(Search("pendidikan"), (Titles{"Sekolah Ramah Anak"}));
  EXPECT_EQ(Search("   ").size(), 4u) << "blank text filters nothing";
}

TEST_P(InnovationSearch, WhenNoRecordHoldsEveryWordAnyWordWillDo) {
  Add("Posyandu Remaja");
  Add("Sekolah Ramah Anak", [this](Innovation& i) { i.agency_id = education_; });
  Add("Pasar Rakyat");
  InnovationQuery query;
  query.text = "posyandu pendidikan";
  auto page = store().ListInnovations(query);
  EXPECT_TRUE(page.search.any_word);
  EXPECT_EQ(page.total, 2);
  EXPECT_TRUE(store().CountFacets(query).search.any_word);
  query.text = "posyandu remaja";
  EXPECT_FALSE(store().ListInnovations(query).search.any_word);
}

TEST_P(InnovationSearch, PunctuationSeparatesWordsAndFormsNoOperator) {
  Add("Cakupan 100% Imunisasi");
  Add("Cakupan 1000 Rumah");
  Add("Kode e_KTP Cepat");
  Add("Kode eXKTP Lambat");
  Add("Jalur A\\B");
  Add("Jalur AB");

  EXPECT_EQ(Search("100%"), (Titles{"Cakupan 100% Imunisasi"}));
  EXPECT_EQ(Search("e_ktp"), (Titles{"Kode e_KTP Cepat"})) << "a phrase of two words";
  EXPECT_EQ(Search("a\\b"), (Titles{"Jalur A\\B"}));
  EXPECT_EQ(Search("%").size(), 6u) << "no words: nothing to filter by";
  EXPECT_TRUE(Search("'; DROP TABLE innovations; --").empty());
  // FTS5's own operators are words or punctuation here, never syntax that could fail.
  for (const char* text : {"NEAR(cakupan rumah", "title:kode", "\"", "*", "kode*\"", "^jalur",
                           "-kode", "{title}: x", "cakupan AND OR NOT", "((", "kode +"}) {
    EXPECT_NO_THROW(Search(text)) << text;
  }
  EXPECT_EQ(Search("cakupan").size(), 2u) << "the table is still there";
}

TEST_P(InnovationSearch, AnyFormOfAWordFindsTheOthers) {
  Add("Pelayanan Terpadu Satu Pintu");
  Add("Petugas Melayani di Rumah");
  Add("Izin Usaha Mikro Sehari Jadi");
  Add("Pasar Rakyat");
  EXPECT_EQ(Search("layanan"),
            (Titles{"Pelayanan Terpadu Satu Pintu", "Petugas Melayani di Rumah"}));
  EXPECT_EQ(Search("perizinan usaha"), (Titles{"Izin Usaha Mikro Sehari Jadi"}));
  EXPECT_EQ(Search("PERIZINAN"), (Titles{"Izin Usaha Mikro Sehari Jadi"}));
  EXPECT_EQ(Search("perijinan usaha "), (Titles{"Izin Usaha Mikro Sehari Jadi"})) << "ijin is izin";
  Add("Akte Kelahiran Keliling");
  EXPECT_EQ(Search("akta kelahiran "), (Titles{"Akte Kelahiran Keliling"}));
}

TEST_P(InnovationSearch, PhrasesKeepTheirOrderAndPrefixesCompleteAWord) {
  Add("Air Bersih untuk Desa");
  Add("Desa Bersih, Air Mengalir");
  Add("Posyandu Lansia");
  EXPECT_EQ(Search("\"air bersih\""), (Titles{"Air Bersih untuk Desa"}));
  EXPECT_EQ(Search("air bersih ").size(), 2u) << "without quotes, anywhere";
  EXPECT_EQ(Search("posyan*"), (Titles{"Posyandu Lansia"}));
  EXPECT_EQ(Search("lansia posyan"), (Titles{"Posyandu Lansia"})) << "the last word as typed";
  EXPECT_TRUE(Search("posyan ").empty()) << "a finished word is a whole word";
  Add("Bandara Airport Shuttle");
  EXPECT_EQ(Search("air").size(), 2u) << "a word the index knows is taken as finished";
  EXPECT_EQ(Search("airp").size(), 1u) << "one it does not know is completed";
}

TEST_P(InnovationSearch, AMistypedWordIsCorrected) {
  Add("Inovasi Pelayanan Kesehatan");
  Add("Pasar Rakyat");
  InnovationQuery query;
  query.text = "inovsi ";
  auto page = store().ListInnovations(query);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].title, "Inovasi Pelayanan Kesehatan");
  EXPECT_EQ(page.search.corrected_text, "inovasi");
  EXPECT_EQ(store().CountFacets(query).total, 1);
  query.text = "kesehatn pelayanan";
  EXPECT_EQ(store().ListInnovations(query).search.corrected_text, "kesehatan pelayanan");
  query.text = "zzqxj";
  EXPECT_EQ(store().ListInnovations(query).total, 0);
}

TEST_P(InnovationSearch, RanksTheTitleAboveTheNarrativeAndShowsWhereWordsMatch) {
  Add("Pasar Rakyat", [](Innovation& i) {
    i.description = "Pedagang pasar mendapat pelatihan. Selain itu ada layanan kompos di sini.";
  });
  Add("Rumah Kompos Warga");
  InnovationQuery query;
  query.text = "kompos";
  query.sort = InnovationSort::kRelevance;
  auto page = store().ListInnovations(query);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].title, "Rumah Kompos Warga");
  EXPECT_EQ(page.items[1].title, "Pasar Rakyat");
  const std::string& snippet = page.items[1].snippet;
  EXPECT_NE(snippet.find(std::string{kSnippetStart} + "kompos" + kSnippetEnd), std::string::npos)
      << snippet;
  EXPECT_TRUE(page.items[0].snippet.empty()) << "the title alone matched";
}

TEST_P(InnovationSearch, AListWithFacetsIsTheListBesideTheFacets) {
  Add("Pasar Rakyat", [](Innovation& i) {
    i.description = "Pedagang pasar mendapat pelatihan. Selain itu ada layanan kompos di sini.";
  });
  Add("Rumah Kompos Warga", [](Innovation& i) { i.summary = "Kompos dari sampah dapur warga."; });
  Add("Bank Sampah Sekolah", [this](Innovation& i) {
    i.agency_id = education_;
    i.description = "Murid memilah sampah dan mengolah sisa makanan menjadi kompos.";
  });
  Add("Draf Kompos", [](Innovation& i) { i.status = RecordStatus::kDraft; });
  std::vector<std::function<void(InnovationQuery&)>> queries = {
      [](InnovationQuery& q) { q.text = "kompos"; },
      [](InnovationQuery& q) {
        q.text = "kompos";
        q.per_page = 1;
        q.page = 2;
      },
      [this](InnovationQuery& q) {
        q.text = "kompos";
        q.agency_id = education_;
      },
      [](InnovationQuery& q) { q.text = "komops"; },
      [](InnovationQuery& q) { q.text = "kompos gedung"; },
      [](InnovationQuery& q) { q.text = "tidak ada yang begini"; },
      [](InnovationQuery& q) { q.region_code = "3578"; },
      [](InnovationQuery& q) {
        q.text = "kompos";
        RestrictToVisible(Actor::Public("127.0.0.1"), q);
      },
  };
  for (std::size_t k = 0; k < queries.size(); ++k) {
    InnovationQuery query;
    query.sort = InnovationSort::kRelevance;
    queries[k](query);
    const InnovationPage page = store().ListInnovations(query);
    const InnovationFacets facets = store().CountFacets(query);
    const FacetedPage both = store().ListWithFacets(query);
    ASSERT_EQ(both.page.items.size(), page.items.size()) << k;
    for (std::size_t n = 0; n < page.items.size(); ++n) {
      EXPECT_EQ(both.page.items[n].id, page.items[n].id) << k;
      EXPECT_EQ(both.page.items[n].snippet, page.items[n].snippet) << k;
    }
    EXPECT_EQ(both.page.total, page.total) << k;
    EXPECT_EQ(both.page.search.corrected_text, page.search.corrected_text) << k;
    EXPECT_EQ(both.page.search.any_word, page.search.any_word) << k;
    EXPECT_EQ(both.facets.total, facets.total) << k;
    EXPECT_EQ(both.facets.search.corrected_text, facets.search.corrected_text) << k;
    EXPECT_EQ(Counts(both.facets.agency), Counts(facets.agency)) << k;
    EXPECT_EQ(Counts(both.facets.year), Counts(facets.year)) << k;
  }
  // The cases above cover snippets, a correction and a fallback to any word.
  InnovationQuery kompos;
  kompos.text = "kompos";
  kompos.sort = InnovationSort::kRelevance;
  const FacetedPage found = store().ListWithFacets(kompos);
  EXPECT_EQ(found.page.total, 4);
  EXPECT_EQ(found.facets.total, 4);
  EXPECT_EQ(std::count_if(found.page.items.begin(), found.page.items.end(),
                          [](const auto& item) { return !item.snippet.empty(); }),
            3)
      << "the narratives of two and the summary of one hold the word";
  kompos.text = "komops";
  EXPECT_EQ(store().ListWithFacets(kompos).page.search.corrected_text, "kompos");
  kompos.text = "kompos gedung";
  EXPECT_TRUE(store().ListWithFacets(kompos).page.search.any_word);
}

TEST_P(InnovationSearch, DraftsAreNeverFoundByWhoMayNotSeeThem) {
  Add("Rahasiadraf Kesehatan", [](Innovation& i) { i.status = RecordStatus::kDraft; });
  Add("Pasar Rakyat");
  InnovationQuery query;
  RestrictToVisible(Actor::Public("127.0.0.1"), query);
  query.text = "rahasiadraf";
  EXPECT_EQ(store().ListInnovations(query).total, 0);
  EXPECT_EQ(store().CountFacets(query).total, 0);
  query.text = "rahasiadrav";  // one letter away: no correction towards a hidden word
  auto page = store().ListInnovations(query);
  EXPECT_EQ(page.total, 0);
  EXPECT_TRUE(page.search.corrected_text.empty());
  query.text = "rahasiadraf pasar";  // nor does any-word reveal it
  EXPECT_EQ(store().ListInnovations(query).total, 1);
  EXPECT_TRUE(store().FindSimilar(query, "Rahasiadraf Kesehatan", std::nullopt, 10, 0).empty());
  // Its agency's operator finds it.
  Actor own;
  own.user_id = 9;
  own.roles = {{Role::kAgencyOperator, "", health_, 0}};
  InnovationQuery theirs;
  RestrictToVisible(own, theirs);
  theirs.text = "rahasiadraf";
  EXPECT_EQ(store().ListInnovations(theirs).total, 1);
}

TEST_P(InnovationSearch, TheIndexFollowsEveryWriteInItsTransaction) {
  Innovation record = Add("Bank Sampah Sekolah");
  EXPECT_EQ(Search("sampah").size(), 1u);

  record.title = "Kebun Gizi Sekolah";
  auto updated = store().UpdateInnovation(record, record.version);
  ASSERT_TRUE(updated);
  EXPECT_TRUE(Search("sampah ").empty());
  EXPECT_EQ(Search("gizi").size(), 1u);

  record.title = "Judul Basi";  // a stale version changes nothing, the index included
  EXPECT_FALSE(store().UpdateInnovation(record, record.version));
  EXPECT_TRUE(Search("basi ").empty());
  EXPECT_EQ(Search("gizi").size(), 1u);

  {
    Transaction transaction(store());
    Innovation other = record;
    other.title = "Ditarik Kembali";
    other.source_ref = "";
    ASSERT_TRUE(store().InsertInnovation(other));
    EXPECT_EQ(Search("ditarik").size(), 1u);
  }  // rolled back
  EXPECT_TRUE(Search("ditarik").empty());

  Agency agency = *store().FindAgency(health_);
  agency.name = "Dinas Kesehatan dan Keluarga Berencana";
  ASSERT_TRUE(store().UpdateAgency(agency, agency.version));
  EXPECT_EQ(Search("keluarga berencana").size(), 1u) << "the agency's new name";

  ASSERT_TRUE(store().DeleteInnovation(updated->id, updated->version));
  EXPECT_TRUE(Search("gizi").empty());
}

TEST_P(InnovationSearch, SimilarInnovationsShareTheirRarerWords) {
  auto mobile = Add("Akta Kelahiran Keliling ke Desa", [](Innovation& i) {
    i.summary = "Petugas datang ke desa membawa layanan akta kelahiran.";
  });
  Add("Layanan Keliling Akta Kelahiran Anak",
      [](Innovation& i) { i.summary = "Akta kelahiran untuk anak di desa terpencil."; });
  Add("Pajak Daerah Daring", [](Innovation& i) { i.summary = "Layanan pajak daerah di rumah."; });
  Add("Sekolah Ramah Anak", [this](Innovation& i) { i.agency_id = education_; });
  InnovationQuery scope;
  auto similar =
      store().FindSimilar(scope, mobile.title + "\n" + mobile.summary, mobile.id, 5, 0.1);
  ASSERT_FALSE(similar.empty());
  EXPECT_EQ(similar[0].innovation.title, "Layanan Keliling Akta Kelahiran Anak");
  EXPECT_GT(similar[0].score, 0.4);
  EXPECT_LE(similar[0].score, 1.0);
  for (const auto& s : similar) {
    EXPECT_NE(s.innovation.id, mobile.id) << "never itself";
    EXPECT_NE(s.innovation.title, "Pajak Daerah Daring") << "only common words shared";
  }
  // Unsaved text finds the same, itself included.
  auto typed = store().FindSimilar(scope, "akta kelahiran keliling", std::nullopt, 5, 0.1);
  ASSERT_GE(typed.size(), 2u);
  // A scope limits where it looks.
  scope.region_code = "3573";
  EXPECT_TRUE(store().FindSimilar(scope, mobile.title, std::nullopt, 5, 0).empty());
}

TEST_P(InnovationSearch, AffairMatchesExactly) {
  Add("Satu", [](Innovation& i) { i.main_affair = "Kesehatan"; });
  Add("Dua", [](Innovation& i) { i.main_affair = "Kesehatan Hewan"; });
  Add("Tiga", [](Innovation& i) { i.main_affair = "Pendidikan"; });
  InnovationQuery query;
  query.affair = "Kesehatan";
  EXPECT_EQ(TitlesFor(query), (Titles{"Satu"}));
  query.affair = "kesehatan";
  EXPECT_TRUE(TitlesFor(query).empty());
}

TEST_P(InnovationSearch, ReplicatedFromFindsTheReplicationsOfOneInnovation) {
  auto origin = Add("Asal");
  auto other = Add("Lain");
  Innovation copy;
  copy.region_code = "3573";
  copy.agency_id = malang_;
  copy.title = "Tiruan di Malang";
  copy.replicated_from = origin.id;
  ASSERT_TRUE(registry_.CreateInnovation(copy));
  Innovation second = copy;
  second.title = "Tiruan Kedua";
  ASSERT_TRUE(registry_.CreateInnovation(second));
  Innovation of_other = copy;
  of_other.title = "Tiruan yang Lain";
  of_other.replicated_from = other.id;
  ASSERT_TRUE(registry_.CreateInnovation(of_other));

  InnovationQuery query;
  query.replicated_from = origin.id;
  EXPECT_EQ(TitlesFor(query), (Titles{"Tiruan di Malang", "Tiruan Kedua"}));
  EXPECT_EQ(store().ListInnovations(query).total, 2);
  query.text = "malang ";
  EXPECT_EQ(TitlesFor(query), (Titles{"Tiruan di Malang"}));
}

// Surabaya: health has 3 published technology (2 digital), 1 published process, 1 draft
// method; education has 2 published process. Malang has 1 published technology.
class InnovationFacetsTest : public InnovationSearch {
 protected:
  void SetUp() override {
    InnovationSearch::SetUp();
    using enum InnovationType;
    const auto kPublished = RecordStatus::kPublished;
    AddFull("A", health_, kTechnology, Form::kPublicService, 2024, true, "Kesehatan", kPublished);
    AddFull("B", health_, kTechnology, Form::kPublicService, 2023, true, "Kesehatan", kPublished);
    AddFull("C", health_, kTechnology, Form::kGovernance, 2024, false, "Kesehatan", kPublished);
    AddFull("D", health_, kProcess, Form::kPublicService, 2022, false, "Sosial", kPublished);
    AddFull("E", health_, kMethod, Form::kGovernance, 2024, false, "Kesehatan",
            RecordStatus::kDraft);
    AddFull("F", education_, kProcess, Form::kPublicService, 2024, false, "Pendidikan", kPublished);
    AddFull("G", education_, kProcess, Form::kGovernance, 2021, false, "", kPublished);
    AddFull("H", malang_, kTechnology, Form::kPublicService, 2024, true, "Kominfo", kPublished);
  }
};

TEST_P(InnovationFacetsTest, CountEveryValueInTheDocumentedOrder) {
  InnovationQuery query;
  query.region_code = "3578";
  auto facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 7);
  EXPECT_EQ(facets.total, store().ListInnovations(query).total);
  ASSERT_EQ(facets.agency.size(), 2u);
  EXPECT_EQ(facets.agency[0].value, std::to_string(health_));
  EXPECT_EQ(facets.agency[0].label, "Dinas Kesehatan");
  EXPECT_EQ(facets.agency[0].count, 5);
  EXPECT_EQ(facets.agency[1].label, "Dinas Pendidikan");
  EXPECT_EQ(facets.agency[1].count, 2);
  // Most frequent first; ties by value.
  EXPECT_EQ(Counts(facets.type), (Titles{"process=3", "technology=3", "method=1"}));
  EXPECT_EQ(Counts(facets.form), (Titles{"public_service=4", "governance=3"}));
  EXPECT_EQ(Counts(facets.maturity), (Titles{"initiative=7"}));
  EXPECT_EQ(Counts(facets.stage), (Titles{"drum_up=7"}));
  // Years newest first, digital true before false, and no empty affair.
  EXPECT_EQ(Counts(facets.year), (Titles{"2024=4", "2023=1", "2022=1", "2021=1"}));
  EXPECT_EQ(Counts(facets.digital), (Titles{"true=2", "false=5"}));
  EXPECT_EQ(Counts(facets.affair), (Titles{"Kesehatan=4", "Pendidikan=1", "Sosial=1"}));
  for (const auto& value : facets.type) EXPECT_TRUE(value.label.empty());
}

TEST_P(InnovationFacetsTest, EachFacetIgnoresOnlyItsOwnFilter) {
  InnovationQuery query;
  query.region_code = "3578";
  query.type = InnovationType::kTechnology;
  auto facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 3);
  // The type facet still shows every type of the region, so the catalogue can offer them.
  EXPECT_EQ(Counts(facets.type), (Titles{"process=3", "technology=3", "method=1"}));
  // The others count only technology.
  EXPECT_EQ(Counts(facets.agency), (Titles{std::to_string(health_) + "=3"}));
  EXPECT_EQ(Counts(facets.year), (Titles{"2024=2", "2023=1"}));
  EXPECT_EQ(Counts(facets.digital), (Titles{"true=2", "false=1"}));

  // Two filters: each facet keeps the other one.
  query.digital = true;
  facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 2);
  EXPECT_EQ(Counts(facets.type), (Titles{"technology=2"}));          // digital only
  EXPECT_EQ(Counts(facets.digital), (Titles{"true=2", "false=1"}));  // technology only

  InnovationQuery by_agency;
  by_agency.region_code = "3578";
  by_agency.agency_id = education_;
  by_agency.year = 2024;
  facets = store().CountFacets(by_agency);
  EXPECT_EQ(facets.total, 1);
  EXPECT_EQ(Counts(facets.agency),
            (Titles{std::to_string(health_) + "=3", std::to_string(education_) + "=1"}));
  EXPECT_EQ(Counts(facets.year), (Titles{"2024=1", "2021=1"}));

  InnovationQuery by_affair;
  by_affair.affair = "Kesehatan";
  by_affair.form = Form::kGovernance;
  facets = store().CountFacets(by_affair);
  EXPECT_EQ(facets.total, 2);
  EXPECT_EQ(Counts(facets.affair), (Titles{"Kesehatan=2"}));  // G has none
  EXPECT_EQ(Counts(facets.form), (Titles{"governance=2", "public_service=2"}));
}

TEST_P(InnovationFacetsTest, TextAndStatusFiltersApplyToEveryFacet) {
  InnovationQuery query;
  query.text = "pendidikan";  // the agency's name
  auto facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 2);
  EXPECT_EQ(Counts(facets.agency), (Titles{std::to_string(education_) + "=2"}));
  EXPECT_EQ(facets.agency[0].label, "Dinas Pendidikan");
  EXPECT_EQ(Counts(facets.type), (Titles{"process=2"}));
  // Another search on the same connection forgets the matches of the one before.
  query.text = "KESEHATAN";
  query.type = InnovationType::kTechnology;
  facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 3);
  EXPECT_EQ(Counts(facets.agency), (Titles{std::to_string(health_) + "=3"}));
  EXPECT_EQ(Counts(facets.type), (Titles{"technology=3", "method=1", "process=1"}));
  EXPECT_EQ(facets.total, store().ListInnovations(query).total);

  InnovationQuery drafts;
  drafts.statuses = {RecordStatus::kDraft};
  facets = store().CountFacets(drafts);
  EXPECT_EQ(facets.total, 1);
  EXPECT_EQ(Counts(facets.type), (Titles{"method=1"}));
}

TEST_P(InnovationFacetsTest, CountOnlyWhatTheViewerMaySee) {
  // The public: published records only, whatever the facet.
  InnovationQuery query;
  RestrictToVisible(Actor::Public("127.0.0.1"), query);
  auto facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 7);
  EXPECT_EQ(Counts(facets.type), (Titles{"technology=4", "process=3"}));
  for (const auto* facet : {&facets.agency, &facets.type, &facets.form, &facets.year,
                            &facets.affair, &facets.digital, &facets.maturity, &facets.stage}) {
    long long sum = 0;
    for (const auto& value : *facet) sum += value.count;
    EXPECT_LE(sum, facets.total);
  }
  // Filtering by the draft's own values still does not reveal it.
  query.type = InnovationType::kMethod;
  facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 0);
  EXPECT_EQ(Counts(facets.type), (Titles{"technology=4", "process=3"}));
  EXPECT_TRUE(facets.agency.empty());

  // An operator of the education agency sees its own drafts, never the health agency's.
  Actor operator_of_education;
  operator_of_education.user_id = 7;
  operator_of_education.roles = {{Role::kAgencyOperator, "", education_, 0}};
  InnovationQuery theirs;
  RestrictToVisible(operator_of_education, theirs);
  facets = store().CountFacets(theirs);
  EXPECT_EQ(facets.total, 7);
  EXPECT_EQ(std::count_if(facets.type.begin(), facets.type.end(),
                          [](const FacetValue& v) { return v.value == "method"; }),
            0);
  // The health agency's operator does see it.
  Actor operator_of_health = operator_of_education;
  operator_of_health.roles = {{Role::kAgencyOperator, "", health_, 0}};
  InnovationQuery own;
  RestrictToVisible(operator_of_health, own);
  facets = store().CountFacets(own);
  EXPECT_EQ(facets.total, 8);
  EXPECT_EQ(Counts(facets.type), (Titles{"technology=4", "process=3", "method=1"}));
}

TEST_P(InnovationFacetsTest, ASearchCountsFacetsAsTheListFiltersDo) {
  // Every record's agency is a "Dinas": searching for it matches them all, so the facets of
  // the search (counted from its matches) must equal those of the same filters without words.
  std::vector<std::function<void(InnovationQuery&)>> filters = {
      [](InnovationQuery&) {},
      [](InnovationQuery& q) { q.type = InnovationType::kTechnology; },
      [](InnovationQuery& q) {
        q.type = InnovationType::kTechnology;
        q.digital = true;
      },
      [this](InnovationQuery& q) {
        q.agency_id = education_;
        q.year = 2024;
      },
      [](InnovationQuery& q) {
        q.affair = "Kesehatan";
        q.form = Form::kGovernance;
      },
      [](InnovationQuery& q) {
        q.maturity = Maturity::kInitiative;
        q.stage = Stage::kDrumUp;
        q.region_code = "3578";
      },
      [](InnovationQuery& q) { RestrictToVisible(Actor::Public("127.0.0.1"), q); },
  };
  for (std::size_t k = 0; k < filters.size(); ++k) {
    InnovationQuery plain;
    filters[k](plain);
    InnovationQuery searched = plain;
    searched.text = "dinas ";
    auto expected = store().CountFacets(plain);
    auto actual = store().CountFacets(searched);
    EXPECT_EQ(actual.total, expected.total) << k;
    EXPECT_EQ(actual.total, store().ListInnovations(searched).total) << k;
    const std::vector<FacetValue> InnovationFacets::*members[] = {
        &InnovationFacets::agency,   &InnovationFacets::type,   &InnovationFacets::form,
        &InnovationFacets::maturity, &InnovationFacets::stage,  &InnovationFacets::year,
        &InnovationFacets::affair,   &InnovationFacets::digital};
    for (auto member : members) {
      EXPECT_EQ(Counts(actual.*member), Counts(expected.*member)) << k;
      for (std::size_t v = 0; v < (actual.*member).size() && v < (expected.*member).size(); ++v) {
        EXPECT_EQ((actual.*member)[v].label, (expected.*member)[v].label) << k;
      }
    }
  }
}

TEST_P(InnovationFacetsTest, AnEmptyResultHasEmptyFacets) {
  InnovationQuery query;
  query.region_code = "3578";
  query.text = "tidak ada yang begini";
  auto facets = store().CountFacets(query);
  EXPECT_EQ(facets.total, 0);
  EXPECT_TRUE(facets.agency.empty());
  EXPECT_TRUE(facets.type.empty());
  EXPECT_TRUE(facets.year.empty());
  EXPECT_TRUE(facets.digital.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, InnovationSearch, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, InnovationFacetsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lumbung
