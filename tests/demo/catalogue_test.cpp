#include "demo/catalogue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "domain/validation.hpp"

namespace lumbung::demo {
namespace {

bool Fits(const Method& method, ServiceKind kind) {
  return std::find(method.fits.begin(), method.fits.end(), kind) != method.fits.end();
}

TEST(CatalogueTest, AgenciesAreFortyWithDistinctNamesThatFitTheLimits) {
  std::set<std::string_view> names;
  for (const auto& agency : Agencies()) {
    EXPECT_TRUE(names.insert(agency.name).second) << agency.name;
    EXPECT_LE(CountCharacters(agency.name), kMaxNameLength);
    EXPECT_LE(CountCharacters(agency.short_name), 50u) << agency.short_name;
    for (const auto& unit : agency.units) {
      EXPECT_TRUE(names.insert(unit.name).second) << unit.name;
      EXPECT_LE(CountCharacters(unit.short_name), 50u) << unit.short_name;
    }
  }
  EXPECT_EQ(Agencies().size(), 40u);
}

TEST(CatalogueTest, ContactsAreDistinctStableAndReservedForExamples) {
  std::set<std::string> emails;
  std::set<std::string> phones;
  for (std::size_t index = 0; index < Agencies().size(); ++index) {
    Contacts contacts = ContactsOf(index);
    EXPECT_EQ(contacts.email, ContactsOf(index).email) << "the same index, the same contacts";
    EXPECT_TRUE(emails.insert(contacts.email).second) << contacts.email;
    EXPECT_TRUE(phones.insert(contacts.phone).second) << contacts.phone;
    EXPECT_TRUE(contacts.email.ends_with("@lumbungsejahtera.example")) << contacts.email;
    EXPECT_TRUE(contacts.website.starts_with("https://")) << contacts.website;
    EXPECT_TRUE(contacts.website.ends_with(".lumbungsejahtera.example")) << contacts.website;
    EXPECT_TRUE(contacts.address.ends_with(", Kota Lumbung Sejahtera")) << contacts.address;
    EXPECT_LE(CountCharacters(contacts.address), kMaxShortTextLength);
  }
  EXPECT_EQ(ContactsOf(0).email, "setda@lumbungsejahtera.example");
  EXPECT_EQ(ContactsOf(0).website, "https://setda.lumbungsejahtera.example");
}

TEST(CatalogueTest, EveryTypeHasAMethodForEveryKindOfService) {
  for (int type = 0; type < 8; ++type) {
    for (ServiceKind kind :
         {ServiceKind::kDocument, ServiceKind::kOutreach, ServiceKind::kCommunity,
          ServiceKind::kResponse, ServiceKind::kInternal}) {
      bool found = std::any_of(Methods().begin(), Methods().end(), [&](const Method& method) {
        return static_cast<int>(method.type) == type && Fits(method, kind);
      });
      EXPECT_TRUE(found) << "type " << type << ", kind " << static_cast<int>(kind);
    }
  }
}

TEST(CatalogueTest, MethodKeysAreDistinctAndEveryBrandNamesOne) {
  std::set<std::string_view> keys;
  for (const auto& method : Methods()) EXPECT_TRUE(keys.insert(method.key).second) << method.key;
  for (std::size_t id = 0; id < kSectorCount; ++id) {
    const Sector& sector = SectorOf(static_cast<SectorId>(id));
    for (const auto& brand : sector.brands) {
      EXPECT_TRUE(keys.contains(brand.method)) << brand.title;
      EXPECT_LT(brand.service, sector.services.size()) << brand.title;
    }
  }
}

TEST(CatalogueTest, EveryServiceNamesTargetsAndPlaces) {
  for (std::size_t id = 0; id < kSectorCount; ++id) {
    const Sector& sector = SectorOf(static_cast<SectorId>(id));
    EXPECT_FALSE(sector.affair.empty());
    EXPECT_FALSE(sector.services.empty()) << sector.affair;
    EXPECT_FALSE(sector.themes.empty()) << sector.affair;
    for (const auto& service : sector.services) {
      EXPECT_FALSE(service.targets.empty()) << service.name;
      EXPECT_FALSE(service.places.empty()) << service.name;
      EXPECT_FALSE(service.problem.empty()) << service.name;
      EXPECT_FALSE(service.measure.empty()) << service.name;
    }
  }
}

TEST(CatalogueTest, EveryAgencyHasUnitNamesToGiveItsInnovations) {
  for (const auto& agency : Agencies()) {
    EXPECT_TRUE(!agency.units.empty() || !GenericUnits(agency.kind).empty()) << agency.name;
  }
}

}  // namespace
}  // namespace lumbung::demo
