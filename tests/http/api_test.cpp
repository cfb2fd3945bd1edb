#include <gtest/gtest.h>

#include <set>

#include "http/api_fixture.hpp"

namespace lumbung::http {
namespace {

using Json = nlohmann::json;

TEST_F(ApiTest, HealthzAnswers) {
  auto response = Call(Method::kGet, "/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(JsonOf(response)["status"], "ok");
}

TEST_F(ApiTest, RegionsAndAgencies) {
  auto created = Call(Method::kPost, "/api/v1/regions",
                      R"({"code":"3578","name":"Kota Surabaya","level":"kota","time_zone":"WIB"})");
  ASSERT_EQ(created.status, 201) << created.Body();
  EXPECT_EQ(HeaderOf(created, "Location"), "/api/v1/regions/3578");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578").status, 200);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/9999").status, 404);
  EXPECT_EQ(JsonOf(Call(Method::kGet, "/api/v1/regions"))["total"], 1);
  auto duplicate =
      Call(Method::kPost, "/api/v1/regions", R"({"code":"3578","name":"Lagi","level":"kota"})");
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(JsonOf(duplicate)["errors"][0]["field"], "code");

  auto agency =
      Call(Method::kPost, "/api/v1/regions/3578/agencies",
           R"({"name":"Dinas Kesehatan","short_name":"Dinkes","kind":"perangkat_daerah"})");
  ASSERT_EQ(agency.status, 201) << agency.Body();
  auto id = JsonOf(agency)["id"].get<Id>();
  std::string path = "/api/v1/agencies/" + std::to_string(id);
  EXPECT_EQ(HeaderOf(agency, "ETag"), "\"1\"");
  auto renamed = Call(Method::kPatch, path, R"({"short_name":"DINKES"})", {{"if-match", "\"1\""}});
  ASSERT_EQ(renamed.status, 200) << renamed.Body();
  EXPECT_EQ(JsonOf(renamed)["version"], 2);
  EXPECT_EQ(Call(Method::kPatch, path, R"({"short_name":"x"})", {{"if-match", "\"1\""}}).status,
            412);
  EXPECT_EQ(Call(Method::kPatch, path, R"({"short_name":"x"})").status, 428);
  EXPECT_EQ(JsonOf(Call(Method::kGet, path))["short_name"], "DINKES");
  EXPECT_EQ(JsonOf(Call(Method::kGet, "/api/v1/regions/3578/agencies"))["total"], 1);
  EXPECT_EQ(Call(Method::kDelete, path, "", {{"if-match", "\"2\""}}).status, 204);
  EXPECT_EQ(Call(Method::kGet, path).status, 404);
}

TEST_F(ApiTest, InnovationLifecycle) {
  Id agency = Seed();
  Json input = {{"agency_id", agency},
                {"title", "Posyandu Remaja"},
                {"type", "method"},
                {"form", "public_service"},
                {"maturity", "trial"},
                {"year", 2024},
                {"budget", {{{"year", 2024}, {"amount", 25000000}}}},
                {"partners", {{{"name", "Universitas Airlangga"}, {"kind", "university"}}}}};
  auto created = Call(Method::kPost, "/api/v1/innovations", input.dump());
  ASSERT_EQ(created.status, 201) << created.Body();
  auto body = JsonOf(created);
  EXPECT_EQ(body["region_code"], "3578");  // taken from the agency
  std::string location = HeaderOf(created, "Location");
  EXPECT_EQ(location, "/api/v1/innovations/" + std::to_string(body["id"].get<Id>()));

  auto read = Call(Method::kGet, location);
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(JsonOf(read)["budget"][0]["amount"], 25000000);
  EXPECT_EQ(Call(Method::kGet, location, "", {{"if-none-match", "\"1\""}}).status, 304);

  // The stage moves only through the clinic's gates (POST .../stage), never by an edit.
  auto skipped = Call(Method::kPatch, location, R"({"stage":"deliver","summary":"Ringkas"})",
                      {{"if-match", "\"1\""}});
  EXPECT_EQ(skipped.status, 422) << skipped.Body();
  EXPECT_EQ(JsonOf(skipped)["errors"][0]["field"], "stage");
  auto patched =
      Call(Method::kPatch, location, R"({"maturity":"implementation","summary":"Ringkas"})",
           {{"if-match", "\"1\""}});
  ASSERT_EQ(patched.status, 200) << patched.Body();
  EXPECT_EQ(JsonOf(patched)["stage"], "drum_up");
  EXPECT_EQ(JsonOf(patched)["title"], "Posyandu Remaja");  // untouched fields stay

  // A second editor who read version 1 loses nothing and overwrites nothing.
  auto stale =
      Call(Method::kPatch, location, R"({"summary":"Versi lama"})", {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(JsonOf(Call(Method::kGet, location))["summary"], "Ringkas");

  EXPECT_EQ(Call(Method::kDelete, location).status, 428);
  EXPECT_EQ(Call(Method::kDelete, location, "", {{"if-match", "\"2\""}}).status, 204);
  EXPECT_EQ(Call(Method::kGet, location).status, 404);
}

// Each bad request: what is sent, the status, and the field the answer must name.
struct BadInput {
  const char* name;
  std::string body;
  int status;
  const char* field;
  const char* content_type = "application/json";
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const BadInput& input, std::ostream* out) { *out << input.name; }

class BadInputTest : public ApiTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputTest, IsRefusedByNameAndChangesNothing) {
  Id agency = Seed();
  const BadInput& bad = GetParam();
  std::string body = bad.body;
  auto at = body.find("AGENCY");
  if (at != std::string::npos) body.replace(at, 6, std::to_string(agency));
  auto before = db_.store().ChangeCounter();
  auto response =
      Call(Method::kPost, "/api/v1/innovations", body, {{"content-type", bad.content_type}});
  EXPECT_EQ(response.status, bad.status) << response.Body();
  EXPECT_EQ(HeaderOf(response, "Content-Language"), "id");
  EXPECT_EQ(response.content_type, "application/problem+json");
  if (bad.field[0] != '\0') {
    auto problem = JsonOf(response);
    ASSERT_FALSE(problem["errors"].empty()) << response.Body();
    bool named = false;
    for (const auto& error : problem["errors"]) named |= error["field"] == bad.field;
    EXPECT_TRUE(named) << response.Body();
  }
  EXPECT_EQ(db_.store().ChangeCounter(), before);
  EXPECT_EQ(db_.store().ListInnovations({}).total, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputTest,
    ::testing::Values(
        BadInput{"unknown_field", R"({"agency_id":AGENCY,"title":"T","colour":"red"})", 422,
                 "colour"},
        BadInput{"wrong_type", R"({"agency_id":AGENCY,"title":42})", 422, "title"},
        BadInput{"unknown_enum", R"({"agency_id":AGENCY,"title":"T","type":"gadget"})", 422,
                 "type"},
        BadInput{"text_too_long",
                 R"({"agency_id":AGENCY,"title":")" + std::string(201, 'x') + R"("})", 422,
                 "title"},
        BadInput{"year_in_future", R"({"agency_id":AGENCY,"title":"T","year":2099})", 422, "year"},
        BadInput{"missing_agency", R"({"agency_id":999999,"title":"T"})", 422, "agency_id"},
        BadInput{"missing_region", R"({"region_code":"0000","agency_id":AGENCY,"title":"T"})", 422,
                 "region_code"},
        BadInput{"no_title", R"({"agency_id":AGENCY})", 422, "title"},
        BadInput{"nested_wrong_type",
                 R"({"agency_id":AGENCY,"title":"T","budget":[{"year":2024,"amount":"lots"}]})",
                 422, "budget[0].amount"},
        BadInput{"read_only_field", R"({"agency_id":AGENCY,"title":"T","version":9})", 422,
                 "version"},
        BadInput{"malformed_json", R"({"agency_id":AGENCY,"title":)", 400, "(body)"},
        BadInput{"not_an_object", R"([1,2,3])", 422, "(body)"},
        BadInput{"not_json", "title=T", 415, "", "application/x-www-form-urlencoded"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(ApiTest, EveryProblemIsReportedInOneAnswer) {
  Id agency = Seed();
  auto response = Call(Method::kPost, "/api/v1/innovations",
                       R"({"agency_id":)" + std::to_string(agency) +
                           R"(,"title":"T","type":"gadget","year":2031,"colour":1})");
  ASSERT_EQ(response.status, 422);
  std::set<std::string> fields;
  auto problem = JsonOf(response);
  for (const auto& error : problem["errors"]) fields.insert(error["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"colour", "type", "year"}));
}

TEST_F(ApiTest, ErrorsSpeakEnglishOnRequest) {
  Seed();
  auto response = Call(Method::kPost, "/api/v1/innovations", R"({"title":"T","type":"x"})",
                       {{"accept-language", "en-US,en;q=0.9"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(HeaderOf(response, "Content-Language"), "en");
  auto problem = JsonOf(response);
  EXPECT_NE(problem["title"].get<std::string>().find("not valid"), std::string::npos);
  auto indonesian = JsonOf(Call(Method::kPost, "/api/v1/innovations", R"({"title":"T","type":"x"})",
                                {{"accept-language", "id-ID,id;q=0.9,en;q=0.8"}}));
  EXPECT_NE(indonesian["title"].get<std::string>().find("belum benar"), std::string::npos);
}

TEST_F(ApiTest, ListFiltersPagesAndStaysCurrent) {
  Id agency = Seed();
  // Published records come from the workflow, so the registry writes them directly here.
  Registry registry(db_.store(), testing::FixedNow);
  auto add = [&](std::string title, bool technology, RecordStatus status) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency;
    innovation.title = std::move(title);
    innovation.type = technology ? InnovationType::kTechnology : InnovationType::kProcess;
    innovation.digital = technology;
    innovation.status = status;
    ASSERT_TRUE(registry.CreateInnovation(innovation));
  };
  for (int i = 0; i < 30; ++i) {
    add("Inovasi " + std::to_string(i), i % 2 == 1,
        i < 20 ? RecordStatus::kPublished : RecordStatus::kDraft);
  }
  auto page =
      Call(Method::kGet, "/api/v1/innovations?region=3578&status=published&per_page=7&page=2");
  ASSERT_EQ(page.status, 200) << page.Body();
  auto body = JsonOf(page);
  EXPECT_EQ(body["total"], 20);
  EXPECT_EQ(body["page"], 2);
  EXPECT_EQ(body["per_page"], 7);
  EXPECT_EQ(body["items"].size(), 7u);
  EXPECT_EQ(body["items"][0]["agency"]["name"], "Dinas Kesehatan");

  auto digital = JsonOf(Call(Method::kGet, "/api/v1/innovations?type=technology&digital=true"));
  EXPECT_EQ(digital["total"], 15);

  // The cached page follows the data: a record written through the API shows at once.
  const std::string all = "/api/v1/innovations?region=3578&per_page=7&page=2";
  auto before = Call(Method::kGet, all);
  EXPECT_EQ(JsonOf(before)["total"], 30);
  auto etag = HeaderOf(before, "ETag");
  EXPECT_EQ(Call(Method::kGet, all, "", {{"if-none-match", etag}}).status, 304);
  Json input = {{"agency_id", agency}, {"title", "Baru"}};
  ASSERT_EQ(Call(Method::kPost, "/api/v1/innovations", input.dump()).status, 201);
  auto fresh = Call(Method::kGet, all, "", {{"if-none-match", etag}});
  EXPECT_EQ(fresh.status, 200);
  EXPECT_EQ(JsonOf(fresh)["total"], 31);
}

TEST_F(ApiTest, ListSeesWritesOfOtherProcesses) {
  // An API that re-reads the change counter on every request, so the test need not wait.
  Api eager(pool_, testing::FixedNow, std::chrono::nanoseconds(0));
  Id agency = Seed();
  Request list;
  list.target = "/api/v1/innovations?region=3578";
  list.headers.emplace_back("authorization", "Bearer " + admin_token_);
  EXPECT_EQ(JsonOf(eager.Handle(list))["total"], 0);
  // A write that bypasses the API, as `lumbung import` in another process does.
  Registry registry(db_.store(), testing::FixedNow);
  Innovation outside;
  outside.region_code = "3578";
  outside.agency_id = agency;
  outside.title = "Diimpor dari baris perintah";
  ASSERT_TRUE(registry.CreateInnovation(outside));
  EXPECT_EQ(JsonOf(eager.Handle(list))["total"], 1);
}

TEST_F(ApiTest, ListRefusesBadParametersByName) {
  Seed();
  struct {
    const char* query;
    const char* field;
    int status;
  } cases[] = {{"per_page=101", "per_page", 400}, {"page=0", "page", 400},
               {"type=gadget", "type", 400},      {"colour=red", "colour", 400},
               {"digital=yes", "digital", 400},   {"status=draft,nope", "status", 400},
               {"sort=random", "sort", 400},      {"region=0000", "region", 422},
               {"agency=abc", "agency", 400},     {"year=twenty", "year", 400}};
  for (const auto& c : cases) {
    auto response = Call(Method::kGet, std::string("/api/v1/innovations?") + c.query);
    EXPECT_EQ(response.status, c.status) << c.query;
    EXPECT_EQ(JsonOf(response)["errors"][0]["field"], c.field) << c.query;
  }
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations?title=%ZZ").status, 400);
}

TEST_F(ApiTest, ListSearchesByTextAffairAndReplication) {
  Id health = Seed();
  Registry registry(db_.store(), testing::FixedNow);
  auto add = [&](std::string title, std::string affair, std::optional<Id> origin = std::nullopt) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = health;
    innovation.title = std::move(title);
    innovation.main_affair = std::move(affair);
    innovation.replicated_from = origin;
    innovation.status = RecordStatus::kPublished;
    auto created = registry.CreateInnovation(innovation);
    EXPECT_TRUE(created);
    return created ? created->id : 0;
  };
  Id origin = add("Posyandu Remaja", "Kesehatan");
  add("Posyandu Lansia", "Kesehatan", origin);
  add("Bank Sampah Sekolah", "Lingkungan Hidup", origin);
  add("Perpustakaan Keliling", "Perpustakaan");

  auto total = [&](const std::string& query) {
    auto response = Call(Method::kGet, "/api/v1/innovations?" + query);
    EXPECT_EQ(response.status, 200) << query << ": " << response.Body();
    return JsonOf(response)["total"].get<int>();
  };
  EXPECT_EQ(total("q=posyandu"), 2);
  EXPECT_EQ(total("q=POSYANDU+remaja"), 1);
  EXPECT_EQ(total("q=%20posyandu%20%20lansia%20"), 1);
  EXPECT_EQ(total("q=kesehatan"), 4);  // the agency's name
  EXPECT_EQ(total("q=100%25"), 0);
  EXPECT_EQ(total("q="), 4);
  EXPECT_EQ(total("affair=Kesehatan"), 2);
  EXPECT_EQ(total("affair=Lingkungan%20Hidup"), 1);
  EXPECT_EQ(total("affair=Lingkungan"), 0);
  EXPECT_EQ(total("replicated_from=" + std::to_string(origin)), 2);
  EXPECT_EQ(total("replicated_from=" + std::to_string(origin) + "&affair=Kesehatan&q=lansia"), 1);
  EXPECT_EQ(total("replicated_from=999999"), 0);
  // A text of 200 characters is taken, however many bytes they have.
  std::string two_hundred;
  for (int i = 0; i < 200; ++i) two_hundred += "%C3%A9";
  EXPECT_EQ(total("q=" + two_hundred), 0);
}

TEST_F(ApiTest, ListRefusesBadSearchParametersByName) {
  Seed();
  struct {
    std::string query;
    const char* field;
  } cases[] = {{"q=" + std::string(201, 'x'), "q"},
               {"q=%FF", "q"},
               {"affair=" + std::string(201, 'x'), "affair"},
               {"replicated_from=abc", "replicated_from"},
               {"replicated_from=0", "replicated_from"},
               {"replicated_from=-3", "replicated_from"},
               {"facets=yes", "facets"},
               {"facets=1", "facets"}};
  for (const auto& c : cases) {
    auto response = Call(Method::kGet, "/api/v1/innovations?" + c.query);
    EXPECT_EQ(response.status, 400) << c.query;
    EXPECT_EQ(response.content_type, "application/problem+json") << c.query;
    EXPECT_EQ(JsonOf(response)["errors"][0]["field"], c.field) << c.query;
  }
}

TEST_F(ApiTest, ListCountsFacetsOnRequestUnderTheViewersVisibility) {
  Id health = Seed();
  Registry registry(db_.store(), testing::FixedNow);
  Agency other;
  other.region_code = "3578";
  other.name = "Dinas Pendidikan";
  Id education = registry.CreateAgency(other)->id;
  auto add = [&](Id agency, InnovationType type, int year, bool digital, RecordStatus status) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency;
    innovation.title = "Inovasi " + std::to_string(year) + std::string(ToString(type));
    innovation.type = type;
    innovation.year = year;
    innovation.digital = digital;
    innovation.main_affair = agency == health ? "Kesehatan" : "Pendidikan";
    innovation.status = status;
    ASSERT_TRUE(registry.CreateInnovation(innovation));
  };
  const auto kPublished = RecordStatus::kPublished;
  add(health, InnovationType::kTechnology, 2024, true, kPublished);
  add(health, InnovationType::kTechnology, 2023, true, kPublished);
  add(health, InnovationType::kProcess, 2024, false, kPublished);
  add(education, InnovationType::kProcess, 2025, false, kPublished);
  // A draft of the education agency: the public and the health agency never count it.
  add(education, InnovationType::kMethod, 2026, false, RecordStatus::kDraft);

  token_.clear();  // the public
  auto plain = JsonOf(Call(Method::kGet, "/api/v1/innovations?region=3578"));
  EXPECT_FALSE(plain.contains("facets"));
  EXPECT_FALSE(JsonOf(Call(Method::kGet, "/api/v1/innovations?facets=false")).contains("facets"));

  auto response = Call(Method::kGet, "/api/v1/innovations?region=3578&type=technology&facets=true");
  ASSERT_EQ(response.status, 200) << response.Body();
  auto body = JsonOf(response);
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["items"].size(), 2u);
  const auto& facets = body["facets"];
  // The type facet ignores the type filter; every other facet keeps it.
  EXPECT_EQ(facets["type"], (Json::array({{{"value", "process"}, {"count", 2}},
                                          {{"value", "technology"}, {"count", 2}}})));
  EXPECT_EQ(
      facets["agency"],
      (Json::array(
          {{{"value", std::to_string(health)}, {"label", "Dinas Kesehatan"}, {"count", 2}}})));
  EXPECT_EQ(facets["year"],
            (Json::array({{{"value", "2024"}, {"count", 1}}, {{"value", "2023"}, {"count", 1}}})));
  EXPECT_EQ(facets["digital"], (Json::array({{{"value", "true"}, {"count", 2}}})));
  EXPECT_EQ(facets["affair"], (Json::array({{{"value", "Kesehatan"}, {"count", 2}}})));
  EXPECT_EQ(facets["form"], Json::array());
  for (const char* name : {"maturity", "stage"}) {
    ASSERT_EQ(facets[name].size(), 1u) << name;
    EXPECT_EQ(facets[name][0]["count"], 2) << name;
  }

  // Without the type filter the public sees four records and no method at all.
  auto all = JsonOf(Call(Method::kGet, "/api/v1/innovations?facets=true"))["facets"];
  long long counted = 0;
  for (const auto& value : all["type"]) {
    EXPECT_NE(value["value"], "method");
    counted += value["count"].get<long long>();
  }
  EXPECT_EQ(counted, 4);
  EXPECT_EQ(all["year"][0]["value"], "2025");  // newest first, and no 2026 draft

  // The education agency's operator counts their own draft; the health agency's does not.
  token_ = AddUser("op-education", {{Role::kAgencyOperator, "", education, 0}});
  auto own = JsonOf(Call(Method::kGet, "/api/v1/innovations?facets=true"))["facets"];
  EXPECT_EQ(own["year"][0], (Json{{"value", "2026"}, {"count", 1}}));
  token_ = AddUser("op-health", {{Role::kAgencyOperator, "", health, 0}});
  auto theirs = JsonOf(Call(Method::kGet, "/api/v1/innovations?facets=true"))["facets"];
  EXPECT_EQ(theirs["year"][0]["value"], "2025");

  // The cached answer with facets follows the data like the page does.
  token_ = admin_token_;
  const std::string url = "/api/v1/innovations?region=3578&facets=true";
  auto before = JsonOf(Call(Method::kGet, url));
  EXPECT_EQ(before["facets"]["agency"][0]["count"], 3);
  Json input = {{"agency_id", health}, {"title", "Baru"}, {"type", "product"}};
  ASSERT_EQ(Call(Method::kPost, "/api/v1/innovations", input.dump()).status, 201);
  auto after = JsonOf(Call(Method::kGet, url));
  EXPECT_EQ(after["facets"]["agency"][0]["count"], 4);
  EXPECT_EQ(after["total"], 6);
}

TEST_F(ApiTest, AgencyContactsGoThroughTheApiAndAreChecked) {
  ASSERT_EQ(Call(Method::kPost, "/api/v1/regions",
                 R"({"code":"3578","name":"Kota Surabaya","level":"kota","time_zone":"WIB"})")
                .status,
            201);
  Json agency = {{"name", "Dinas Kesehatan"},
                 {"address", "Jl. Jemursari No. 197, Surabaya"},
                 {"phone", "(031) 8439473"},
                 {"email", "dinkes@surabaya.example"},
                 {"website", "https://dinkes.surabaya.example"}};
  auto created = Call(Method::kPost, "/api/v1/regions/3578/agencies", agency.dump());
  ASSERT_EQ(created.status, 201) << created.Body();
  std::string path = HeaderOf(created, "Location");
  if (path.empty()) path = "/api/v1/agencies/" + std::to_string(JsonOf(created)["id"].get<Id>());
  auto read = JsonOf(Call(Method::kGet, path));
  for (const char* field : {"address", "phone", "email", "website"}) {
    EXPECT_EQ(read[field], agency[field]) << field;
  }

  auto bad = Call(Method::kPatch, path,
                  R"({"phone":"hubungi kami","email":"dinkes","website":"dinkes.example"})",
                  {{"if-match", "\"1\""}});
  EXPECT_EQ(bad.status, 422) << bad.Body();
  std::set<std::string> fields;
  auto problem = JsonOf(bad);
  for (const auto& error : problem["errors"]) fields.insert(error["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"email", "phone", "website"}));
  EXPECT_EQ(JsonOf(Call(Method::kGet, path))["phone"], "(031) 8439473");
}

TEST_F(ApiTest, UnknownRoutesAndMethods) {
  EXPECT_EQ(Call(Method::kGet, "/api/v1/nothing").status, 404);
  auto wrong = Call(Method::kPut, "/api/v1/innovations");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(HeaderOf(wrong, "Allow"), "GET, POST");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations/abc").status, 404);
}

}  // namespace
}  // namespace lumbung::http
