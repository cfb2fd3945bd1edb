// The region's programme through the API, as its people use it: the region's team schedules
// clinic sessions and training and records what was advised, agencies keep their implementation
// teams, facilitators record the yearly monitoring and evaluation, and agencies say whether
// their innovations still run. Every refusal names the field and changes nothing.
#include <gtest/gtest.h>

#include "http/api_fixture.hpp"

namespace lumbung::http {
namespace {

using Json = nlohmann::json;

class ProgrammeApiTest : public ApiTest {
 protected:
  ProgrammeApiTest() {
    agency_ = Seed();
    Registry registry(db_.store(), testing::FixedNow);
    other_agency_ = AddAgency("3578", "Dinas Pendidikan");
    EXPECT_TRUE(registry.CreateRegion(
        {"3573", "Kota Malang", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    malang_agency_ = AddAgency("3573", "Dinas Kesehatan Kota Malang");
    region_admin_ = AddUser("ra", {{Role::kRegionAdmin, "3578", 0, 0}});
    facilitator_ = AddUser("fasil", {{Role::kFacilitator, "3578", 0, 0}});
    operator_ = AddUser("sari", {{Role::kAgencyOperator, "", agency_, 0}});
    head_ = AddUser("kepala", {{Role::kAgencyHead, "", agency_, 0}});
    other_operator_ = AddUser("andi", {{Role::kAgencyOperator, "", other_agency_, 0}});
    malang_admin_ = AddUser("ra-malang", {{Role::kRegionAdmin, "3573", 0, 0}});
    malang_operator_ = AddUser("op-malang", {{Role::kAgencyOperator, "", malang_agency_, 0}});
    reader_ = AddUser("ra-baca", {{Role::kRegionAdmin, "3578", 0, 0}}, TokenScope::kRead);
    posyandu_ = AddInnovation(agency_, "Posyandu Remaja", 2024, RecordStatus::kVerified);
    rapor_ = AddInnovation(other_agency_, "Rapor Digital", 2025, RecordStatus::kPublished);
    draft_ = AddInnovation(agency_, "Ide Baru Kesehatan", 2026, RecordStatus::kDraft);
    malang_innovation_ =
        AddInnovation(malang_agency_, "Sehat Malang", 2025, RecordStatus::kPublished, "3573");
  }

  Id AddAgency(const std::string& region, const std::string& name,
               std::optional<Id> parent = std::nullopt) {
    Registry registry(db_.store(), testing::FixedNow);
    Agency agency;
    agency.region_code = region;
    agency.name = name;
    agency.parent_id = parent;
    auto created = registry.CreateAgency(agency);
    EXPECT_TRUE(created) << name;
    return created ? created->id : 0;
  }

  Id AddInnovation(Id agency, const std::string& title, int year, RecordStatus status,
                   const std::string& region = "3578") {
    Innovation innovation;
    innovation.region_code = region;
    innovation.agency_id = agency;
    innovation.title = title;
    innovation.year = year;
    innovation.status = status;
    Registry registry(db_.store(), testing::FixedNow);
    auto created = registry.CreateInnovation(innovation);
    EXPECT_TRUE(created) << title;
    return created ? created->id : 0;
  }

  static std::string FieldsOf(const Response& response) {
    std::string fields;
    Json body = JsonOf(response);
    for (const auto& error : body["errors"]) {
      fields += (fields.empty() ? "" : ",") + error["field"].get<std::string>();
    }
    return fields;
  }
  static std::string Tag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }
  static std::string Path(const std::string& base, Id id) { return base + std::to_string(id); }

  // What the region's lists hold, read by the region's admin, to compare before and after.
  std::string Listed(const std::string& what) {
    std::string token = token_;
    token_ = region_admin_;
    auto list = Call(Method::kGet, "/api/v1/regions/3578/" + what);
    token_ = token;
    EXPECT_EQ(list.status, 200) << list.Body();
    return list.Body();
  }
  std::size_t AuditCount(const std::string& type) {
    AuditQuery audit;
    audit.record_type = type;
    return db_.store().ListAudit(audit).size();
  }

  // A clinic session for the health agency, on `date`.
  Json Session(const std::string& date) const {
    return {{"kind", "coaching_clinic"},
            {"title", "Klinik Inovasi Kesehatan"},
            {"date", date},
            {"agencies", {{{"agency_id", agency_}, {"participants", 3}}}}};
  }
  Json TeamOf(const Json& agency_id) const {
    Json team = {
        {"decree_number", "188.45/12/436.1.2/2026"},
        {"decree_date", "2026-01-05"},
        {"members",
         {{{"name", "Budi Santoso"}, {"position", "Kepala Bappeda"}, {"role", "chair"}},
          {{"name", "Sari Wulandari"}, {"position", "Kabid Litbang"}, {"role", "secretary"}},
          {{"name", "Andi"}, {"position", ""}, {"role", "member"}}}}};
    if (!agency_id.is_null()) team["agency_id"] = agency_id;
    return team;
  }
  Json Findings(const std::string& progress) const {
    return {{"year", 2026},
            {"progress", progress},
            {"report", "Layanan berjalan di tiga kelurahan."},
            {"advice", "Perluas ke seluruh kecamatan."}};
  }

  Id agency_ = 0, other_agency_ = 0, malang_agency_ = 0;
  Id posyandu_ = 0, rapor_ = 0, draft_ = 0, malang_innovation_ = 0;
  std::string region_admin_, facilitator_, operator_, head_, other_operator_, malang_admin_,
      malang_operator_, reader_;
};

TEST_F(ProgrammeApiTest, TheRegionSchedulesASessionAndRecordsItsAdvice) {
  token_ = region_admin_;
  // A coaching clinic today for two agencies, about the health agency's innovation.
  Json clinic = {
      {"kind", "coaching_clinic"},
      {"title", "Klinik Inovasi Kesehatan dan Pendidikan"},
      {"date", "2026-06-15"},
      {"place", "Aula Bappeda"},
      {"agencies", {{{"agency_id", agency_}, {"participants", 4}}, {{"agency_id", other_agency_}}}},
      {"innovations", {posyandu_}}};
  auto created = Call(Method::kPost, "/api/v1/regions/3578/activities", clinic.dump());
  ASSERT_EQ(created.status, 201) << created.Body();
  Json activity = JsonOf(created);
  Id id = activity["id"].get<Id>();
  std::string at = Path("/api/v1/activities/", id);
  EXPECT_EQ(HeaderOf(created, "Location"), at);
  EXPECT_EQ(HeaderOf(created, "ETag"), Tag(1));
  EXPECT_EQ(activity["region_code"], "3578");
  EXPECT_EQ(activity["kind"], "coaching_clinic");
  EXPECT_EQ(activity["agencies"],
            (Json::array({{{"agency_id", agency_}, {"participants", 4}},
                          {{"agency_id", other_agency_}, {"participants", 1}}})));
  EXPECT_EQ(activity["innovations"], Json::array({posyandu_}));
  EXPECT_EQ(activity["advice"], "");
  EXPECT_EQ(activity["version"], 1);

  // A training last year, and one planned for next year.
  Json training = {{"kind", "training_individual"},
                   {"title", "Bimtek Penulisan Proposal Inovasi"},
                   {"date", "2025-11-20"},
                   {"agencies", {{{"agency_id", other_agency_}, {"participants", 25}}}},
                   {"advice", "Peserta menyusun proposal."}};
  auto trained = Call(Method::kPost, "/api/v1/regions/3578/activities", training.dump());
  ASSERT_EQ(trained.status, 201) << trained.Body();
  Json planned = Session("2027-03-01");
  planned["kind"] = "workshop";
  auto plan = Call(Method::kPost, "/api/v1/regions/3578/activities", planned.dump());
  ASSERT_EQ(plan.status, 201) << plan.Body();
  Id plan_id = JsonOf(plan)["id"].get<Id>();

  // After the session, what was advised.
  auto advised = Call(Method::kPatch, at, R"({"advice":"Lengkapi data dukung dan SOP."})",
                      {{"if-match", Tag(1)}});
  ASSERT_EQ(advised.status, 200) << advised.Body();
  EXPECT_EQ(HeaderOf(advised, "ETag"), Tag(2));
  EXPECT_EQ(JsonOf(advised)["advice"], "Lengkapi data dukung dan SOP.");
  EXPECT_EQ(JsonOf(advised)["agencies"].size(), 2u);  // what was not sent stays
  // Someone who read it before the change is told so, and changes nothing.
  auto stale = Call(Method::kPatch, at, R"({"title":"Klinik lama"})", {{"if-match", Tag(1)}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(Call(Method::kPatch, at, R"({"title":"Klinik lama"})").status, 428);
  auto read = Call(Method::kGet, at);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(HeaderOf(read, "ETag"), Tag(2));
  EXPECT_EQ(JsonOf(read)["title"], "Klinik Inovasi Kesehatan dan Pendidikan");
  EXPECT_EQ(JsonOf(read)["advice"], "Lengkapi data dukung dan SOP.");

  // The lists: by year, latest first; by kind.
  auto ids_of = [&](const std::string& query) {
    auto list = Call(Method::kGet, "/api/v1/regions/3578/activities" + query);
    EXPECT_EQ(list.status, 200) << query << list.Body();
    std::vector<Id> ids;
    Json body = JsonOf(list);
    for (const auto& item : body["items"]) ids.push_back(item["id"].get<Id>());
    EXPECT_EQ(body["total"], ids.size());
    return ids;
  };
  Id training_id = JsonOf(trained)["id"].get<Id>();
  EXPECT_EQ(ids_of(""), (std::vector<Id>{plan_id, id, training_id}));
  EXPECT_EQ(ids_of("?year=2026"), std::vector<Id>{id});
  EXPECT_EQ(ids_of("?year=2025"), std::vector<Id>{training_id});
  EXPECT_EQ(ids_of("?year=2027"), std::vector<Id>{plan_id});
  EXPECT_EQ(ids_of("?kind=training_individual"), std::vector<Id>{training_id});
  EXPECT_EQ(ids_of("?kind=coaching_clinic&year=2026"), std::vector<Id>{id});
  EXPECT_TRUE(ids_of("?kind=coaching_clinic&year=2025").empty());
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/activities?kind=seminar").status, 400);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/activities?year=abad").status, 400);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/activities?year=2028").status, 400);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/activities?tahun=2026").status, 400);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/9999/activities").status, 404);

