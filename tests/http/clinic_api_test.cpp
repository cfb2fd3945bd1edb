// The clinic through the API: an innovation from drum-up to display with a facilitator's
// validations, every gate and refusal, the facilitators' queue, and the yearly target.
#include <gtest/gtest.h>

#include "http/api_fixture.hpp"

namespace lumbung::http {
namespace {

using Json = nlohmann::json;

class ClinicApiTest : public ApiTest {
 protected:
  ClinicApiTest() {
    agency_ = Seed();
    operator_ = AddUser("sari", {{Role::kAgencyOperator, "", agency_, 0}});
    facilitator_ = AddUser("fasil", {{Role::kFacilitator, "3578", 0, 0}});
    region_admin_ = AddUser("ra", {{Role::kRegionAdmin, "3578", 0, 0}});
    token_ = operator_;
    auto created = Call(Method::kPost, "/api/v1/innovations",
                        Json{{"agency_id", agency_}, {"title", "Posyandu Remaja"}}.dump());
    EXPECT_EQ(created.status, 201) << created.Body();
    id_ = JsonOf(created)["id"].get<Id>();
    base_ = "/api/v1/innovations/" + std::to_string(id_);
  }

  Response Move(const std::string& to) {
    return Call(Method::kPost, base_ + "/stage", Json{{"to", to}}.dump());
  }
  Response Record(const Json& entry) {
    return Call(Method::kPost, base_ + "/clinic", entry.dump());
  }
  Json Journal() { return JsonOf(Call(Method::kGet, base_ + "/clinic")); }
  std::string Stage() { return Journal()["stage"]; }
  std::size_t Entries() { return Journal()["entries"].size(); }
  static std::string FieldsOf(const Response& response) {
    std::string fields;
    Json body = JsonOf(response);
    for (const auto& error : body["errors"]) {
      fields += (fields.empty() ? "" : ",") + error["field"].get<std::string>();
    }
    return fields;
  }

