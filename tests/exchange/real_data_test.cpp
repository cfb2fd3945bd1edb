// The 200 real LAN records: they all import, a second import changes nothing, and both
// Lumbung formats carry them to a second database and back without losing anything.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "codec/json_codec.hpp"
#include "exchange/exchange_fixture.hpp"
#include "exchange/importer.hpp"
#include "exchange/lumbung_format.hpp"

namespace lumbung::exchange {
namespace {

using testing::Describe;
using testing::Workspace;

// An innovation's fields as two databases can share them. Left out: id, version, created_at
// and updated_at, which each database assigns itself, and the ids in agency_id and
// replicated_from, compared instead by the agency's name and the original's key.
Json Comparable(Store& store, const Innovation& innovation) {
  Json json = ToJson(innovation);
  for (const char* key :
       {"id", "agency_id", "replicated_from", "version", "created_at", "updated_at"}) {
    json.erase(key);
  }
  auto agency = store.FindAgency(innovation.agency_id);
  json["agency"] = agency ? agency->name : "(none)";
  json["agency_kind"] = agency ? std::string(ToString(agency->kind)) : "(none)";
  if (innovation.replicated_from) {
    json["origin"] = ExportSourceRef(*store.FindInnovation(*innovation.replicated_from));
  }
  return json;
}

class RealDataTest : public ::testing::Test {
 protected:
  // Imports the real records into `workspace`, which must accept all of them.
  void ImportLan(Workspace& workspace, const std::filesystem::path& folder) {
    auto report = workspace.Import(testing::ReadFile(folder / "lan-innovations-2018.jsonl"));
    ASSERT_TRUE(report) << Describe(report.error());
    EXPECT_EQ(report->format, "lan-jsonl");
    EXPECT_EQ(report->records, 200);
    EXPECT_EQ(report->created, 200);
  }

  void ExpectSameInnovations(Workspace& expected, Workspace& actual) {
    auto left = expected.Innovations();
    auto right = actual.Innovations();
    ASSERT_EQ(left.size(), right.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
      EXPECT_EQ(Comparable(actual.store(), right[i]), Comparable(expected.store(), left[i]))
          << left[i].source_ref;
    }
    EXPECT_EQ(actual.store().ListAgencies("3578").size(),
              expected.store().ListAgencies("3578").size());
  }
};

TEST_F(RealDataTest, AllRecordsImportWithTheirTypesAndStatuses) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  Workspace workspace;
  ImportLan(workspace, folder);
  std::map<InnovationType, int> types;
  int published = 0;
  int implemented = 0;
  for (const auto& innovation : workspace.Innovations()) {
    if (innovation.type) ++types[*innovation.type];
    if (innovation.status == RecordStatus::kPublished) ++published;
    if (innovation.maturity == Maturity::kImplementation) ++implemented;
    EXPECT_TRUE(innovation.source_ref.starts_with("lan:")) << innovation.source_ref;
    EXPECT_LE(innovation.summary.size(), 300u * 4);
    EXPECT_FALSE(innovation.title.empty());
  }
  // The counts data/README.md gives for each type.
  EXPECT_EQ(types[InnovationType::kProcess], 22);
  EXPECT_EQ(types[InnovationType::kMethod], 66);
  EXPECT_EQ(types[InnovationType::kProduct], 27);
  EXPECT_EQ(types[InnovationType::kConceptual], 24);
  EXPECT_EQ(types[InnovationType::kTechnology], 32);
  EXPECT_EQ(types[InnovationType::kOrganizationalStructure], 9);
  EXPECT_EQ(types[InnovationType::kRelationship], 8);
  EXPECT_EQ(types[InnovationType::kHumanResources], 12);
  EXPECT_EQ(published, 200);
  EXPECT_EQ(implemented, 185);  // the 15 without years stay initiatives
}

TEST_F(RealDataTest, ASecondImportCreatesNothing) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  Workspace workspace;
  ImportLan(workspace, folder);
  auto agencies = workspace.store().ListAgencies("3578").size();
  auto again = workspace.Import(testing::ReadFile(folder / "lan-innovations-2018.jsonl"));
  ASSERT_TRUE(again) << Describe(again.error());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 200);
  EXPECT_EQ(again->agencies_created, 0);
  EXPECT_EQ(workspace.Innovations().size(), 200u);
  EXPECT_EQ(workspace.store().ListAgencies("3578").size(), agencies);
}

TEST_F(RealDataTest, ADryRunOfTheRealFileWritesNothing) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  Workspace workspace;
  auto report = workspace.Import(testing::ReadFile(folder / "lan-innovations-2018.jsonl"), true);
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->created, 200);
  EXPECT_GT(report->agencies_created, 0);
  EXPECT_TRUE(workspace.Innovations().empty());
  EXPECT_TRUE(workspace.store().ListAgencies("3578").empty());
}

TEST_F(RealDataTest, JsonLinesRoundTripIsLossless) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  Workspace first;
  ImportLan(first, folder);
  std::string first_export = first.Export(ExportFormat::kJsonl);

  Workspace second;
  auto report = second.Import(first_export);
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->format, "lumbung-jsonl");
  EXPECT_EQ(report->created, 200);
  std::string second_export = second.Export(ExportFormat::kJsonl);
  EXPECT_TRUE(first_export == second_export) << "the two exports differ";
  ExpectSameInnovations(first, second);

  auto again = second.Import(first_export);
  ASSERT_TRUE(again) << Describe(again.error());
  EXPECT_EQ(again->unchanged, 200);
}

TEST_F(RealDataTest, CsvRoundTripIsLossless) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  Workspace first;
  ImportLan(first, folder);
  std::string first_export = first.Export(ExportFormat::kCsv);

  Workspace second;
  auto report = second.Import(first_export);
  ASSERT_TRUE(report) << Describe(report.error());
  EXPECT_EQ(report->format, "lumbung-csv");
  EXPECT_EQ(report->created, 200);
  std::string second_export = second.Export(ExportFormat::kCsv);
  EXPECT_TRUE(first_export == second_export) << "the two exports differ";
  ExpectSameInnovations(first, second);

  auto again = second.Import(first_export);
  ASSERT_TRUE(again) << Describe(again.error());
  EXPECT_EQ(again->unchanged, 200);
}

}  // namespace
}  // namespace lumbung::exchange