  // Deleting asks for the version too.
  EXPECT_EQ(Call(Method::kDelete, at).status, 428);
  EXPECT_EQ(Call(Method::kDelete, at, "", {{"if-match", Tag(1)}}).status, 412);
  EXPECT_EQ(Call(Method::kDelete, at, "", {{"if-match", Tag(2)}}).status, 204);
  EXPECT_EQ(Call(Method::kGet, at).status, 404);
  EXPECT_EQ(Call(Method::kPatch, at, R"({"advice":"x"})", {{"if-match", Tag(2)}}).status, 404);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/activities/abc").status, 404);
  EXPECT_EQ(ids_of(""), (std::vector<Id>{plan_id, training_id}));

  AuditQuery audit;
  audit.record_type = "activity";
  audit.record_id = std::to_string(id);
  std::vector<std::string> actions;
  for (const auto& entry : db_.store().ListAudit(audit)) {
    actions.push_back(entry.action);
    EXPECT_EQ(entry.actor_name, "ra");
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"delete", "update", "create"}));
}

TEST_F(ProgrammeApiTest, BadActivitiesAreRefusedByNameAndChangeNothing) {
  token_ = region_admin_;
  auto kept = Call(Method::kPost, "/api/v1/regions/3578/activities", Session("2026-07-01").dump());
  ASSERT_EQ(kept.status, 201) << kept.Body();
  std::string at = Path("/api/v1/activities/", JsonOf(kept)["id"].get<Id>());
  const std::string before = Listed("activities");
  const std::size_t audited = AuditCount("activity");

  auto with = [&](const std::string& key, const Json& value) {
    Json body = Session("2026-06-01");
    body[key] = value;
    return body;
  };
  Json no_kind = Session("2026-06-01");
  no_kind.erase("kind");
  Json future_advice = Session("2026-07-01");
  future_advice["advice"] = "Sudah baik.";
  Json not_served = Session("2026-06-01");
  not_served["innovations"] = {rapor_};
  struct Case {
    Json body;
    std::string fields;
  };
  const Case cases[] = {
      {with("kind", "seminar"), "kind"},
      {no_kind, "kind"},
      {with("date", "15/06/2026"), "date"},
      {with("date", "2026-02-30"), "date"},
      {with("date", "2028-01-01"), "date"},  // after the end of next year
      {with("title", " "), "title"},
      {future_advice, "advice"},
      {with("agencies", {{{"agency_id", malang_agency_}}}), "agencies[0].agency_id"},
      {with("agencies", {{{"agency_id", 999999}}}), "agencies[0].agency_id"},
      {with("agencies", Json::array()), "agencies"},
      {with("agencies", {{{"agency_id", agency_}}, {{"agency_id", agency_}}}), "agencies[1]"},
      {not_served, "innovations[0]"},
      {with("innovations", {malang_innovation_}), "innovations[0]"},
      {with("innovations", {posyandu_, posyandu_}), "innovations[1]"},
      {with("agencies", {{{"agency_id", agency_}, {"participants", 0}}}),
       "agencies[0].participants"},
      {with("agencies", {{{"agency_id", agency_}, {"participants", "tiga"}}}),
       "agencies[0].participants"},
      {with("agencies", {{{"agency_id", agency_}, {"peserta", 3}}}), "agencies[0].peserta"},
      {with("agencies", {{{"agency_id", agency_}, {"participants", 10000000000LL}}}),
       "agencies[0].participants"},
      {with("innovations", {1.5}), "innovations[0]"},
      {with("innovations", {18446744073709551615ULL}), "innovations[0]"},
      {with("innovations", "semua"), "innovations"},
      {with("region_code", "3573"), "region_code"},
      {with("colour", "red"), "colour"},
  };
  for (const auto& c : cases) {
    auto refused = Call(Method::kPost, "/api/v1/regions/3578/activities", c.body.dump());
    EXPECT_EQ(refused.status, 422) << c.body.dump() << refused.Body();
    EXPECT_EQ(FieldsOf(refused), c.fields) << c.body.dump() << " " << refused.Body();
    EXPECT_EQ(Listed("activities"), before) << c.body.dump();
  }
  // A change is refused the same way and leaves the record as it was.
  for (const auto& [body, fields] : std::vector<std::pair<Json, std::string>>{
           {{{"kind", "seminar"}}, "kind"},
           {{{"advice", "Sudah baik."}}, "advice"},  // it has not taken place yet
           {{{"agencies", {{{"agency_id", agency_}, {"participants", 0}}}}},
            "agencies[0].participants"},
           {{{"innovations", {rapor_}}}, "innovations[0]"},
           {{{"version", 7}}, "version"}}) {
    auto refused = Call(Method::kPatch, at, body.dump(), {{"if-match", Tag(1)}});
    EXPECT_EQ(refused.status, 422) << body.dump() << refused.Body();
    EXPECT_EQ(FieldsOf(refused), fields) << body.dump() << " " << refused.Body();
    EXPECT_EQ(Listed("activities"), before) << body.dump();
  }
  EXPECT_EQ(Call(Method::kPost, "/api/v1/regions/3578/activities", "[1]").status, 422);
  EXPECT_EQ(Call(Method::kPost, "/api/v1/regions/3578/activities", "{").status, 400);
  EXPECT_EQ(Listed("activities"), before);
  EXPECT_EQ(AuditCount("activity"), audited);

  // An innovation of a sub-unit of an agency served is the agency's too.
  Id unit = AddAgency("3578", "UPTD Puskesmas Kenjeran", agency_);
  Id unit_innovation = AddInnovation(unit, "Puskesmas Ramah Anak", 2025, RecordStatus::kVerified);
  Json with_unit = Session("2026-06-01");
  with_unit["innovations"] = {posyandu_, unit_innovation};
  EXPECT_EQ(Call(Method::kPost, "/api/v1/regions/3578/activities", with_unit.dump()).status, 201);
}