  Id agency_ = 0, id_ = 0;
  std::string operator_, facilitator_, region_admin_, base_;
};

TEST_F(ClinicApiTest, AnInnovationGoesFromDrumUpToDisplayPastEveryGate) {
  // Drum-up: the idea must be written down before diagnosis.
  auto no_idea = Move("diagnose");
  EXPECT_EQ(no_idea.status, 422);
  EXPECT_EQ(FieldsOf(no_idea), "summary");
  ASSERT_EQ(Call(Method::kPatch, base_, R"({"summary":"Posyandu untuk remaja."})",
                 {{"if-match", "\"1\""}})
                .status,
            200);
  // A stage is never skipped, nor taken backwards.
  auto skip = Move("design");
  EXPECT_EQ(skip.status, 422);
  EXPECT_NE(JsonOf(skip)["errors"][0]["message"].get<std::string>().find("dilompati"),
            std::string::npos);
  ASSERT_EQ(Move("diagnose").status, 200);
  EXPECT_EQ(Move("drum_up").status, 422);
  EXPECT_EQ(Move("diagnose").status, 422);

  // Diagnose: nobody but a facilitator validates; a revision keeps it in the stage.
  Json validation = {{"kind", "validation"},
                     {"date", "2026-06-10"},
                     {"validation_method", "desk_consultation"},
                     {"decision", "revise"},
                     {"notes", "Pertajam masalahnya."}};
  EXPECT_EQ(Record(validation).status, 403);  // the operator
  token_ = region_admin_;
  EXPECT_EQ(Record(validation).status, 403);
  token_ = facilitator_;
  EXPECT_EQ(JsonOf(Call(Method::kGet, "/api/v1/regions/3578/clinic-queue"))["total"], 1);
  ASSERT_EQ(Record(validation).status, 201);
  EXPECT_EQ(Move("design").status, 403);  // facilitators validate, agencies move
  token_ = operator_;
  auto revise = Move("design");
  EXPECT_EQ(revise.status, 422);
  EXPECT_EQ(FieldsOf(revise), "validation");
  token_ = facilitator_;
  EXPECT_EQ(JsonOf(Call(Method::kGet, "/api/v1/regions/3578/clinic-queue"))["total"], 1);
  validation["decision"] = "accepted";
  validation["validation_method"] = "presentation";
  ASSERT_EQ(Record(validation).status, 201);
  EXPECT_EQ(JsonOf(Call(Method::kGet, "/api/v1/regions/3578/clinic-queue"))["total"], 0);
  token_ = operator_;
  ASSERT_EQ(Move("design").status, 200);

  // Design: the plan, then its validation.
  auto half_plan = Record({{"kind", "design_plan"}, {"action_plan", "Tiga bulan uji coba."}});
  EXPECT_EQ(half_plan.status, 422);
  EXPECT_EQ(FieldsOf(half_plan), "stakeholder_map,communication_strategy");
  auto gaps = Move("deliver");
  EXPECT_EQ(FieldsOf(gaps), "design_plan,validation");
  ASSERT_EQ(Record({{"kind", "design_plan"},
                    {"action_plan", "Tiga bulan uji coba."},
                    {"stakeholder_map", "Puskesmas, sekolah, karang taruna."},
                    {"communication_strategy", "Media sosial sekolah."}})
                .status,
            201);
  token_ = facilitator_;
  validation["date"] = "2026-06-12";
  ASSERT_EQ(Record(validation).status, 201);
  token_ = operator_;
  ASSERT_EQ(Move("deliver").status, 200);

  // Deliver: the launch, then monitoring, never before the launch nor in the future.
  Json monitoring = {{"kind", "monitoring"},
                     {"date", "2026-06-13"},
                     {"monitoring_method", "field_survey"},
                     {"findings", "Kunjungan naik."}};
  auto before_launch = Record(monitoring);
  EXPECT_EQ(before_launch.status, 422);
  EXPECT_EQ(FieldsOf(before_launch), "date");
  ASSERT_EQ(Record({{"kind", "launch"}, {"date", "2026-06-14"}}).status, 201);
  EXPECT_EQ(Record({{"kind", "launch"}, {"date", "2026-06-14"}}).status, 422);  // once
  auto early = Record(monitoring);
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(FieldsOf(early), "date");
  monitoring["date"] = "2026-07-01";
  EXPECT_EQ(FieldsOf(Record(monitoring)), "date");  // in the future
  monitoring["date"] = "2026-06-15";
  token_ = facilitator_;  // the clinic monitors too
  ASSERT_EQ(Record(monitoring).status, 201);
  token_ = operator_;
  ASSERT_EQ(Move("display").status, 200);

  // Display: events with feedback; the last stage.
  ASSERT_EQ(Record({{"kind", "display_event"},
                    {"date", "2026-06-15"},
                    {"event_kind", "expo"},
                    {"event_name", "Surabaya Innovation Expo"},
                    {"feedback", "Tiga kecamatan ingin mereplikasi."}})
                .status,
            201);
  EXPECT_EQ(Move("display").status, 422);

  // Every step is in the journal, with who recorded it, and in the audit trail.
  Json journal = Journal();
  EXPECT_EQ(journal["stage"], "display");
  EXPECT_EQ(journal["next_stage"], nullptr);
  EXPECT_EQ(journal["may_record"], Json::array({"monitoring", "display_event"}));
  std::vector<std::string> kinds;
  for (const auto& entry : journal["entries"]) kinds.push_back(entry["kind"]);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"stage_change", "validation", "validation", "stage_change",
                                      "design_plan", "validation", "stage_change", "launch",
                                      "monitoring", "stage_change", "display_event"}));
  EXPECT_EQ(journal["entries"][1]["recorded_by"], "fasil");
  EXPECT_EQ(journal["entries"][1]["decision"], "revise");
  EXPECT_FALSE(journal["entries"][1].contains("findings"));
  AuditQuery audit;
  audit.record_type = "clinic_entry";
  EXPECT_EQ(db_.store().ListAudit(audit).size(), 11u);
}

