#include "demo/demo.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/programme.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "support/test_support.hpp"

namespace lumbung::demo {
namespace {

using ::testing::HasSubstr;

// Every innovation of a region, in id order.
std::vector<Innovation> AllInnovations(Store& store, const std::string& region_code) {
  std::vector<Innovation> innovations;
  store.ForEachInnovation(region_code,
                          [&](const Innovation& innovation) { innovations.push_back(innovation); });
  return innovations;
}

std::vector<std::string> Titles(const std::vector<Innovation>& innovations) {
  std::vector<std::string> titles;
  for (const auto& innovation : innovations) titles.push_back(innovation.title);
  return titles;
}

// The natural demo, loaded once for the tests that only read it: loading takes a moment
// under the sanitizers.
class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new testing::TempDatabase();
    Registry registry(database_->store(), testing::FixedNow);
    auto loaded = LoadDemo(database_->store(), registry, DemoOptions{});
    ASSERT_TRUE(loaded.ok()) << loaded.error().title.en;
    summary_ = new DemoSummary(loaded.value());
    innovations_ = new std::vector<Innovation>(AllInnovations(database_->store(), "9971"));
  }

  static void TearDownTestSuite() {
    delete innovations_;
    delete summary_;
    delete database_;
  }

  static Store& store() { return database_->store(); }
  static const DemoSummary& summary() { return *summary_; }
  static const std::vector<Innovation>& innovations() { return *innovations_; }

 private:
  static testing::TempDatabase* database_;
  static DemoSummary* summary_;
  static std::vector<Innovation>* innovations_;
};

testing::TempDatabase* DemoTest::database_ = nullptr;
DemoSummary* DemoTest::summary_ = nullptr;
std::vector<Innovation>* DemoTest::innovations_ = nullptr;

TEST_F(DemoTest, CreatesALabelledDemoCity) {
  auto region = store().FindRegion("9971");
  ASSERT_TRUE(region.has_value());
  EXPECT_TRUE(region->demo);
  EXPECT_THAT(region->name, HasSubstr("Demo"));
  EXPECT_EQ(region->level, RegionLevel::kCity);
  EXPECT_EQ(region->time_zone, TimeZone::kWib);
  EXPECT_TRUE(region->parent_code.empty());
  EXPECT_EQ(summary().region_code, "9971");
  EXPECT_FALSE(summary().already_present);
}