TEST_F(ProgrammeApiTest, TheRegionsPeopleReadActivitiesAndOnlyItsClinicWritesThem) {
  token_ = region_admin_;
  auto created =
      Call(Method::kPost, "/api/v1/regions/3578/activities", Session("2026-06-10").dump());
  ASSERT_EQ(created.status, 201);
  std::string at = Path("/api/v1/activities/", JsonOf(created)["id"].get<Id>());
  const std::string before = Listed("activities");
  const std::string list = "/api/v1/regions/3578/activities";

  // The agencies read the region's programme, but the clinic runs it.
  for (const auto& token : {operator_, head_, other_operator_}) {
    token_ = token;
    EXPECT_EQ(Call(Method::kGet, list).status, 200);
    EXPECT_EQ(Call(Method::kGet, at).status, 200);
    EXPECT_EQ(Call(Method::kPost, list, Session("2026-06-12").dump()).status, 403);
    EXPECT_EQ(Call(Method::kPatch, at, R"({"advice":"x"})", {{"if-match", Tag(1)}}).status, 403);
    EXPECT_EQ(Call(Method::kDelete, at, "", {{"if-match", Tag(1)}}).status, 403);
  }
  // A read-only token reads only.
  token_ = reader_;
  EXPECT_EQ(Call(Method::kGet, list).status, 200);
  EXPECT_EQ(Call(Method::kPost, list, Session("2026-06-12").dump()).status, 403);
  EXPECT_EQ(Call(Method::kPatch, at, R"({"advice":"x"})", {{"if-match", Tag(1)}}).status, 403);
  EXPECT_EQ(Listed("activities"), before);

  // Another region's people do not learn the record exists.
  for (const auto& token : {malang_admin_, malang_operator_}) {
    token_ = token;
    EXPECT_EQ(Call(Method::kGet, list).status, 403);
    EXPECT_EQ(Call(Method::kGet, at).status, 404);
    EXPECT_EQ(Call(Method::kPost, list, Session("2026-06-12").dump()).status, 403);
    EXPECT_EQ(Call(Method::kPatch, at, R"({"advice":"x"})", {{"if-match", Tag(1)}}).status, 404);
    EXPECT_EQ(Call(Method::kDelete, at, "", {{"if-match", Tag(1)}}).status, 404);
  }
  token_ = "";
  EXPECT_EQ(Call(Method::kGet, list).status, 401);
  EXPECT_EQ(Call(Method::kGet, at).status, 404);
  EXPECT_EQ(Call(Method::kPost, list, Session("2026-06-12").dump()).status, 401);
  EXPECT_EQ(Listed("activities"), before);

  // The clinic's facilitators schedule and record too.
  token_ = facilitator_;
  EXPECT_EQ(Call(Method::kPost, list, Session("2026-06-12").dump()).status, 201);
  auto advised = Call(Method::kPatch, at, R"({"advice":"Perbaiki SOP."})", {{"if-match", Tag(1)}});
  EXPECT_EQ(advised.status, 200) << advised.Body();
}