TEST_F(ClinicApiTest, BadEntriesAreRefusedByNameAndChangeNothing) {
  ASSERT_EQ(Call(Method::kPatch, base_, R"({"summary":"Ide."})", {{"if-match", "\"1\""}}).status,
            200);
  ASSERT_EQ(Move("diagnose").status, 200);
  std::size_t before = Entries();
  token_ = facilitator_;
  struct Case {
    Json body;
    std::string fields;
  };
  const Case cases[] = {
      {Json::object(), "kind"},
      {{{"kind", "gossip"}}, "kind"},
      {{{"kind", "validation"},
        {"date", "kemarin"},
        {"decision", "accepted"},
        {"validation_method", "presentation"}},
       "date"},
      {{{"kind", "validation"},
        {"date", "2026-06-01"},
        {"decision", "maybe"},
        {"validation_method", "presentation"}},
       "decision"},
      {{{"kind", "validation"},
        {"date", "2026-06-01"},
        {"decision", "declined"},
        {"validation_method", "presentation"}},
       "notes"},  // a refusal says why
      {{{"kind", "validation"}, {"date", "2026-06-01"}, {"stage", "design"}}, "stage"},
      {{{"kind", "stage_change"}, {"date", "2026-06-01"}}, "kind"},
      {{{"kind", "launch"}, {"date", "2026-06-01"}, {"colour", "red"}}, "colour"},
  };
  for (const auto& c : cases) {
    auto refused = Record(c.body);
    EXPECT_EQ(refused.status, c.body.contains("kind") && c.body["kind"] == "launch" ? 403 : 422)
        << c.body.dump() << refused.Body();
    if (refused.status == 422) {
      EXPECT_NE(FieldsOf(refused).find(c.fields), std::string::npos)
          << c.body.dump() << " " << refused.Body();
    }
  }
  token_ = operator_;
  auto launch_now = Record({{"kind", "launch"}, {"date", "2026-06-01"}});
  EXPECT_EQ(launch_now.status, 422);  // a launch belongs to deliver
  EXPECT_EQ(FieldsOf(launch_now), "kind");
  EXPECT_EQ(Call(Method::kPost, base_ + "/stage", R"({"to":"later"})").status, 422);
  EXPECT_EQ(Call(Method::kPost, base_ + "/stage", R"({"stage":"design"})").status, 422);
  EXPECT_EQ(Call(Method::kPost, base_ + "/stage", "[1]").status, 422);
  EXPECT_EQ(Entries(), before);
  EXPECT_EQ(Stage(), "diagnose");

  // Outsiders do not learn that the draft exists.
  token_ = "";
  EXPECT_EQ(Call(Method::kGet, base_ + "/clinic").status, 404);
  EXPECT_EQ(Move("design").status, 404);
}

TEST_F(ClinicApiTest, AReplicationNamesHowAndByWhatActivityKnowledgeWasTransferred) {
  token_ = admin_token_;
  Json replication = {{"agency_id", agency_},
                      {"title", "Posyandu Remaja Kelurahan"},
                      {"replicated_from", id_},
                      {"replication_method", "modification"},
                      {"transfer_kinds", {"technical", "managerial"}},
                      {"transfer_activity", "visit_learning"}};
  auto created = Call(Method::kPost, "/api/v1/innovations", replication.dump());
  ASSERT_EQ(created.status, 201) << created.Body();
  auto read = JsonOf(
      Call(Method::kGet, "/api/v1/innovations/" + std::to_string(JsonOf(created)["id"].get<Id>())));
  EXPECT_EQ(read["transfer_activity"], "visit_learning");
  EXPECT_EQ(read["replicated_from"], id_);

  replication.erase("replicated_from");
  auto orphan = Call(Method::kPost, "/api/v1/innovations", replication.dump());
  EXPECT_EQ(orphan.status, 422);
  EXPECT_EQ(FieldsOf(orphan), "replicated_from");
  replication["replicated_from"] = id_;
  replication["transfer_activity"] = "seminar";
  auto unknown = Call(Method::kPost, "/api/v1/innovations", replication.dump());
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(FieldsOf(unknown), "transfer_activity");
  InnovationQuery all;
  EXPECT_EQ(db_.store().ListInnovations(all).total, 2);
}

// Adds an innovation of `agency` straight to the registry, as a region's data would hold it.
Id AddInnovation(Store& store, Id agency, const std::string& title, int year, Maturity maturity,
                 RecordStatus status, const std::string& implementation_date = "") {
  Innovation innovation;
  innovation.region_code = "3578";
  innovation.agency_id = agency;
  innovation.title = title;
  innovation.year = year;
  innovation.maturity = maturity;
  innovation.status = status;
  innovation.implementation_date = implementation_date;
  Registry registry(store, testing::FixedNow);
  auto created = registry.CreateInnovation(innovation);
  EXPECT_TRUE(created) << title;
  return created ? created->id : 0;
}

