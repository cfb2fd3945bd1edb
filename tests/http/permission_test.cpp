// The permission table: every route of the router, for every role, for the anonymous public
// and for the people of another region, with the status each must get, on both backends. A
// route without a row fails the test. Whoever may not see the draft must not find it, nor the
// operator's e-mail, in any answer.
#include <gtest/gtest.h>

#include <map>

#include "auth/password.hpp"
#include "domain/programme_actions.hpp"
#include "http/api_fixture.hpp"

namespace lumbung::http {
namespace {

using Json = nlohmann::json;

// The people of the table.
enum Who {
  kAnonymous,
  kAdmin,
  kRegionAdmin,
  kOperator,
  kHead,
  kFacilitator,
  kJuror,
  kOtherOperator,
  // The people of another region of the same installation.
  kOtherRegionAdmin,
  kOtherRegionOperator,
  kOtherRegionFacilitator,
};
constexpr Who kEveryone[] = {kAnonymous,
                             kAdmin,
                             kRegionAdmin,
                             kOperator,
                             kHead,
                             kFacilitator,
                             kJuror,
                             kOtherOperator,
                             kOtherRegionAdmin,
                             kOtherRegionOperator,
                             kOtherRegionFacilitator};
constexpr std::size_t kPeople = std::size(kEveryone);
const char* kNames[] = {"anonymous",
                        "admin",
                        "region_admin",
                        "operator",
                        "head",
                        "facilitator",
                        "juror",
                        "other_operator",
                        "other_region_admin",
                        "other_region_operator",
                        "other_region_facilitator"};
// Who may not see the draft of the operator's agency.
constexpr Who kOutsiders[] = {kAnonymous,           kJuror,
                              kOtherOperator,       kOtherRegionAdmin,
                              kOtherRegionOperator, kOtherRegionFacilitator};
constexpr const char* kDraftTitle = "Puskesmas Keliling Malam";
constexpr const char* kOperatorEmail = "sari@example.go.id";

// One row: a request and the status for each person, in kEveryone's order.
struct Row {
  Method method;
  const char* pattern;  // as in the route table
  const char* target;   // with {draft}, {agency}, {empty_agency}, {operator}, {activity},
                        // {team} and {verified} filled in
  const char* body;
  bool if_match;
  std::array<int, kPeople> expected;
};

// clang-format off
// anonymous, admin, region_admin, operator, head, facilitator, juror, other_operator,
//   other_region_admin, other_region_operator, other_region_facilitator
const Row kTable[] = {
    {Method::kGet, "/healthz", "/healthz", "", false, {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kGet, "/api/openapi.json", "/api/openapi.json", "", false,
     {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kPost, "/api/v1/session", "/api/v1/session",
     R"({"username":"nobody","password":"wrong-password"})", false,
     {401, 401, 401, 401, 401, 401, 401, 401,
     401, 401, 401}},
    {Method::kGet, "/api/v1/session", "/api/v1/session", "", false,
     {401, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kDelete, "/api/v1/session", "/api/v1/session", "", false,
     {204, 204, 204, 204, 204, 204, 204, 204,
     204, 204, 204}},
    {Method::kGet, "/api/v1/demo-accounts", "/api/v1/demo-accounts", "", false,
     {404, 404, 404, 404, 404, 404, 404, 404,
     404, 404, 404}},  // not in demo mode
    {Method::kGet, "/api/v1/regions", "/api/v1/regions", "", false,
     {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kPost, "/api/v1/regions", "/api/v1/regions",
     R"({"code":"3579","name":"Kota Batu","level":"kota"})", false,
     {401, 201, 403, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/regions/{code}", "/api/v1/regions/3578", "", false,
     {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kPatch, "/api/v1/regions/{code}", "/api/v1/regions/3578",
     R"({"requires_head_approval":true})", false, {401, 200, 200, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/regions/{code}/agencies", "/api/v1/regions/3578/agencies", "", false,
     {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kPost, "/api/v1/regions/{code}/agencies", "/api/v1/regions/3578/agencies",
     R"({"name":"Dinas Baru"})", false, {401, 201, 201, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/agencies/{id}", "/api/v1/agencies/{agency}", "", false,
     {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kPatch, "/api/v1/agencies/{id}", "/api/v1/agencies/{agency}",
     R"({"short_name":"Dinkes"})", true, {401, 200, 200, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kDelete, "/api/v1/agencies/{id}", "/api/v1/agencies/{empty_agency}", "", true,
     {401, 204, 204, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/regions/{code}/users", "/api/v1/regions/3578/users", "", false,
     {401, 200, 200, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kPost, "/api/v1/regions/{code}/users", "/api/v1/regions/3578/users",
     R"({"username":"budi","display_name":"Budi","password":"sawah-hijau-2024","roles":[{"role":"facilitator","region_code":"3578"}]})",
     false, {401, 201, 201, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/users/{id}", "/api/v1/users/{operator}", "", false,
     {404, 200, 200, 200, 404, 404, 404, 404,
     404, 404, 404}},
    {Method::kPatch, "/api/v1/users/{id}", "/api/v1/users/{operator}",
     R"({"display_name":"Sari W."})", true, {401, 200, 200, 404, 404, 404, 404, 404,
     404, 404, 404}},
    {Method::kGet, "/api/v1/regions/{code}/audit", "/api/v1/regions/3578/audit", "", false,
     {401, 200, 200, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/innovations", "/api/v1/innovations", "", false,
     {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kPost, "/api/v1/innovations", "/api/v1/innovations",
     R"({"agency_id":{agency},"title":"Posyandu Remaja"})", false,
     {401, 201, 201, 201, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/innovations/{id}", "/api/v1/innovations/{draft}", "", false,
     {404, 200, 200, 200, 200, 200, 404, 404,
     404, 404, 404}},
    {Method::kPatch, "/api/v1/innovations/{id}", "/api/v1/innovations/{draft}",
     R"({"summary":"Ringkasan baru"})", true, {404, 200, 200, 200, 403, 403, 404, 404,
     404, 404, 404}},
    {Method::kDelete, "/api/v1/innovations/{id}", "/api/v1/innovations/{draft}", "", true,
     {404, 204, 204, 204, 403, 403, 404, 404,
     404, 404, 404}},
    {Method::kPost, "/api/v1/innovations/{id}/transitions", "/api/v1/innovations/{draft}/transitions",
     R"({"action":"submit"})", false, {404, 200, 200, 200, 403, 403, 404, 404,
     404, 404, 404}},
    {Method::kGet, "/api/v1/innovations/{id}/history", "/api/v1/innovations/{draft}/history", "",
     false, {404, 200, 200, 200, 200, 200, 404, 404,
     404, 404, 404}},
    {Method::kGet, "/api/v1/innovations/{id}/similar", "/api/v1/innovations/{draft}/similar", "",
     false, {404, 200, 200, 200, 200, 200, 404, 404,
     404, 404, 404}},
    {Method::kPost, "/api/v1/similar", "/api/v1/similar", R"({"title":"Puskesmas Keliling"})",
     false, {200, 200, 200, 200, 200, 200, 200, 200,
     200, 200, 200}},
    {Method::kGet, "/api/v1/regions/{code}/duplicates", "/api/v1/regions/3578/duplicates", "",
     false, {401, 200, 200, 403, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/innovations/{id}/clinic", "/api/v1/innovations/{draft}/clinic", "",
     false, {404, 200, 200, 200, 200, 200, 404, 404,
     404, 404, 404}},
    // Only facilitators validate; the draft is at drum-up, where nothing is validated yet (422).
    {Method::kPost, "/api/v1/innovations/{id}/clinic", "/api/v1/innovations/{draft}/clinic",
     R"({"kind":"validation","date":"2026-06-01","validation_method":"presentation","decision":"accepted"})",
     false, {404, 403, 403, 403, 403, 422, 404, 404,
     404, 404, 404}},
    {Method::kPost, "/api/v1/innovations/{id}/stage", "/api/v1/innovations/{draft}/stage",
     R"({"to":"diagnose"})", false, {404, 200, 200, 200, 403, 403, 404, 404,
     404, 404, 404}},
    {Method::kGet, "/api/v1/regions/{code}/clinic-queue", "/api/v1/regions/3578/clinic-queue", "",
     false, {401, 200, 200, 403, 403, 200, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/regions/{code}/compliance", "/api/v1/regions/3578/compliance", "",
     false, {401, 200, 200, 403, 403, 200, 403, 403,
     403, 403, 403}},
    // The region's programme: everyone of the region reads its sessions and teams; the region's
    // team and facilitators run the sessions and the round; an agency's operator keeps its
    // team ({team} is the operator's agency's) and says whether its innovations run.
    {Method::kGet, "/api/v1/regions/{code}/activities", "/api/v1/regions/3578/activities", "",
     false, {401, 200, 200, 200, 200, 200, 403, 200,
     403, 403, 403}},
    {Method::kPost, "/api/v1/regions/{code}/activities", "/api/v1/regions/3578/activities",
     R"({"kind":"workshop","title":"Lokakarya Inovasi","date":"2026-07-01","agencies":[{"agency_id":{agency},"participants":3}]})",
     false, {401, 201, 201, 403, 403, 201, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/activities/{id}", "/api/v1/activities/{activity}", "", false,
     {404, 200, 200, 200, 200, 200, 404, 200,
     404, 404, 404}},
    {Method::kPatch, "/api/v1/activities/{id}", "/api/v1/activities/{activity}",
     R"({"advice":"Lengkapi SOP layanan malam."})", true, {404, 200, 200, 403, 403, 200, 404, 403,
     404, 404, 404}},
    {Method::kDelete, "/api/v1/activities/{id}", "/api/v1/activities/{activity}", "", true,
     {404, 204, 204, 403, 403, 204, 404, 403,
     404, 404, 404}},
    {Method::kGet, "/api/v1/regions/{code}/teams", "/api/v1/regions/3578/teams", "", false,
     {401, 200, 200, 200, 200, 200, 403, 200,
     403, 403, 403}},
    {Method::kPost, "/api/v1/regions/{code}/teams", "/api/v1/regions/3578/teams",
     R"({"agency_id":{agency},"decree_number":"800/17/2026","decree_date":"2026-02-01","members":[{"name":"dr. Sari","position":"Kepala Dinas","role":"chair"}]})",
     false, {401, 201, 201, 201, 403, 403, 403, 403,
     403, 403, 403}},
    {Method::kGet, "/api/v1/teams/{id}", "/api/v1/teams/{team}", "", false,
     {404, 200, 200, 200, 200, 200, 404, 200,
     404, 404, 404}},
    {Method::kPatch, "/api/v1/teams/{id}", "/api/v1/teams/{team}",
     R"({"decree_number":"800/18/2026"})", true, {404, 200, 200, 200, 403, 403, 404, 403,
     404, 404, 404}},
    {Method::kDelete, "/api/v1/teams/{id}", "/api/v1/teams/{team}", "", true,
     {404, 204, 204, 204, 403, 403, 404, 403,
     404, 404, 404}},
    {Method::kGet, "/api/v1/regions/{code}/evaluations", "/api/v1/regions/3578/evaluations", "",
     false, {401, 200, 200, 403, 403, 200, 403, 403,
     403, 403, 403}},
    // {verified} is an innovation of the operator's agency the region has verified, not
    // published: who may not see it does not find it.
    {Method::kGet, "/api/v1/innovations/{id}/evaluations", "/api/v1/innovations/{verified}/evaluations",
     "", false, {404, 200, 200, 200, 200, 200, 404, 404,
     404, 404, 404}},
    {Method::kPost, "/api/v1/innovations/{id}/evaluations", "/api/v1/innovations/{verified}/evaluations",
     R"({"year":2026,"progress":"on_track","report":"Berjalan.","advice":"Perluas."})", false,
     {404, 201, 201, 403, 403, 201, 404, 404,
     404, 404, 404}},
    {Method::kPost, "/api/v1/innovations/{id}/continuation", "/api/v1/innovations/{draft}/continuation",
     R"({"continuation":"dormant","date":"2026-06-01","reason":"Menunggu anggaran."})", false,
     {404, 200, 200, 200, 403, 403, 404, 404,
     404, 404, 404}},
};
// clang-format on

// A fresh world for every request of the table, so that no row depends on another.
class World : public ApiTest {
 public:
  explicit World(const std::string& backend) : ApiTest(backend) {
    Registry registry(db_.store(), testing::FixedNow);
    EXPECT_TRUE(registry.CreateRegion(
        {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    EXPECT_TRUE(registry.CreateRegion(
        {"3573", "Kota Malang", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    agency_ = AddAgency(registry, "3578", "Dinas Kesehatan");
    other_agency_ = AddAgency(registry, "3578", "Dinas Pendidikan");
    empty_agency_ = AddAgency(registry, "3578", "Dinas Tanpa Inovasi");
    Id malang_agency = AddAgency(registry, "3573", "Dinas Kesehatan Kota Malang");
    Innovation draft;
    draft.region_code = "3578";
    draft.agency_id = agency_;
    draft.title = "Puskesmas Keliling Malam";
    draft.type = InnovationType::kMethod;
    draft.form = Form::kPublicService;
    draft.background = "Warga bekerja siang hari.";
    draft.design = "Layanan malam dua kali sepekan.";
    draft.goals = "Pemeriksaan terjangkau.";
    draft.benefits = "Antrean siang berkurang.";
    draft_ = registry.CreateInnovation(draft)->id;
    Innovation verified;
    verified.region_code = "3578";
    verified.agency_id = agency_;
    verified.title = "Rapor Gizi Anak Sekolah";
    verified.year = 2025;
    verified.status = RecordStatus::kVerified;
    verified_ = registry.CreateInnovation(verified)->id;
    // A session the region held for the operator's agency, and that agency's team.
    Activity activity;
    activity.region_code = "3578";
    activity.kind = ActivityKind::kCoachingClinic;
    activity.title = "Klinik Inovasi Dinas Kesehatan";
    activity.date = "2026-06-01";
    activity.agencies = {{agency_, 5}};
    activity.innovations = {draft_};
    auto held = SaveActivityAs(db_.store(), testing::FixedNow, Actor::System(), activity, {}, 0);
    EXPECT_TRUE(held) << (held ? "" : held.error().title.en);
    activity_ = held ? held->id : 0;
    Team team;
    team.region_code = "3578";
    team.agency_id = agency_;
    team.decree_number = "800/12/2026";
    team.decree_date = "2026-01-10";
    team.members = {{"dr. Sari", "Kepala Dinas", TeamRole::kChair},
                    {"Budi", "Sekretaris Dinas", TeamRole::kMember}};
    auto decreed = SaveTeamAs(db_.store(), testing::FixedNow, Actor::System(), team, {}, 0);
    EXPECT_TRUE(decreed) << (decreed ? "" : decreed.error().title.en);
    team_ = decreed ? decreed->id : 0;
    tokens_[kAnonymous] = "";
    tokens_[kAdmin] = admin_token_;
    tokens_[kRegionAdmin] = AddUser("ra", {{Role::kRegionAdmin, "3578", 0, 0}});
    tokens_[kOperator] = AddUser("sari", {{Role::kAgencyOperator, "", agency_, 0}});
    operator_ = db_.store().FindUserByName("sari")->id;
    tokens_[kHead] = AddUser("kepala", {{Role::kAgencyHead, "", agency_, 0}});
    tokens_[kFacilitator] = AddUser("fasil", {{Role::kFacilitator, "3578", 0, 0}});
    tokens_[kJuror] = AddUser("juri", {{Role::kJuror, "", 0, 1}});
    tokens_[kOtherOperator] = AddUser("andi", {{Role::kAgencyOperator, "", other_agency_, 0}});
    tokens_[kOtherRegionAdmin] = AddUser("ra-malang", {{Role::kRegionAdmin, "3573", 0, 0}});
    tokens_[kOtherRegionOperator] =
        AddUser("op-malang", {{Role::kAgencyOperator, "", malang_agency, 0}});
    tokens_[kOtherRegionFacilitator] =
        AddUser("fasil-malang", {{Role::kFacilitator, "3573", 0, 0}});
  }

  void TestBody() override {}

  int Status(const Row& row, Who who) {
    auto fill = [&](std::string text) {
      auto replace = [&](const std::string& key, Id value) {
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key)) {
          text.replace(at, key.size(), std::to_string(value));
        }
      };
      replace("{draft}", draft_);
      replace("{agency}", agency_);
      replace("{empty_agency}", empty_agency_);
      replace("{operator}", operator_);
      replace("{activity}", activity_);
      replace("{team}", team_);
      replace("{verified}", verified_);
      return text;
    };
    token_ = tokens_[who];
    std::vector<std::pair<std::string, std::string>> headers;
    if (row.if_match) headers.emplace_back("if-match", "\"1\"");
    auto response = Call(row.method, fill(row.target), fill(row.body), headers);
    last_body_ = response.Body();
    return response.status;
  }

  std::string last_body_;

 private:
  Id AddAgency(Registry& registry, const char* region, const char* name) {
    Agency agency;
    agency.region_code = region;
    agency.name = name;
    return registry.CreateAgency(agency)->id;
  }

  std::map<Who, std::string> tokens_;
  Id agency_ = 0, other_agency_ = 0, empty_agency_ = 0, draft_ = 0, operator_ = 0;
  Id verified_ = 0, activity_ = 0, team_ = 0;
};

TEST(PermissionTable, EveryRouteHasARow) {
  testing::TempDatabase db;
  StorePool pool(db.database());
  Api api(pool, testing::FixedNow);
  for (const auto& route : api.router().routes()) {
    bool found = std::any_of(std::begin(kTable), std::end(kTable), [&](const Row& row) {
      return row.method == route.method && route.pattern == row.pattern;
    });
    EXPECT_TRUE(found) << MethodName(route.method) << " " << route.pattern
                       << " has no row in the permission table";
  }
}

class PermissionTableOn : public ::testing::TestWithParam<std::string> {};

TEST_P(PermissionTableOn, EveryoneGetsTheExpectedStatusAndOutsidersSeeNoDraft) {
  for (const Row& row : kTable) {
    for (Who who : kEveryone) {
      World world(GetParam());
      int status = world.Status(row, who);
      EXPECT_EQ(status, row.expected[who]) << MethodName(row.method) << " " << row.target << " as "
                                           << kNames[who] << ": " << world.last_body_;
      if (std::find(std::begin(kOutsiders), std::end(kOutsiders), who) == std::end(kOutsiders)) {
        continue;
      }
      EXPECT_EQ(world.last_body_.find(kDraftTitle), std::string::npos)
          << MethodName(row.method) << " " << row.target << " shows the draft to " << kNames[who];
      EXPECT_EQ(world.last_body_.find(kOperatorEmail), std::string::npos)
          << MethodName(row.method) << " " << row.target << " shows an e-mail to " << kNames[who];
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PermissionTableOn, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lumbung::http