TEST_F(ProgrammeApiTest, AgenciesKeepTheirOwnTeamsAndTheRegionItsOwn) {
  const std::string list = "/api/v1/regions/3578/teams";
  token_ = region_admin_;
  auto region_team = Call(Method::kPost, list, TeamOf(nullptr).dump());
  ASSERT_EQ(region_team.status, 201) << region_team.Body();
  EXPECT_EQ(JsonOf(region_team)["agency_id"], nullptr);
  EXPECT_EQ(JsonOf(region_team)["region_code"], "3578");
  EXPECT_EQ(JsonOf(region_team)["members"][0],
            (Json{{"name", "Budi Santoso"}, {"position", "Kepala Bappeda"}, {"role", "chair"}}));
  Id region_team_id = JsonOf(region_team)["id"].get<Id>();
  EXPECT_EQ(HeaderOf(region_team, "Location"), Path("/api/v1/teams/", region_team_id));

  // The operator sets their own agency's team, not another's, nor the region's.
  token_ = operator_;
  auto own = Call(Method::kPost, list, TeamOf(agency_).dump());
  ASSERT_EQ(own.status, 201) << own.Body();
  std::string own_at = Path("/api/v1/teams/", JsonOf(own)["id"].get<Id>());
  std::string before = Listed("teams");
  EXPECT_EQ(Call(Method::kPost, list, TeamOf(other_agency_).dump()).status, 403);
  EXPECT_EQ(Call(Method::kPost, list, TeamOf(nullptr).dump()).status, 403);
  EXPECT_EQ(Listed("teams"), before);
  token_ = other_operator_;
  auto theirs = Call(Method::kPost, list, TeamOf(other_agency_).dump());
  ASSERT_EQ(theirs.status, 201) << theirs.Body();
  std::string theirs_at = Path("/api/v1/teams/", JsonOf(theirs)["id"].get<Id>());
  before = Listed("teams");

  // Nobody takes over a team they may not keep, nor moves their own to another's agency.
  token_ = operator_;
  Json take = {{"agency_id", agency_}};
  EXPECT_EQ(Call(Method::kPatch, theirs_at, take.dump(), {{"if-match", Tag(1)}}).status, 403);
  EXPECT_EQ(Call(Method::kDelete, theirs_at, "", {{"if-match", Tag(1)}}).status, 403);
  Json give = {{"agency_id", other_agency_}};
  EXPECT_EQ(Call(Method::kPatch, own_at, give.dump(), {{"if-match", Tag(1)}}).status, 403);
  EXPECT_EQ(Call(Method::kPatch, own_at, R"({"agency_id":null})", {{"if-match", Tag(1)}}).status,
            403);
  EXPECT_EQ(Call(Method::kPatch, Path("/api/v1/teams/", region_team_id),
                 R"({"decree_number":"1/2026"})", {{"if-match", Tag(1)}})
                .status,
            403);
  EXPECT_EQ(Listed("teams"), before);
  // The head of the agency and the clinic read the teams; they do not set them.
  for (const auto& token : {head_, facilitator_}) {
    token_ = token;
    EXPECT_EQ(Call(Method::kGet, list).status, 200);
    EXPECT_EQ(Call(Method::kGet, own_at).status, 200);
    EXPECT_EQ(Call(Method::kPost, list, TeamOf(agency_).dump()).status, 403);
    EXPECT_EQ(Call(Method::kPatch, own_at, R"({"decree_number":"1/2026"})", {{"if-match", Tag(1)}})
                  .status,
              403);
  }
  token_ = malang_admin_;
  EXPECT_EQ(Call(Method::kGet, list).status, 403);
  EXPECT_EQ(Call(Method::kGet, own_at).status, 404);
  EXPECT_EQ(Call(Method::kPost, list, TeamOf(nullptr).dump()).status, 403);
  token_ = "";
  EXPECT_EQ(Call(Method::kGet, list).status, 401);
  EXPECT_EQ(Call(Method::kPost, list, TeamOf(nullptr).dump()).status, 401);
  EXPECT_EQ(Listed("teams"), before);

  // A team has a decree and exactly one chair.
  token_ = operator_;
  Json two_chairs = TeamOf(agency_);
  two_chairs["members"][1]["role"] = "chair";
  Json no_chair = TeamOf(agency_);
  no_chair["members"][0]["role"] = "member";
  Json unknown_role = TeamOf(agency_);
  unknown_role["members"][2]["role"] = "bendahara";
  Json nameless = TeamOf(agency_);
  nameless["members"][2]["name"] = "";
  Json future = TeamOf(agency_);
  future["decree_date"] = "2026-06-16";
  Json no_number = TeamOf(agency_);
  no_number.erase("decree_number");
  Json nobody = TeamOf(agency_);
  nobody["members"] = Json::array();
  for (const auto& [body, fields] :
       std::vector<std::pair<Json, std::string>>{{two_chairs, "members"},
                                                 {no_chair, "members"},
                                                 {unknown_role, "members[2].role"},
                                                 {nameless, "members[2].name"},
                                                 {future, "decree_date"},
                                                 {no_number, "decree_number"},
                                                 {nobody, "members"}}) {
    auto refused = Call(Method::kPost, list, body.dump());
    EXPECT_EQ(refused.status, 422) << body.dump() << refused.Body();
    EXPECT_EQ(FieldsOf(refused), fields) << body.dump() << " " << refused.Body();
  }
  auto patched = Call(Method::kPatch, own_at, Json{{"members", two_chairs["members"]}}.dump(),
                      {{"if-match", Tag(1)}});
  EXPECT_EQ(patched.status, 422);
  EXPECT_EQ(FieldsOf(patched), "members");
  token_ = region_admin_;
  auto elsewhere = Call(Method::kPost, list, TeamOf(malang_agency_).dump());
  EXPECT_EQ(elsewhere.status, 422) << elsewhere.Body();
  EXPECT_EQ(FieldsOf(elsewhere), "agency_id");
  EXPECT_EQ(Listed("teams"), before);

  // The region's team first, then each agency's.
  Json teams = JsonOf(Call(Method::kGet, list));
  EXPECT_EQ(teams["total"], 3);
  EXPECT_EQ(teams["items"][0]["id"], region_team_id);
  EXPECT_EQ(teams["items"][1]["agency_id"], agency_);
  EXPECT_EQ(teams["items"][2]["agency_id"], other_agency_);

  // The operator renews their decree, and removes the team.
  token_ = operator_;
  auto renewed =
      Call(Method::kPatch, own_at, R"({"decree_number":"188/99/2026","decree_date":"2026-06-01"})",
           {{"if-match", Tag(1)}});
  ASSERT_EQ(renewed.status, 200) << renewed.Body();
  EXPECT_EQ(JsonOf(renewed)["version"], 2);
  EXPECT_EQ(JsonOf(renewed)["members"].size(), 3u);
  EXPECT_EQ(Call(Method::kPatch, own_at, R"({"decree_number":"x"})", {{"if-match", Tag(1)}}).status,
            412);
  EXPECT_EQ(Call(Method::kDelete, own_at, "", {{"if-match", Tag(1)}}).status, 412);
  EXPECT_EQ(Call(Method::kDelete, own_at, "", {{"if-match", Tag(2)}}).status, 204);
  EXPECT_EQ(Call(Method::kGet, own_at).status, 404);
  EXPECT_EQ(AuditCount("team"), 5u);  // three created, one renewed, one removed
}