TEST_F(DemoTest, HasFortyAgenciesAndBumdWithEselonThreeUnits) {
  auto agencies = store().ListAgencies("9971");
  std::map<Id, Agency> top_level;
  int companies = 0;
  int units = 0;
  for (const auto& agency : agencies) {
    if (!agency.parent_id) {
      top_level[agency.id] = agency;
      if (agency.kind == AgencyKind::kRegionalCompany) ++companies;
    }
  }
  for (const auto& agency : agencies) {
    if (!agency.parent_id) continue;
    ++units;
    EXPECT_EQ(agency.echelon, 3) << agency.name;
    EXPECT_TRUE(top_level.contains(*agency.parent_id)) << agency.name;
  }
  EXPECT_EQ(top_level.size(), 40u);
  EXPECT_GE(companies, 3);
  EXPECT_GE(units, 5);
  EXPECT_EQ(summary().agencies, 40);
  EXPECT_EQ(summary().units, units);

  std::set<std::string> names;
  for (const auto& [id, agency] : top_level) names.insert(agency.name);
  for (const char* expected :
       {"Dinas Kesehatan", "Dinas Pendidikan", "Dinas Kependudukan dan Pencatatan Sipil",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Perumda Air Minum Tirta Lumbung"}) {
    EXPECT_TRUE(names.contains(expected)) << expected;
  }
  std::set<AgencyKind> kinds;
  for (const auto& [id, agency] : top_level) kinds.insert(agency.kind);
  EXPECT_TRUE(kinds.contains(AgencyKind::kDistrict));
  EXPECT_TRUE(kinds.contains(AgencyKind::kTechnicalUnit));
}

TEST_F(DemoTest, GivesEveryAgencyThreeToEightInnovations) {
  std::map<Id, int> per_agency;
  for (const auto& innovation : innovations()) ++per_agency[innovation.agency_id];
  EXPECT_EQ(per_agency.size(), 40u);
  for (const auto& [agency, count] : per_agency) {
    EXPECT_GE(count, 3) << agency;
    EXPECT_LE(count, 8) << agency;
  }
  EXPECT_EQ(summary().innovations, static_cast<int>(innovations().size()));
}

TEST_F(DemoTest, CoversEveryTypeFormMaturityStageAndStatus) {
  std::set<InnovationType> types;
  std::set<Form> forms;
  std::set<Maturity> maturities;
  std::set<Stage> stages;
  std::map<RecordStatus, int> statuses;
  std::set<Continuation> continuations;
  bool digital = false;
  bool non_digital = false;
  for (const auto& innovation : innovations()) {
    ASSERT_TRUE(innovation.type.has_value());
    ASSERT_TRUE(innovation.form.has_value());
    types.insert(*innovation.type);
    forms.insert(*innovation.form);
    maturities.insert(innovation.maturity);
    stages.insert(innovation.stage);
    ++statuses[innovation.status];
    continuations.insert(innovation.continuation);
    (innovation.digital ? digital : non_digital) = true;
  }
  EXPECT_EQ(types.size(), 8u);
  EXPECT_EQ(forms.size(), 3u);
  EXPECT_EQ(maturities.size(), 3u);
  EXPECT_EQ(stages.size(), 5u);
  EXPECT_EQ(statuses.size(), 6u);
  EXPECT_EQ(continuations.size(), 3u);
  EXPECT_TRUE(digital);
  EXPECT_TRUE(non_digital);
  EXPECT_GT(statuses[RecordStatus::kPublished] * 2, static_cast<int>(innovations().size()))
      << "most innovations are published";
}

TEST_F(DemoTest, SpansSeveralYearsUpToTheClock) {
  std::set<int> years;
  for (const auto& innovation : innovations()) {
    ASSERT_TRUE(innovation.year.has_value());
    years.insert(*innovation.year);
    for (const auto& line : innovation.budget) {
      EXPECT_GE(line.year, *innovation.year);
      EXPECT_LE(line.year, 2026);
      EXPECT_GT(line.amount, 0);
    }
    if (!innovation.implementation_date.empty()) {
      EXPECT_LE(innovation.implementation_date, "2026-06-15") << innovation.title;
      EXPECT_GE(innovation.implementation_date, innovation.trial_date) << innovation.title;
    }
  }
  EXPECT_EQ(*years.begin(), 2021);
  EXPECT_EQ(*years.rbegin(), 2026);
  EXPECT_GE(years.size(), 5u);
}

TEST_F(DemoTest, FillsTheDocumentationTheRegulationsAskFor) {
  int rejected = 0;
  int with_partners = 0;
  int with_budget = 0;
  std::set<std::string> affairs;
  for (const auto& innovation : innovations()) {
    EXPECT_FALSE(innovation.title.empty());
    EXPECT_FALSE(innovation.summary.empty());
    EXPECT_FALSE(innovation.background.empty());
    EXPECT_FALSE(innovation.design.empty());
    EXPECT_FALSE(innovation.goals.empty());
    EXPECT_FALSE(innovation.process_steps.empty());
    EXPECT_FALSE(innovation.unit.empty());
    affairs.insert(innovation.main_affair);
    if (innovation.status == RecordStatus::kDraft) {
      EXPECT_TRUE(innovation.evidence.empty()) << innovation.title;
    } else {
      EXPECT_FALSE(innovation.results.empty()) << innovation.title;
      EXPECT_FALSE(innovation.outcomes.empty()) << innovation.title;
      EXPECT_FALSE(innovation.evidence.empty()) << innovation.title;
    }
    bool digital_theme = std::find(innovation.themes.begin(), innovation.themes.end(),
                                   "Digitalisasi") != innovation.themes.end();
    EXPECT_EQ(digital_theme, innovation.digital) << innovation.title;
    for (const auto& evidence : innovation.evidence) {
      EXPECT_TRUE(evidence.url.starts_with("https://example.org/")) << evidence.url;
    }
    if (innovation.status == RecordStatus::kRejected) {
      ++rejected;
      EXPECT_FALSE(innovation.rejection_reason.empty());
    }
    if (!innovation.partners.empty()) ++with_partners;
    if (!innovation.budget.empty()) ++with_budget;
  }
  EXPECT_GT(rejected, 0);
  EXPECT_GT(with_partners, 10);
  EXPECT_GT(with_budget, static_cast<int>(innovations().size()) / 2);
  for (const char* affair : {"Kesehatan", "Pendidikan",
                             "Administrasi Kependudukan dan Pencatatan Sipil", "Penanaman Modal"}) {
    EXPECT_TRUE(affairs.contains(affair)) << affair;
  }
}

TEST_F(DemoTest, LeavesNoSlotInAnyText) {
  for (const auto& innovation : innovations()) {
    for (const std::string* text :
         {&innovation.title, &innovation.product, &innovation.summary, &innovation.description,
          &innovation.background, &innovation.design, &innovation.goals, &innovation.benefits,
          &innovation.results, &innovation.drivers, &innovation.obstacles,
          &innovation.process_steps, &innovation.outputs, &innovation.outcomes,
          &innovation.replication_prerequisites}) {
      EXPECT_EQ(text->find_first_of("{}"), std::string::npos) << *text;
    }
  }
}

TEST_F(DemoTest, ReplicatesEarlierDemoInnovations) {
  std::map<Id, const Innovation*> by_id;
  for (const auto& innovation : innovations()) by_id[innovation.id] = &innovation;
  int replications = 0;
  for (const auto& innovation : innovations()) {
    if (!innovation.replicated_from) continue;
    ++replications;
    ASSERT_TRUE(by_id.contains(*innovation.replicated_from));
    const Innovation& origin = *by_id[*innovation.replicated_from];
    EXPECT_NE(origin.agency_id, innovation.agency_id);
    EXPECT_LE(origin.year, innovation.year);
    EXPECT_TRUE(innovation.replication_method.has_value());
    EXPECT_FALSE(innovation.transfer_kinds.empty());
  }
  EXPECT_GE(replications, 3);
}

TEST_F(DemoTest, TitlesOfTheNaturalDemoAreDistinct) {
  auto titles = Titles(innovations());
  std::set<std::string> distinct(titles.begin(), titles.end());
  EXPECT_EQ(distinct.size(), titles.size());
}

TEST_F(DemoTest, EveryAgencyHasInstitutionalContactsInTheDemoCity) {
  std::set<std::string> emails;
  int top_level = 0;
  for (const auto& agency : store().ListAgencies("9971")) {
    EXPECT_TRUE(ValidateAgency(agency).empty()) << agency.name;
    EXPECT_THAT(agency.address, HasSubstr("Kota Lumbung Sejahtera")) << agency.name;
    EXPECT_THAT(agency.address, HasSubstr("Kelurahan ")) << agency.name;
    EXPECT_FALSE(agency.phone.empty()) << agency.name;
    EXPECT_TRUE(agency.email.ends_with(".example")) << agency.email;
    EXPECT_TRUE(agency.website.starts_with("https://")) << agency.website;
    EXPECT_TRUE(agency.website.ends_with(".example")) << agency.website;
    if (agency.parent_id) {
      // A bidang is reached through its agency.
      auto parent = store().FindAgency(*agency.parent_id);
      ASSERT_TRUE(parent);
      EXPECT_EQ(agency.email, parent->email) << agency.name;
      EXPECT_EQ(agency.address, parent->address) << agency.name;
    } else {
      ++top_level;
      EXPECT_TRUE(emails.insert(agency.email).second) << agency.email;
    }
  }
  EXPECT_EQ(top_level, 40);
  // A kecamatan's office stands in the kecamatan.
  auto district = store().FindAgencyByName("9971", "Kecamatan Padi Emas");
  ASSERT_TRUE(district);
  EXPECT_THAT(district->address, HasSubstr("Kecamatan Padi Emas,"));
}

// The region's programme around the records: teams by decree, every year's sessions and
// training, the rounds of monitoring and evaluation, and why what stopped stopped.
TEST_F(DemoTest, RunsTheRegionsProgrammeEveryYear) {
  const Date today{2026, 6, 15};
  auto teams = store().ListTeams("9971");
  ASSERT_FALSE(teams.empty());
  EXPECT_FALSE(teams.front().agency_id) << "the region's own team comes first";
  EXPECT_TRUE(std::any_of(teams.begin(), teams.end(), [](const Team& t) { return t.agency_id; }));
  for (const auto& team : teams) EXPECT_TRUE(CheckTeam(team, today).empty()) << team.id;

  for (int year = 2021; year <= 2026; ++year) {
    auto activities = store().ListActivities("9971", year);
    EXPECT_GE(activities.size(), 4u) << year;
    for (const auto& activity : activities) {
      EXPECT_TRUE(CheckActivity(activity, today).empty()) << activity.title;
    }
  }
  auto all = store().ListActivities("9971", 0);
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [&](const Activity& a) {
    return a.date > "2026-06-15" && a.advice.empty();
  })) << "the next session is on the calendar";
  EXPECT_TRUE(
      std::any_of(all.begin(), all.end(), [](const Activity& a) { return IsTraining(a.kind); }));

  // Last year's round is complete, this year's under way.
  std::size_t in_round = 0;
  for (const auto& innovation : innovations()) {
    in_round += InRound(innovation) && innovation.year && *innovation.year <= 2025;
    if (innovation.continuation != Continuation::kActive) {
      EXPECT_FALSE(innovation.continuation_date.empty()) << innovation.title;
      EXPECT_FALSE(innovation.continuation_reason.empty()) << innovation.title;
    }
  }
  EXPECT_EQ(store().ListEvaluations("9971", 2025).size(), in_round);
  auto this_year = store().ListEvaluations("9971", 2026).size();
  EXPECT_GT(this_year, 0u);
  EXPECT_LT(this_year, static_cast<std::size_t>(
                           std::count_if(innovations().begin(), innovations().end(),
                                         [](const Innovation& i) { return InRound(i); })));
}

