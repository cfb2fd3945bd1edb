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
                {"stage", "design"},
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

  auto patched = Call(Method::kPatch, location, R"({"stage":"deliver","summary":"Ringkas"})",
                      {{"if-match", "\"1\""}});
  ASSERT_EQ(patched.status, 200) << patched.Body();
  EXPECT_EQ(JsonOf(patched)["stage"], "deliver");
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

TEST_F(ApiTest, UnknownRoutesAndMethods) {
  EXPECT_EQ(Call(Method::kGet, "/api/v1/nothing").status, 404);
  auto wrong = Call(Method::kPut, "/api/v1/innovations");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(HeaderOf(wrong, "Allow"), "GET, POST");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations/abc").status, 404);
}

}  // namespace
}  // namespace lumbung::http