TEST_F(ProgrammeApiTest, AnAgencyWithATeamOrActivitiesIsNotDeleted) {
  Id empty = AddAgency("3578", "Dinas Pariwisata");
  std::string agency_at = Path("/api/v1/agencies/", empty);
  token_ = region_admin_;
  auto team = Call(Method::kPost, "/api/v1/regions/3578/teams", TeamOf(empty).dump());
  ASSERT_EQ(team.status, 201) << team.Body();
  std::string team_at = Path("/api/v1/teams/", JsonOf(team)["id"].get<Id>());
  auto refused = Call(Method::kDelete, agency_at, "", {{"if-match", Tag(1)}});
  EXPECT_EQ(refused.status, 409) << refused.Body();
  EXPECT_NE(refused.Body().find("tim pelaksana"), std::string::npos) << refused.Body();
  EXPECT_EQ(Call(Method::kGet, agency_at).status, 200);
  ASSERT_EQ(Call(Method::kDelete, team_at, "", {{"if-match", Tag(1)}}).status, 204);

  Json session = Session("2026-06-01");
  session["title"] = "Klinik Wisata";
  session["agencies"] = {{{"agency_id", empty}}};
  auto activity = Call(Method::kPost, "/api/v1/regions/3578/activities", session.dump());
  ASSERT_EQ(activity.status, 201) << activity.Body();
  refused = Call(Method::kDelete, agency_at, "", {{"if-match", Tag(1)}});
  EXPECT_EQ(refused.status, 409) << refused.Body();
  EXPECT_NE(refused.Body().find("Klinik Wisata"), std::string::npos) << refused.Body();
  ASSERT_EQ(Call(Method::kDelete, Path("/api/v1/activities/", JsonOf(activity)["id"].get<Id>()), "",
                 {{"if-match", Tag(1)}})
                .status,
            204);
  EXPECT_EQ(Call(Method::kDelete, agency_at, "", {{"if-match", Tag(1)}}).status, 204);
}