TEST_F(DemoTest, LoadingAgainChangesNothing) {
  auto counter = store().ChangeCounter();
  Registry registry(store(), testing::FixedNow);
  auto again = LoadDemo(store(), registry, DemoOptions{});
  ASSERT_TRUE(again.ok()) << again.error().title.en;
  EXPECT_TRUE(again->already_present);
  EXPECT_EQ(again->agencies, summary().agencies);
  EXPECT_EQ(again->units, summary().units);
  EXPECT_EQ(again->innovations, summary().innovations);
  EXPECT_EQ(store().ChangeCounter(), counter);
  EXPECT_EQ(AllInnovations(store(), "9971").size(), innovations().size());
}

TEST(DemoSizeTest, GeneratesExactlyTheRequestedNumber) {
  testing::TempDatabase database;
  Registry registry(database.store(), testing::FixedNow);
  DemoOptions options;
  options.region_code = "9972";
  options.innovations = 500;
  auto loaded = LoadDemo(database.store(), registry, options);
  ASSERT_TRUE(loaded.ok()) << loaded.error().title.en;
  EXPECT_EQ(loaded->innovations, 500);
  EXPECT_EQ(AllInnovations(database.store(), "9972").size(), 500u);
}

TEST(DemoSizeTest, TheSameSeedGivesTheSameTitlesAndAnotherSeedOthers) {
  auto titles_for = [](std::uint32_t seed) {
    testing::TempDatabase database;
    Registry registry(database.store(), testing::FixedNow);
    DemoOptions options;
    options.innovations = 120;
    options.seed = seed;
    auto loaded = LoadDemo(database.store(), registry, options);
    EXPECT_TRUE(loaded.ok());
    return Titles(AllInnovations(database.store(), options.region_code));
  };
  auto first = titles_for(7);
  EXPECT_EQ(first.size(), 120u);
  EXPECT_EQ(titles_for(7), first);
  EXPECT_NE(titles_for(8), first);
}

