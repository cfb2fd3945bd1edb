// The API's search and likeness: ranked results with escaped snippets, how the words were
// taken, similar innovations within what the caller may see, and a region's likely duplicates.
#include <gtest/gtest.h>

#include "http/api_fixture.hpp"

namespace lumbung::http {
namespace {

using Json = nlohmann::json;

class SearchApiTest : public ApiTest {
 protected:
  SearchApiTest() { agency_ = Seed(); }

  Id Add(const std::string& title, const std::string& summary, RecordStatus status,
         const std::string& description = "", std::optional<Id> replicated_from = {}) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency_;
    innovation.title = title;
    innovation.summary = summary;
    innovation.description = description;
    innovation.status = status;
    innovation.replicated_from = replicated_from;
    auto created = db_.store().InsertInnovation(innovation);
    EXPECT_TRUE(created);
    return created ? created->id : 0;
  }

  Json Get(const std::string& target) {
    auto response = Call(Method::kGet, target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.Body();
    return JsonOf(response);
  }

  Id agency_ = 0;
};

TEST_F(SearchApiTest, ASearchComesBestFirstWithEscapedSnippets) {
  Add("Pasar Rakyat Bersih", "Pasar tradisional yang tertata.", RecordStatus::kPublished,
      "Pedagang <script>alert(1)</script> memilah sampah organik.");
  Add("Bank Sampah Sekolah", "Murid menabung sampah.", RecordStatus::kPublished);
  token_.clear();
  Json page = Get("/api/v1/innovations?q=sampah");
  ASSERT_EQ(page["total"], 2);
  EXPECT_EQ(page["items"][0]["title"], "Bank Sampah Sekolah") << "the title weighs most";
  EXPECT_EQ(page["search"]["query"], "sampah");
  EXPECT_EQ(page["search"]["any_word"], false);
  EXPECT_TRUE(page["search"]["corrected_query"].is_null());
  std::string snippet = page["items"][1]["snippet_html"];
  EXPECT_NE(snippet.find("<mark>sampah</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<script>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
  // Another order when asked for; no search object without words.
  EXPECT_EQ(Get("/api/v1/innovations?q=sampah&sort=title")["items"][0]["title"],
            "Bank Sampah Sekolah");
  EXPECT_FALSE(Get("/api/v1/innovations")["items"][0].contains("snippet_html"));
  EXPECT_FALSE(Get("/api/v1/innovations").contains("search"));
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations?sort=best").status, 400);
}

TEST_F(SearchApiTest, SaysWhenWordsWereCorrectedOrAnyWordWasTaken) {
  Add("Inovasi Layanan Kesehatan", "", RecordStatus::kPublished);
  Add("Pasar Rakyat", "", RecordStatus::kPublished);
  Json corrected = Get("/api/v1/innovations?q=inovsi&facets=true");
  EXPECT_EQ(corrected["search"]["corrected_query"], "inovasi");
  EXPECT_EQ(corrected["total"], 1);
  EXPECT_EQ(corrected["facets"]["agency"][0]["count"], 1);
  Json any = Get("/api/v1/innovations?q=pasar%20kesehatan%20terpadu");
  EXPECT_EQ(any["search"]["any_word"], true);
  EXPECT_EQ(any["total"], 2);
}

TEST_F(SearchApiTest, SimilarShowsOnlyWhatTheCallerMaySee) {
  Id mobile = Add("Akta Kelahiran Keliling", "Petugas membawa layanan akta kelahiran ke desa.",
                  RecordStatus::kPublished);
  Id draft = Add("Akta Kelahiran Keliling Desa", "Layanan akta kelahiran keliling di desa.",
                 RecordStatus::kDraft);
  Add("Pajak Daerah Daring", "Bayar pajak daerah dari rumah.", RecordStatus::kPublished);
  Json admin = Get("/api/v1/innovations/" + std::to_string(mobile) + "/similar");
  ASSERT_EQ(admin["items"].size(), 1u);
  EXPECT_EQ(admin["items"][0]["id"], draft);
  EXPECT_GT(admin["items"][0]["score"].get<double>(), 0.5);

  token_.clear();
  EXPECT_TRUE(Get("/api/v1/innovations/" + std::to_string(mobile) + "/similar")["items"].empty())
      << "the public never learns of the draft";
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations/" + std::to_string(draft) + "/similar").status,
            404);
  auto typed = Call(Method::kPost, "/api/v1/similar",
                    R"({"title":"Akta kelahiran keliling","summary":"ke desa-desa"})");
  ASSERT_EQ(typed.status, 200) << typed.Body();
  Json items = JsonOf(typed)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["id"], mobile);
  auto excluded =
      Call(Method::kPost, "/api/v1/similar",
           R"({"title":"Akta kelahiran keliling","exclude":)" + std::to_string(mobile) + "}");
  EXPECT_TRUE(JsonOf(excluded)["items"].empty());
}

TEST_F(SearchApiTest, SimilarRefusesBadInputNamingTheField) {
  struct Case {
    const char* body;
    const char* field;
  };
  const Case cases[] = {
      {R"({})", "title"},
      {R"({"title":""})", "title"},
      {R"({"title":7})", "title"},
      {R"({"title":"x","colour":"red"})", "colour"},
      {R"({"title":"x","limit":0})", "limit"},
      {R"({"title":"x","limit":"5"})", "limit"},
      {R"({"title":"x","exclude":-1})", "exclude"},
      {R"({"title":"x","region_code":"0000"})", "region_code"},
  };
  for (const auto& c : cases) {
    auto response = Call(Method::kPost, "/api/v1/similar", c.body);
    EXPECT_GE(response.status, 400) << c.body;
    EXPECT_LT(response.status, 500) << c.body;
    EXPECT_NE(response.Body().find(std::string("\"") + c.field + "\""), std::string::npos)
        << c.body << ": " << response.Body();
  }
  auto too_long =
      Call(Method::kPost, "/api/v1/similar", Json{{"title", std::string(201, 'a')}}.dump());
  EXPECT_EQ(too_long.status, 422);
  auto array = Call(Method::kPost, "/api/v1/similar", "[1]");
  EXPECT_GE(array.status, 400);
  EXPECT_LT(array.status, 500);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations/1/similar?scope=world").status, 400);
}

TEST_F(SearchApiTest, DuplicatesPairTheNearlyIdenticalButNotDeclaredReplications) {
  Id first = Add("Posyandu Remaja Sehat", "Pemeriksaan kesehatan remaja di posyandu kelurahan.",
                 RecordStatus::kPublished);
  Id second =
      Add("Posyandu Remaja Sehat Kelurahan",
          "Pemeriksaan kesehatan remaja di posyandu setiap kelurahan.", RecordStatus::kSubmitted);
  Add("Posyandu Remaja Sehat (Replikasi)", "Pemeriksaan kesehatan remaja di posyandu kelurahan.",
      RecordStatus::kPublished, "", first);
  Add("Pajak Daerah Daring", "Bayar pajak daerah dari rumah.", RecordStatus::kPublished);
  Json pairs = Get("/api/v1/regions/3578/duplicates");
  ASSERT_GE(pairs["items"].size(), 1u) << pairs.dump();
  EXPECT_EQ(pairs["items"][0]["first"]["id"], first);
  EXPECT_EQ(pairs["items"][0]["second"]["id"], second);
  for (const auto& pair : pairs["items"]) {
    EXPECT_FALSE(pair["first"]["id"] == first &&
                 pair["second"]["title"] == "Posyandu Remaja Sehat (Replikasi)")
        << "a declared replication is no duplicate of its original";
    EXPECT_GE(pair["score"].get<double>(), 0.6);
  }
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/3578/duplicates?minimum=5").status, 400);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/regions/9999/duplicates").status, 404);
}

}  // namespace
}  // namespace lumbung::http