TEST_F(ProgrammeApiTest, TheClinicEvaluatesTheYearsRound) {
  const std::string round_at = "/api/v1/regions/3578/evaluations";
  const std::string record_at = Path("/api/v1/innovations/", posyandu_) + "/evaluations";
  token_ = facilitator_;
  auto round = Call(Method::kGet, round_at);
  ASSERT_EQ(round.status, 200) << round.Body();
  Json body = JsonOf(round);
  EXPECT_EQ(body["region_code"], "3578");
  EXPECT_EQ(body["year"], 2026);
  EXPECT_EQ(body["total"], 2);  // the verified and the published; not the draft
  EXPECT_EQ(body["evaluated"], 0);
  ASSERT_EQ(body["items"].size(), 2u);
  EXPECT_EQ(body["items"][0]["innovation"]["id"], posyandu_);
  EXPECT_EQ(body["items"][0]["innovation"]["title"], "Posyandu Remaja");
  EXPECT_EQ(body["items"][0]["innovation"]["agency_id"], agency_);
  EXPECT_EQ(body["items"][0]["innovation"]["continuation"], "active");
  EXPECT_EQ(body["items"][0]["evaluation"], nullptr);
  EXPECT_EQ(body["items"][1]["innovation"]["id"], rapor_);

  auto first = Call(Method::kPost, record_at, Findings("needs_attention").dump());
  ASSERT_EQ(first.status, 201) << first.Body();
  EXPECT_EQ(JsonOf(first)["innovation_id"], posyandu_);
  EXPECT_EQ(JsonOf(first)["year"], 2026);
  EXPECT_EQ(JsonOf(first)["progress"], "needs_attention");
  EXPECT_EQ(JsonOf(first)["recorded_by"], "fasil");
  EXPECT_EQ(JsonOf(first)["recorded_at"], "2026-06-15T03:00:00Z");
  Json again = Findings("stalled");
  again["report"] = "Kader pindah tugas.";
  auto replaced = Call(Method::kPost, record_at, again.dump());
  ASSERT_EQ(replaced.status, 200) << replaced.Body();
  EXPECT_EQ(JsonOf(replaced)["progress"], "stalled");
  body = JsonOf(Call(Method::kGet, round_at));
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["evaluated"], 1);
  EXPECT_EQ(body["items"][0]["evaluation"]["progress"], "stalled");
  EXPECT_EQ(body["items"][0]["evaluation"]["report"], "Kader pindah tugas.");
  EXPECT_EQ(body["items"][1]["evaluation"], nullptr);
  // Earlier rounds: only what had started by then.
  body = JsonOf(Call(Method::kGet, round_at + "?year=2025"));
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["evaluated"], 0);
  body = JsonOf(Call(Method::kGet, round_at + "?year=2024"));
  EXPECT_EQ(body["total"], 1);
  EXPECT_EQ(body["items"][0]["innovation"]["id"], posyandu_);
  EXPECT_EQ(Call(Method::kGet, round_at + "?year=2027").status, 400);
  EXPECT_EQ(Call(Method::kGet, round_at + "?kind=workshop").status, 400);

  // The evaluation round's refusals name the field.
  std::string draft_at = Path("/api/v1/innovations/", draft_) + "/evaluations";
  auto draft = Call(Method::kPost, draft_at, Findings("on_track").dump());
  EXPECT_EQ(draft.status, 422) << draft.Body();
  EXPECT_EQ(FieldsOf(draft), "innovation");
  auto empty = Call(Method::kPost, record_at, "{}");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(FieldsOf(empty), "year,progress,report,advice");
  Json next_year = Findings("on_track");
  next_year["year"] = 2027;
  EXPECT_EQ(FieldsOf(Call(Method::kPost, record_at, next_year.dump())), "year");
  Json before_start = Findings("on_track");
  before_start["year"] = 2024;  // the report card innovation started in 2025
  auto early = Call(Method::kPost, Path("/api/v1/innovations/", rapor_) + "/evaluations",
                    before_start.dump());
  EXPECT_EQ(early.status, 422) << early.Body();
  EXPECT_EQ(FieldsOf(early), "year");
  Json unknown = Findings("excellent");
  EXPECT_EQ(FieldsOf(Call(Method::kPost, record_at, unknown.dump())), "progress");
  Json recorded_by = Findings("on_track");
  recorded_by["recorded_by"] = "someone";
  EXPECT_EQ(FieldsOf(Call(Method::kPost, record_at, recorded_by.dump())), "recorded_by");

  // The agency reads its own innovation's results but does not record them.
  token_ = operator_;
  EXPECT_EQ(Call(Method::kPost, record_at, Findings("on_track").dump()).status, 403);
  auto own = Call(Method::kGet, record_at);
  ASSERT_EQ(own.status, 200) << own.Body();
  EXPECT_EQ(JsonOf(own)["total"], 1);
  EXPECT_EQ(JsonOf(own)["items"][0]["progress"], "stalled");
  EXPECT_EQ(Call(Method::kGet, round_at).status, 403);
  EXPECT_EQ(Call(Method::kGet, Path("/api/v1/innovations/", rapor_) + "/evaluations").status,
            403);  // published, but another agency's
  token_ = head_;
  EXPECT_EQ(Call(Method::kGet, record_at).status, 200);
  EXPECT_EQ(Call(Method::kPost, record_at, Findings("on_track").dump()).status, 403);
  token_ = other_operator_;
  EXPECT_EQ(Call(Method::kGet, record_at).status, 404);  // verified, not published
  token_ = malang_admin_;
  EXPECT_EQ(Call(Method::kGet, round_at).status, 403);
  EXPECT_EQ(Call(Method::kPost, record_at, Findings("on_track").dump()).status, 404);
  token_ = reader_;
  EXPECT_EQ(Call(Method::kGet, round_at).status, 200);
  EXPECT_EQ(Call(Method::kPost, record_at, Findings("on_track").dump()).status, 403);
  token_ = "";
  EXPECT_EQ(Call(Method::kGet, round_at).status, 401);
  EXPECT_EQ(Call(Method::kPost, record_at, Findings("on_track").dump()).status, 404);

  token_ = region_admin_;
  body = JsonOf(Call(Method::kGet, round_at));
  EXPECT_EQ(body["evaluated"], 1);
  EXPECT_EQ(body["items"][0]["evaluation"]["progress"], "stalled");
  AuditQuery audit;
  audit.record_type = "evaluation";
  audit.record_id = std::to_string(posyandu_) + "/2026";
  std::vector<std::string> actions;
  for (const auto& entry : db_.store().ListAudit(audit)) actions.push_back(entry.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"update", "create"}));
  EXPECT_EQ(AuditCount("evaluation"), 2u);
}

