// The registry's rules against a real SQLite database.
#include "domain/registry.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace lumbung {
namespace {

using testing::FixedNow;
using testing::TempDatabase;

class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.CreateRegion(
        {"35", "Jawa Timur", RegionLevel::kProvince, "", TimeZone::kWib, false, ""}));
    ASSERT_TRUE(registry_.CreateRegion(
        {"3578", "Kota Surabaya", RegionLevel::kCity, "35", TimeZone::kWib, false, ""}));
    ASSERT_TRUE(registry_.CreateRegion(
        {"3573", "Kota Malang", RegionLevel::kCity, "35", TimeZone::kWib, false, ""}));
    Agency agency;
    agency.region_code = "3578";
    agency.name = "Dinas Kependudukan dan Pencatatan Sipil";
    auto created = registry_.CreateAgency(agency);
    ASSERT_TRUE(created);
    agency_ = *created;
  }

  Innovation Draft(std::string title) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency_.id;
    innovation.title = std::move(title);
    return innovation;
  }

  TempDatabase db_;
  Registry registry_{db_.store(), FixedNow};
  Agency agency_;
};

TEST_F(RegistryTest, CreatesAndReadsBack) {
  auto created = registry_.CreateInnovation(Draft("Akta Kelahiran Online"));
  ASSERT_TRUE(created);
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->created_at, "2026-06-15T03:00:00Z");
  auto found = db_.store().FindInnovation(created->id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->title, "Akta Kelahiran Online");
}

TEST_F(RegistryTest, RefusesAnAgencyOfAnotherRegion) {
  Agency other;
  other.region_code = "3573";
  other.name = "Dinas Kesehatan";
  auto malang = registry_.CreateAgency(other);
  ASSERT_TRUE(malang);
  Innovation innovation = Draft("Posyandu Digital");
  innovation.agency_id = malang->id;
  auto created = registry_.CreateInnovation(innovation);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().fields.at(0).field, "agency_id");
}

TEST_F(RegistryTest, StaleVersionLosesNobodysEdit) {
  auto created = registry_.CreateInnovation(Draft("Sekolah Ramah Anak"));
  ASSERT_TRUE(created);
  Innovation first = *created;
  first.summary = "Edit pertama";
  ASSERT_TRUE(registry_.UpdateInnovation(first, 1));
  Innovation second = *created;
  second.summary = "Edit kedua dari versi lama";
  auto stale = registry_.UpdateInnovation(second, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(db_.store().FindInnovation(created->id)->summary, "Edit pertama");
}

TEST_F(RegistryTest, ReplicationCyclesAreRefused) {
  auto a = registry_.CreateInnovation(Draft("A"));
  ASSERT_TRUE(a);
  Innovation b_draft = Draft("B");
  b_draft.replicated_from = a->id;
  auto b = registry_.CreateInnovation(b_draft);
  ASSERT_TRUE(b);
  Innovation a_changed = *a;
  a_changed.replicated_from = b->id;
  auto cycle = registry_.UpdateInnovation(a_changed, a->version);
  ASSERT_FALSE(cycle);
  EXPECT_EQ(cycle.error().fields.at(0).field, "replicated_from");
  // An innovation that others replicate cannot be deleted.
  EXPECT_EQ(registry_.DeleteInnovation(a->id, a->version).error().code, ErrorCode::kConflict);
}

TEST_F(RegistryTest, AgencyWithInnovationsCannotBeDeleted) {
  ASSERT_TRUE(registry_.CreateInnovation(Draft("Layanan Jemput Bola")));
  auto deleted = registry_.DeleteAgency(agency_.id, agency_.version);
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(db_.store().FindAgency(agency_.id));
}

TEST_F(RegistryTest, AgencyNamesAreUniquePerRegionRegardlessOfCase) {
  Agency twin;
  twin.region_code = "3578";
  twin.name = "dinas  kependudukan dan pencatatan SIPIL";
  auto created = registry_.CreateAgency(twin);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(db_.store().FindAgencyByName("3578", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"));
}

TEST_F(RegistryTest, AgencyParentLoopsAreRefused) {
  Agency child;
  child.region_code = "3578";
  child.name = "Bidang Pelayanan";
  child.parent_id = agency_.id;
  child.echelon = 3;
  auto created = registry_.CreateAgency(child);
  ASSERT_TRUE(created);
  Agency parent = agency_;
  parent.parent_id = created->id;
  auto loop = registry_.UpdateAgency(parent, parent.version);
  ASSERT_FALSE(loop);
  EXPECT_EQ(loop.error().fields.at(0).field, "parent_id");
}

}  // namespace
}  // namespace lumbung
