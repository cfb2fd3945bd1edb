// The JSON form of agencies and of the facet counts.
#include "codec/json_codec.hpp"

#include <gtest/gtest.h>

namespace lumbung {
namespace {

Agency FullAgency() {
  Agency agency;
  agency.id = 12;
  agency.region_code = "3578";
  agency.name = "Dinas Komunikasi dan Informatika";
  agency.short_name = "Diskominfo";
  agency.kind = AgencyKind::kRegionalAgency;
  agency.parent_id = 3;
  agency.echelon = 2;
  agency.address = "Jl. Jimerto No. 25-27, Surabaya";
  agency.phone = "(031) 5312144";
  agency.email = "diskominfo@surabaya.example";
  agency.website = "https://diskominfo.surabaya.example";
  agency.version = 4;
  agency.created_at = "2026-01-02T03:04:05Z";
  agency.updated_at = "2026-02-03T04:05:06Z";
  return agency;
}

TEST(AgencyJson, ContactsAreWrittenAndReadBack) {
  const Agency agency = FullAgency();
  Json json = ToJson(agency);
  EXPECT_EQ(json["address"], agency.address);
  EXPECT_EQ(json["phone"], agency.phone);
  EXPECT_EQ(json["email"], agency.email);
  EXPECT_EQ(json["website"], agency.website);

  Agency read;
  EXPECT_TRUE(FromJson(json, read, JsonInput::kRecord).empty());
  // Every member, through its JSON form, so a field the codec forgets shows here.
  EXPECT_EQ(ToJson(read), json);
  EXPECT_EQ(read.address, agency.address);
  EXPECT_EQ(read.phone, agency.phone);
  EXPECT_EQ(read.email, agency.email);
  EXPECT_EQ(read.website, agency.website);
}

TEST(AgencyJson, ClientsMaySetAndClearContacts) {
  Agency agency = FullAgency();
  auto errors =
      FromJson(Json{{"phone", "+62 31 5312144"}, {"website", nullptr}}, agency, JsonInput::kUpdate);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(agency.phone, "+62 31 5312144");
  EXPECT_EQ(agency.website, "");
  EXPECT_EQ(agency.email, "diskominfo@surabaya.example");  // untouched

  Agency created;
  errors = FromJson(Json{{"name", "Dinas Sosial"}, {"email", "dinsos@surabaya.example"}}, created,
                    JsonInput::kCreate);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(created.email, "dinsos@surabaya.example");
}

TEST(AgencyJson, AContactOfTheWrongTypeIsNamed) {
  Agency agency;
  auto errors =
      FromJson(Json{{"phone", 5312144}, {"address", Json::array()}}, agency, JsonInput::kCreate);
  ASSERT_EQ(errors.size(), 2u);
  for (const auto& error : errors) {
    EXPECT_EQ(error.code, "wrong_type");
    EXPECT_TRUE(error.field == "phone" || error.field == "address") << error.field;
  }
}

TEST(FacetsJson, EveryFacetIsAListOfValuesAndCounts) {
  InnovationFacets facets;
  facets.total = 5;
  facets.agency = {{"12", "Dinas Kesehatan", 3}, {"7", "Dinas Sosial", 2}};
  facets.type = {{"technology", "", 4}};
  facets.digital = {{"true", "", 4}, {"false", "", 1}};
  Json json = ToJson(facets);
  for (const char* name :
       {"agency", "type", "form", "maturity", "stage", "year", "affair", "digital"}) {
    ASSERT_TRUE(json.contains(name)) << name;
    EXPECT_TRUE(json[name].is_array()) << name;
  }
  EXPECT_EQ(json["agency"][0], (Json{{"value", "12"}, {"label", "Dinas Kesehatan"}, {"count", 3}}));
  EXPECT_EQ(json["agency"][1]["value"], "7");
  // A value that names itself carries no label.
  EXPECT_EQ(json["type"][0], (Json{{"value", "technology"}, {"count", 4}}));
  EXPECT_EQ(json["digital"][1], (Json{{"value", "false"}, {"count", 1}}));
  EXPECT_TRUE(json["year"].empty());
}

}  // namespace
}  // namespace lumbung