TEST_F(ProgrammeApiTest, AnAgencySaysSinceWhenAndWhyItsInnovationStopped) {
  const std::string at = Path("/api/v1/innovations/", posyandu_);
  token_ = operator_;
  auto version = JsonOf(Call(Method::kGet, at))["version"].get<std::int64_t>();
  auto refused = [&](const Json& body, const std::string& fields) {
    auto answer = Call(Method::kPost, at + "/continuation", body.dump());
    EXPECT_EQ(answer.status, 422) << body.dump() << answer.Body();
    EXPECT_EQ(FieldsOf(answer), fields) << body.dump() << " " << answer.Body();
  };
  refused({{"continuation", "stopped"}, {"date", "2026-05-31"}}, "reason");
  refused({{"continuation", "stopped"}, {"date", "2026-06-16"}, {"reason", "Kader pindah."}},
          "date");
  refused({{"continuation", "stopped"}, {"date", "2023-12-31"}, {"reason", "Kader pindah."}},
          "date");  // before it started in 2024
  refused({{"continuation", "dormant"}, {"reason", "Kader pindah."}}, "date");
  refused({{"continuation", "paused"}, {"date", "2026-05-31"}, {"reason", "Kader pindah."}},
          "continuation");
  refused({{"date", "2026-05-31"}, {"reason", "Kader pindah."}}, "continuation");
  refused({{"continuation", "stopped"}, {"date", "2026-05-31"}, {"reason", 3}}, "reason");
  refused({{"continuation", "stopped"}, {"date", "2026-05-31"}, {"why", "x"}}, "why");
  EXPECT_EQ(JsonOf(Call(Method::kGet, at))["version"], version);

  auto stopped = Call(Method::kPost, at + "/continuation",
                      R"({"continuation":"stopped","date":"2026-05-31","reason":"Kader pindah."})");
  ASSERT_EQ(stopped.status, 200) << stopped.Body();
  Json innovation = JsonOf(stopped);
  EXPECT_EQ(innovation["continuation"], "stopped");
  EXPECT_EQ(innovation["continuation_date"], "2026-05-31");
  EXPECT_EQ(innovation["continuation_reason"], "Kader pindah.");
  EXPECT_EQ(innovation["version"], version + 1);
  EXPECT_EQ(HeaderOf(stopped, "ETag"), Tag(version + 1));
  innovation = JsonOf(Call(Method::kGet, at));
  EXPECT_EQ(innovation["continuation"], "stopped");
  EXPECT_EQ(innovation["continuation_reason"], "Kader pindah.");
  // A change from an old copy is refused when it says which copy.
  EXPECT_EQ(Call(Method::kPost, at + "/continuation",
                 R"({"continuation":"active","date":"2026-06-01"})", {{"if-match", Tag(version)}})
                .status,
            412);
  // The round shows it.
  token_ = facilitator_;
  Json round = JsonOf(Call(Method::kGet, "/api/v1/regions/3578/evaluations"));
  EXPECT_EQ(round["items"][0]["innovation"]["continuation"], "stopped");
  // Only the agency and the region's team say so.
  EXPECT_EQ(
      Call(Method::kPost, at + "/continuation", R"({"continuation":"active","date":"2026-06-01"})")
          .status,
      403);
  token_ = head_;
  EXPECT_EQ(
      Call(Method::kPost, at + "/continuation", R"({"continuation":"active","date":"2026-06-01"})")
          .status,
      403);
  token_ = other_operator_;
  EXPECT_EQ(
      Call(Method::kPost, at + "/continuation", R"({"continuation":"active","date":"2026-06-01"})")
          .status,
      404);
  token_ = "";
  EXPECT_EQ(
      Call(Method::kPost, at + "/continuation", R"({"continuation":"active","date":"2026-06-01"})")
          .status,
      404);
  token_ = operator_;
  EXPECT_EQ(JsonOf(Call(Method::kGet, at))["continuation"], "stopped");

  // Running again needs no reason.
  auto resumed =
      Call(Method::kPost, at + "/continuation", R"({"continuation":"active","date":"2026-06-10"})",
           {{"if-match", Tag(version + 1)}});
  ASSERT_EQ(resumed.status, 200) << resumed.Body();
  EXPECT_EQ(JsonOf(resumed)["continuation"], "active");
  EXPECT_EQ(JsonOf(resumed)["continuation_reason"], "");
  token_ = region_admin_;
  auto rested =
      Call(Method::kPost, Path("/api/v1/innovations/", rapor_) + "/continuation",
           R"({"continuation":"dormant","date":"2026-01-01","reason":"Sistem diganti."})");
  EXPECT_EQ(rested.status, 200) << rested.Body();

  // The innovation's own record no longer takes it: it asks for a date and a reason.
  token_ = operator_;
  std::string draft_at = Path("/api/v1/innovations/", draft_);
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"continuation":"dormant"})", "continuation"},
           {R"({"continuation_date":"2026-06-01"})", "continuation_date"},
           {R"({"continuation_reason":"Tidak ada anggaran."})", "continuation_reason"}}) {
    auto patch = Call(Method::kPatch, draft_at, body, {{"if-match", Tag(1)}});
    EXPECT_EQ(patch.status, 422) << body << patch.Body();
    EXPECT_EQ(FieldsOf(patch), field) << patch.Body();
    EXPECT_EQ(JsonOf(patch)["errors"][0]["code"], "read_only") << patch.Body();
  }
  Json draft = JsonOf(Call(Method::kGet, draft_at));
  EXPECT_EQ(draft["continuation"], "active");
  EXPECT_EQ(draft["version"], 1);
  auto created =
      Call(Method::kPost, "/api/v1/innovations",
           Json{{"agency_id", agency_}, {"title", "Baru"}, {"continuation", "stopped"}}.dump());
  EXPECT_EQ(created.status, 422) << created.Body();
  EXPECT_EQ(FieldsOf(created), "continuation");
}

