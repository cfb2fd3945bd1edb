#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include "domain/enums.hpp"

namespace lumbung {
namespace {

const Date kToday{2026, 6, 15};

Innovation Valid() {
  Innovation innovation;
  innovation.region_code = "3578";
  innovation.agency_id = 1;
  innovation.title = "Layanan Akta Kelahiran Keliling";
  return innovation;
}

std::vector<std::string> FieldsOf(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field + ":" + error.code);
  return fields;
}

TEST(Validation, AMinimalDraftIsValid) { EXPECT_TRUE(ValidateInnovation(Valid(), kToday).empty()); }

// Each case: a change to a valid record and the one error it must cause.
struct Case {
  const char* name;
  void (*change)(Innovation&);
  const char* expected;
};

const Case kCases[] = {
    {"empty title", [](Innovation& i) { i.title = "  "; }, "title:required"},
    {"no agency", [](Innovation& i) { i.agency_id = 0; }, "agency_id:required"},
    {"title too long", [](Innovation& i) { i.title = std::string(201, 'a'); }, "title:too_long"},
    {"year in future", [](Innovation& i) { i.year = 2027; }, "year:in_future"},
    {"year too old", [](Innovation& i) { i.year = 1900; }, "year:out_of_range"},
    {"bad date", [](Innovation& i) { i.trial_date = "2023-02-30"; }, "trial_date:bad_date"},
    {"date in future", [](Innovation& i) { i.trial_date = "2026-06-16"; }, "trial_date:in_future"},
    {"implementation before trial",
     [](Innovation& i) {
       i.trial_date = "2024-05-01";
       i.implementation_date = "2024-04-01";
     },
     "implementation_date:inconsistent"},
    {"negative budget",
     [](Innovation& i) {
       i.budget = {{2024, -5}};
     },
     "budget[0].amount:out_of_range"},
    {"budget year twice",
     [](Innovation& i) {
       i.budget = {{2024, 5}, {2024, 6}};
     },
     "budget[1].year:duplicate"},
    {"video not http", [](Innovation& i) { i.video_url = "javascript:alert(1)"; },
     "video_url:bad_url"},
    {"invalid utf-8", [](Innovation& i) { i.product = "caf\xC3"; }, "product:bad_encoding"},
    {"overlong utf-8", [](Innovation& i) { i.product = "\xC0\xAF"; }, "product:bad_encoding"},
    {"replication method without origin",
     [](Innovation& i) { i.replication_method = ReplicationMethod::kAdaptation; },
     "replicated_from:inconsistent"},
    {"replicates itself",
     [](Innovation& i) {
       i.id = 7;
       i.replicated_from = 7;
     },
     "replicated_from:inconsistent"},
    {"rejected without reason", [](Innovation& i) { i.status = RecordStatus::kRejected; },
     "rejection_reason:required"},
    {"empty team member",
     [](Innovation& i) {
       i.team_members = {"Sari", ""};
     },
     "team_members[1]:required"},
    {"too many themes", [](Innovation& i) { i.themes.assign(101, "tema"); }, "themes:too_many"},
    {"evidence without url",
     [](Innovation& i) {
       i.evidence = {{"SK Walikota", ""}};
     },
     "evidence[0].url:required"},
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class ValidationCase : public ::testing::TestWithParam<Case> {};

TEST_P(ValidationCase, NamesTheField) {
  Innovation innovation = Valid();
  GetParam().change(innovation);
  auto errors = ValidateInnovation(innovation, kToday);
  EXPECT_EQ(FieldsOf(errors), std::vector<std::string>{GetParam().expected});
  for (const auto& error : errors) {
    EXPECT_FALSE(error.message.id.empty());
    EXPECT_FALSE(error.message.en.empty());
    EXPECT_NE(error.message.id, error.message.en);
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, ValidationCase, ::testing::ValuesIn(kCases), [](const auto& info) {
  std::string name = info.param.name;
  for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
});

TEST(Validation, CountsCharactersNotBytes) {
  Innovation innovation = Valid();
  // 200 characters of two bytes each is still within the 200-character limit.
  std::string title;
  for (int i = 0; i < 200; ++i) title += "\xC3\xA9";
  innovation.title = title;
  EXPECT_TRUE(ValidateInnovation(innovation, kToday).empty());
}

TEST(Validation, YearOfTodayIsAllowed) {
  Innovation innovation = Valid();
  innovation.year = 2026;
  innovation.trial_date = "2026-06-15";
  EXPECT_TRUE(ValidateInnovation(innovation, kToday).empty());
}

TEST(Dates, ParsesOnlyRealDates) {
  EXPECT_TRUE(ParseDate("2024-02-29"));
  EXPECT_FALSE(ParseDate("2023-02-29"));
  EXPECT_FALSE(ParseDate("2024-13-01"));
  EXPECT_FALSE(ParseDate("2024-1-01"));
  EXPECT_FALSE(ParseDate("2024-01-01T00:00"));
  EXPECT_FALSE(ParseDate("+024-01-01"));
}

TEST(Dates, TodayDependsOnTheRegionsTimeZone) {
  // 2026-06-15 16:30 UTC is still the 15th in Jakarta (23:30) but the 16th in Jayapura.
  auto when = std::chrono::sys_days{std::chrono::year{2026} / 6 / 15} + std::chrono::hours{16} +
              std::chrono::minutes{30};
  EXPECT_EQ(FormatDate(DateIn(when, TimeZone::kWib)), "2026-06-15");
  EXPECT_EQ(FormatDate(DateIn(when, TimeZone::kWit)), "2026-06-16");
  EXPECT_EQ(FormatTimestamp(when), "2026-06-15T16:30:00Z");
}

TEST(Enums, SpellingsRoundTrip) {
  EXPECT_EQ(ToString(InnovationType::kOrganizationalStructure), "organizational_structure");
  EXPECT_EQ(Parse<Stage>("drum_up"), Stage::kDrumUp);
  EXPECT_FALSE(Parse<Stage>("Drum_up"));
  EXPECT_EQ(AllowedList<Maturity>(), "initiative, trial, implementation");
}

// Each case: agency contacts and the errors they must cause ("" when they are valid).
struct ContactCase {
  const char* name;
  void (*change)(Agency&);
  const char* expected;
};

const ContactCase kContactCases[] = {
    {"all empty", [](Agency&) {}, ""},
    {"all given",
     [](Agency& a) {
       a.address = "Jl. Jimerto No. 25-27, Surabaya";
       a.phone = "+62 (31) 531-2144";
       a.email = "diskominfo@surabaya.go.id";
       a.website = "https://diskominfo.surabaya.go.id/";
     },
     ""},
    {"plain http website", [](Agency& a) { a.website = "http://dinkes.example"; }, ""},
    {"address too long", [](Agency& a) { a.address = std::string(501, 'a'); }, "address:too_long"},
    {"address not utf-8", [](Agency& a) { a.address = "Jl. \xC3"; }, "address:bad_encoding"},
    {"phone with letters", [](Agency& a) { a.phone = "0341-HALO"; }, "phone:inconsistent"},
    {"phone with extension word", [](Agency& a) { a.phone = "0341 551234 ext. 2"; },
     "phone:inconsistent"},
    {"phone without digits", [](Agency& a) { a.phone = "( ) - +"; }, "phone:inconsistent"},
    {"phone too long", [](Agency& a) { a.phone = std::string(51, '1'); }, "phone:too_long"},
    {"email without at", [](Agency& a) { a.email = "dinkes.surabaya.go.id"; },
     "email:inconsistent"},
    {"email without domain dot", [](Agency& a) { a.email = "dinkes@localhost"; },
     "email:inconsistent"},
    {"email with two ats", [](Agency& a) { a.email = "a@b@surabaya.go.id"; }, "email:inconsistent"},
    {"email ending in a dot", [](Agency& a) { a.email = "dinkes@surabaya."; },
     "email:inconsistent"},
    {"email with space", [](Agency& a) { a.email = "din kes@surabaya.go.id"; },
     "email:inconsistent"},
    {"email without name", [](Agency& a) { a.email = "@surabaya.go.id"; }, "email:inconsistent"},
    {"website without scheme", [](Agency& a) { a.website = "dinkes.surabaya.go.id"; },
     "website:bad_url"},
    {"website of another scheme", [](Agency& a) { a.website = "ftp://dinkes.example"; },
     "website:bad_url"},
    {"website with script", [](Agency& a) { a.website = "javascript:alert(1)"; },
     "website:bad_url"},
};

void PrintTo(const ContactCase& c, std::ostream* out) { *out << c.name; }

class AgencyContactCase : public ::testing::TestWithParam<ContactCase> {};

TEST_P(AgencyContactCase, NamesTheField) {
  Agency agency;
  agency.region_code = "3578";
  agency.name = "Dinas Kesehatan";
  GetParam().change(agency);
  auto errors = ValidateAgency(agency);
  std::string expected = GetParam().expected;
  EXPECT_EQ(FieldsOf(errors),
            expected.empty() ? std::vector<std::string>{} : std::vector<std::string>{expected});
  for (const auto& error : errors) {
    EXPECT_FALSE(error.message.id.empty());
    EXPECT_FALSE(error.message.en.empty());
    EXPECT_NE(error.message.id, error.message.en);
  }
}

INSTANTIATE_TEST_SUITE_P(Contacts, AgencyContactCase, ::testing::ValuesIn(kContactCases),
                         [](const auto& info) {
                           std::string name = info.param.name;
                           for (char& c : name)
                             c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(Validation, UsersKeepTheirEmailRule) {
  User user;
  user.username = "sari";
  user.display_name = "Sari";
  user.email = "sari@surabaya.go.id";
  EXPECT_TRUE(ValidateUser(user).empty());
  user.email = "sari-at-surabaya";
  EXPECT_EQ(FieldsOf(ValidateUser(user)), std::vector<std::string>{"email:inconsistent"});
}

TEST(Validation, RegionCodes) {
  Region city{"3578", "Kota Surabaya", RegionLevel::kCity, "35", TimeZone::kWib, false, ""};
  EXPECT_TRUE(ValidateRegion(city).empty());
  Region bad = city;
  bad.code = "357";
  EXPECT_EQ(ValidateRegion(bad).at(0).field, "code");
  bad = city;
  bad.parent_code = "36";
  EXPECT_EQ(ValidateRegion(bad).at(0).field, "parent_code");
}

}  // namespace
}  // namespace lumbung