TEST_F(ClinicApiTest, ComplianceListsWhoMetTheYearsTarget) {
  Store& store = db_.store();
  Registry registry(store, testing::FixedNow);
  auto add_agency = [&](const std::string& name, AgencyKind kind, std::optional<Id> parent,
                        std::optional<int> echelon) {
    Agency agency;
    agency.region_code = "3578";
    agency.name = name;
    agency.kind = kind;
    agency.parent_id = parent;
    agency.echelon = echelon;
    return registry.CreateAgency(agency)->id;
  };
  Id bumd = add_agency("PDAM Surya Sembada", AgencyKind::kRegionalCompany, std::nullopt, 2);
  Id idle = add_agency("Dinas Pariwisata", AgencyKind::kRegionalAgency, std::nullopt, 2);
  Id unit = add_agency("Bidang Pelayanan Kesehatan", AgencyKind::kRegionalAgency, agency_, 3);
  add_agency("UPTD Puskesmas Kenjeran", AgencyKind::kTechnicalUnit, unit, 4);
  // Health: one new this year through its Eselon III unit, one developed from 2024.
  AddInnovation(store, unit, "Posyandu Lansia", 2026, Maturity::kTrial, RecordStatus::kVerified);
  AddInnovation(store, agency_, "Puskesmas Keliling", 2024, Maturity::kImplementation,
                RecordStatus::kPublished, "2026-02-01");
  // The BUMD: only an idea, and a draft: neither counts.
  AddInnovation(store, bumd, "Meter Air Pintar", 2026, Maturity::kInitiative,
                RecordStatus::kVerified);
  AddInnovation(store, bumd, "Tagihan Digital", 2026, Maturity::kTrial, RecordStatus::kDraft);
  // Earlier years, for the comparison.
  AddInnovation(store, idle, "Wisata Kampung", 2025, Maturity::kTrial, RecordStatus::kPublished);
  AddInnovation(store, bumd, "Loket Keliling", 2025, Maturity::kTrial, RecordStatus::kPublished);

  token_ = operator_;
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/compliance").status, 403);
  token_ = region_admin_;
  auto answer = Call(Method::kGet, "/api/v1/regions/3578/compliance");
  ASSERT_EQ(answer.status, 200) << answer.Body();
  Json report = JsonOf(answer);
  EXPECT_EQ(report["year"], 2026);
  EXPECT_EQ(report["deadline"], "2026-12-31");
  EXPECT_EQ(report["agencies_met"], 1);
  std::map<std::string, std::string> states;
  for (const auto& row : report["agencies"]) {
    states[row["agency"]["name"]] = row["state"];
    if (row["agency"]["id"] == agency_) {
      EXPECT_EQ(row["new"], 1);
      EXPECT_EQ(row["developed"], 1);
    }
  }
  EXPECT_EQ(states, (std::map<std::string, std::string>{{"Dinas Kesehatan", "met"},
                                                        {"Dinas Pariwisata", "pending"},
                                                        {"PDAM Surya Sembada", "pending"}}));
  EXPECT_EQ(report["echelon_iii"].size(), 0u);
  // Puskesmas Keliling was new in 2024 and developed (implemented) in 2026.
  EXPECT_EQ(report["years"], (Json::array({{{"year", 2024}, {"innovations", 1}, {"units", 1}},
                                           {{"year", 2025}, {"innovations", 2}, {"units", 2}},
                                           {{"year", 2026}, {"innovations", 2}, {"units", 2}}})))
      << report["years"].dump();

  // The region tightens the rule: two a year, due 1 July, per Eselon III unit too.
  auto bad = Call(Method::kPatch, "/api/v1/regions/3578",
                  R"({"target":{"count":0,"deadline":"13-01","colour":"red"}})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad), "target.colour");
  bad =
      Call(Method::kPatch, "/api/v1/regions/3578", R"({"target":{"count":0,"deadline":"13-01"}})");
  EXPECT_EQ(FieldsOf(bad), "target.count,target.deadline");
  EXPECT_EQ(store.FindRegion("3578")->target, TargetRule{});
  auto tightened = Call(Method::kPatch, "/api/v1/regions/3578",
                        R"({"target":{"count":2,"deadline":"07-01","per_echelon_iii":true}})");
  ASSERT_EQ(tightened.status, 200) << tightened.Body();
  report = JsonOf(Call(Method::kGet, "/api/v1/regions/3578/compliance"));
  EXPECT_EQ(report["days_left"], 16);
  for (const auto& row : report["agencies"]) {
    EXPECT_EQ(row["state"], row["agency"]["id"] == agency_ ? "met" : "at_risk") << row.dump();
  }
  ASSERT_EQ(report["echelon_iii"].size(), 1u);
  EXPECT_EQ(report["echelon_iii"][0]["total"], 1);
  EXPECT_EQ(report["echelon_iii"][0]["state"], "at_risk");
  // Last year is over: who did not deliver missed it.
  report = JsonOf(Call(Method::kGet, "/api/v1/regions/3578/compliance?year=2025"));
  for (const auto& row : report["agencies"]) EXPECT_EQ(row["state"], "missed") << row.dump();
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/compliance?year=abad").status, 400);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/compliance?tahun=2025").status, 400);
}

}  // namespace
}  // namespace lumbung::http
