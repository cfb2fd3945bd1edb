// ImportRegions on small lists written here, then on the real list of 2018.
#include <gtest/gtest.h>

#include <sstream>

#include "exchange/exchange_fixture.hpp"
#include "exchange/importer.hpp"

namespace lumbung::exchange {
namespace {

using lumbung::testing::FixedNow;
using lumbung::testing::TempDatabase;
using testing::Describe;
using testing::ErrorFields;

class RegionImportTest : public ::testing::Test {
 protected:
  Result<ImportReport> Import(const std::string& csv, bool dry_run = false) {
    std::istringstream input(csv);
    return ImportRegions(database_.store(), registry_, input, ImportOptions{dry_run});
  }

  Store& store() { return database_.store(); }

  TempDatabase database_;
  Registry registry_{database_.store(), FixedNow};
};

// Regencies before their province, names in capitals, a BOM and CRLF, as spreadsheets write.
constexpr const char* kSmallList =
    "\xEF\xBB\xBFkode,nama,tingkat,kode_provinsi\r\n"
    "3578,KOTA SURABAYA,kota,35\r\n"
    "35,JAWA TIMUR,provinsi,\r\n"
    "5171,KOTA DENPASAR,kota,51\r\n"
    "51,BALI,provinsi,\r\n"
    "9471,KOTA JAYAPURA,kota,94\r\n"
    "94,PAPUA,provinsi,\r\n"
    "3510,KABUPATEN BANYUWANGI,kabupaten,\r\n";

TEST_F(RegionImportTest, ImportsProvincesFirstWithNamesAndTimeZones) {
  auto report = Import(kSmallList);
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->format, "regions-csv");
  EXPECT_EQ(report->created, 7);
  auto surabaya = store().FindRegion("3578");
  ASSERT_TRUE(surabaya);
  EXPECT_EQ(surabaya->name, "Kota Surabaya");
  EXPECT_EQ(surabaya->level, RegionLevel::kCity);
  EXPECT_EQ(surabaya->parent_code, "35");
  EXPECT_EQ(surabaya->time_zone, TimeZone::kWib);
  EXPECT_EQ(surabaya->created_at, "2026-06-15T03:00:00Z");
  EXPECT_EQ(store().FindRegion("35")->level, RegionLevel::kProvince);
  EXPECT_EQ(store().FindRegion("35")->parent_code, "");
  EXPECT_EQ(store().FindRegion("5171")->time_zone, TimeZone::kWita);
  EXPECT_EQ(store().FindRegion("94")->time_zone, TimeZone::kWit);
  EXPECT_EQ(store().FindRegion("9471")->time_zone, TimeZone::kWit);
  // The province of a regency is the start of its code when the list leaves it out.
  auto banyuwangi = store().FindRegion("3510");
  EXPECT_EQ(banyuwangi->parent_code, "35");
  EXPECT_EQ(banyuwangi->level, RegionLevel::kRegency);
}

TEST_F(RegionImportTest, ASecondImportChangesNothing) {
  ASSERT_TRUE(Import(kSmallList));
  auto before = store().ChangeCounter();
  auto again = Import(kSmallList);
  ASSERT_TRUE(again) << Describe(again.error());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 7);
  EXPECT_EQ(store().ChangeCounter(), before);
}

TEST_F(RegionImportTest, UpdatesWhatChangedAndKeepsTheDemoFlag) {
  ASSERT_TRUE(registry_.CreateRegion(
      {"35", "Jatim", RegionLevel::kProvince, "", TimeZone::kWita, true, ""}));
  auto report = Import(kSmallList);
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->updated, 1);
  EXPECT_EQ(report->created, 6);
  auto province = store().FindRegion("35");
  EXPECT_EQ(province->name, "Jawa Timur");
  EXPECT_EQ(province->time_zone, TimeZone::kWib);
  EXPECT_TRUE(province->demo);
}

TEST_F(RegionImportTest, ABadRowImportsNothing) {
  auto report = Import(
      "kode,nama,tingkat,kode_provinsi\n"
      "35,JAWA TIMUR,provinsi,\n"
      "3578,KOTA SURABAYA,kotamadya,35\n"
      "3679,KOTA CONTOH,kota,36\n"
      "35,JAWA TIMUR,provinsi,\n"
      "357,,kota,35\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(ErrorFields(report.error()),
            (std::vector<std::string>{"line 3: tingkat", "line 5: kode", "line 6: kode",
                                      "line 6: nama", "line 4: kode_provinsi"}))
      << Describe(report.error());
  EXPECT_TRUE(store().ListRegions().empty());
}

TEST_F(RegionImportTest, HeaderProblems) {
  auto report = Import("kode,nama,level\n35,JAWA TIMUR,provinsi\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(
      ErrorFields(report.error()),
      (std::vector<std::string>{"line 1: level", "line 1: tingkat", "line 1: kode_provinsi"}));
  report = Import("kode,nama,tingkat,kode_provinsi\n35,\"JAWA\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 2"});
  report = Import("kode,nama,tingkat,kode_provinsi\n35,JAWA TIMUR\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 2"});
  report = Import("kode,nama,tingkat,kode_provinsi\n35,JAWA \xFF,provinsi,\n");
  ASSERT_FALSE(report);
  EXPECT_EQ(ErrorFields(report.error()), std::vector<std::string>{"line 2: nama"});
}

TEST_F(RegionImportTest, ADryRunWritesNothing) {
  auto report = Import(kSmallList, /*dry_run=*/true);
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_TRUE(report->dry_run);
  EXPECT_EQ(report->created, 7);
  EXPECT_TRUE(store().ListRegions().empty());
}

TEST_F(RegionImportTest, TheRealList) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  std::string csv = testing::ReadFile(folder / "regions-2018.csv");
  auto report = Import(csv);
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->created, 548);
  auto regions = store().ListRegions();
  ASSERT_EQ(regions.size(), 548u);
  int provinces = 0;
  int by_zone[3] = {0, 0, 0};
  for (const auto& region : regions) {
    if (region.level == RegionLevel::kProvince) ++provinces;
    ++by_zone[static_cast<int>(region.time_zone)];
    // No name is left in capitals only.
    EXPECT_TRUE(std::any_of(region.name.begin(), region.name.end(),
                            [](char c) { return c >= 'a' && c <= 'z'; }))
        << region.code << " " << region.name;
  }
  EXPECT_EQ(provinces, 34);
  EXPECT_GT(by_zone[0], by_zone[1]);
  EXPECT_GT(by_zone[1], by_zone[2]);
  EXPECT_GT(by_zone[2], 0);
  EXPECT_EQ(store().FindRegion("3578")->name, "Kota Surabaya");
  EXPECT_EQ(store().FindRegion("31")->name, "DKI Jakarta");
  EXPECT_EQ(store().FindRegion("34")->name, "DI Yogyakarta");
  EXPECT_EQ(store().FindRegion("2171")->name, "Kota Batam");
  EXPECT_EQ(store().FindRegion("6471")->time_zone, TimeZone::kWita);  // Balikpapan
  EXPECT_EQ(store().FindRegion("6171")->time_zone, TimeZone::kWib);   // Pontianak
  EXPECT_EQ(store().FindRegion("8171")->time_zone, TimeZone::kWit);   // Ambon

  auto again = Import(csv);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 548);
}

}  // namespace
}  // namespace lumbung::exchange