// Deleting an innovation takes it out of the activities that discussed it (each change audited),
// so that an activity never names an innovation that is gone and can still be changed.
TEST_F(ProgrammeApiTest, AnActivityOutlivesNoInnovationItNames) {
  // The clinic discusses the health agency's draft; the agency then deletes the draft.
  token_ = region_admin_;
  Json session = Session("2026-06-15");
  session["innovations"] = {draft_};
  auto created = Call(Method::kPost, "/api/v1/regions/3578/activities", session.dump());
  ASSERT_EQ(created.status, 201) << created.Body();
  std::string at = Path("/api/v1/activities/", JsonOf(created)["id"].get<Id>());
  token_ = operator_;
  auto deleted =
      Call(Method::kDelete, Path("/api/v1/innovations/", draft_), "", {{"if-match", Tag(1)}});
  EXPECT_EQ(deleted.status, 204) << deleted.Body();
  token_ = region_admin_;
  Json activity = JsonOf(Call(Method::kGet, at));
  EXPECT_EQ(activity["innovations"], Json::array());
  EXPECT_EQ(activity["version"], 2);
  auto advised = Call(Method::kPatch, at, R"({"advice":"Susun ulang idenya."})",
                      {{"if-match", Tag(activity["version"].get<std::int64_t>())}});
  EXPECT_EQ(advised.status, 200) << advised.Body();
  AuditQuery audit;
  audit.record_type = "activity";
  audit.record_id = JsonOf(advised)["id"].dump();
  EXPECT_EQ(db_.store().ListAudit(audit).size(), 3u);  // created, the draft taken out, advised
}

// Another agency reads the session but not the drafts it discussed; an innovation the region has
// evaluated stays, its results with it.
TEST_F(ProgrammeApiTest, ReadersSeeOnlyTheInnovationsTheyMaySeeAndEvaluatedOnesStay) {
  token_ = region_admin_;
  Json session = Session("2026-06-10");
  session["agencies"].push_back({{"agency_id", other_agency_}, {"participants", 1}});
  session["innovations"] = {draft_, rapor_};
  auto created = Call(Method::kPost, "/api/v1/regions/3578/activities", session.dump());
  ASSERT_EQ(created.status, 201) << created.Body();
  EXPECT_EQ(JsonOf(created)["innovations"], (Json{draft_, rapor_}));
  std::string at = Path("/api/v1/activities/", JsonOf(created)["id"].get<Id>());
  token_ = other_operator_;
  EXPECT_EQ(JsonOf(Call(Method::kGet, at))["innovations"], Json{rapor_});
  auto listed = JsonOf(Call(Method::kGet, "/api/v1/regions/3578/activities"));
  EXPECT_EQ(listed["items"][0]["innovations"], Json{rapor_});
  token_ = operator_;
  EXPECT_EQ(JsonOf(Call(Method::kGet, at))["innovations"], (Json{draft_, rapor_}));

  // Evaluated, then sent back: the agency may edit it again, but not delete it.
  token_ = facilitator_;
  ASSERT_EQ(Call(Method::kPost, Path("/api/v1/innovations/", posyandu_) + "/evaluations",
                 Findings("on_track").dump())
                .status,
            201);
  Innovation sent_back = *db_.store().FindInnovation(posyandu_);
  sent_back.status = RecordStatus::kRejected;
  ASSERT_TRUE(db_.store().UpdateInnovation(sent_back, sent_back.version));
  token_ = operator_;
  auto deleted = Call(Method::kDelete, Path("/api/v1/innovations/", posyandu_), "",
                      {{"if-match", Tag(sent_back.version + 1)}});
  EXPECT_EQ(deleted.status, 409) << deleted.Body();
  EXPECT_TRUE(db_.store().FindInnovation(posyandu_));
  EXPECT_EQ(db_.store().ListEvaluationsOf(posyandu_).size(), 1u);
}

}  // namespace
}  // namespace lumbung::http