TEST(DemoSizeTest, RefusesANegativeCountWithoutWriting) {
  testing::TempDatabase database;
  Registry registry(database.store(), testing::FixedNow);
  DemoOptions options;
  options.innovations = -1;
  auto loaded = LoadDemo(database.store(), registry, options);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalid);
  EXPECT_FALSE(database.store().FindRegion("9971").has_value());
}

TEST(DemoSizeTest, LeavesARealRegionWithTheSameCodeAlone) {
  testing::TempDatabase database;
  Registry registry(database.store(), testing::FixedNow);
  Region real;
  real.code = "9971";
  real.name = "Kota Nyata";
  ASSERT_TRUE(registry.CreateRegion(real).ok());
  auto loaded = LoadDemo(database.store(), registry, DemoOptions{});
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(database.store().ListAgencies("9971").empty());
}

TEST(DemoSizeTest, StartsInTheClocksYearWhenTheClockIsEarly) {
  testing::TempDatabase database;
  Registry registry(database.store(), []() -> std::chrono::system_clock::time_point {
    return std::chrono::sys_days{std::chrono::year{2019} / 1 / 2} + std::chrono::hours{1};
  });
  DemoOptions options;
  options.innovations = 60;
  auto loaded = LoadDemo(database.store(), registry, options);
  ASSERT_TRUE(loaded.ok()) << loaded.error().title.en;
  for (const auto& innovation : AllInnovations(database.store(), "9971")) {
    EXPECT_EQ(innovation.year, 2019);
    EXPECT_LE(innovation.trial_date, "2019-01-02");
  }
}

}  // namespace
}  // namespace lumbung::demo
