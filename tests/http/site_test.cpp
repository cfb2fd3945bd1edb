// The web pages, called as plain functions over a real SQLite database: what the public sees,
// what it never sees, the language switch, caching, and the workspace's forms.
#include "http/site.hpp"

#include <gtest/gtest.h>

#include "auth/tokens.hpp"
#include "domain/registry.hpp"
#include "http/api_fixture.hpp"
#include "http/handler_support.hpp"
#include "http/site_support.hpp"

namespace lumbung::http {
namespace {

class SiteTest : public ApiTest {
 protected:
  SiteTest() {
    agency_ = Seed();
    Registry registry(db_.store(), testing::FixedNow);
    Agency other;
    other.region_code = "3578";
    other.name = "Dinas Pendidikan";
    other_agency_ = registry.CreateAgency(other)->id;
    published_ = AddInnovation("Layanan Perizinan Keliling", RecordStatus::kPublished);
    draft_ = AddInnovation("Rahasia Draf Dinas", RecordStatus::kDraft);
    site_ = std::make_unique<Site>(api_, pool_, SiteOptions{"3578"});
  }

  Id AddInnovation(const std::string& title, RecordStatus status) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency_;
    innovation.title = title;
    innovation.summary = "Ringkasan " + title;
    innovation.type = InnovationType::kProcess;
    innovation.form = Form::kPublicService;
    innovation.year = 2026;
    innovation.background = "Latar";
    innovation.design = "Rancang";
    innovation.goals = "Tujuan";
    innovation.benefits = "Manfaat";
    innovation.status = status;
    Registry registry(db_.store(), testing::FixedNow);
    auto created = registry.CreateInnovation(innovation);
    EXPECT_TRUE(created) << title;
    return created->id;
  }

  // A signed-in browser: a session for a new user with `roles`; returns the cookie header.
  std::string SignedIn(const std::string& username, std::vector<RoleGrant> roles) {
    AddUser(username, std::move(roles));
    auto user = db_.store().FindUserByName(username);
    std::string id = "session-of-" + username;
    csrf_ = "csrf-of-" + username;
    std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(testing::FixedNow().time_since_epoch())
            .count();
    db_.store().InsertSession({auth::TokenDigest(id), user->id, csrf_, now, now, "127.0.0.1"});
    return std::string(kSessionCookie) + "=" + id;
  }

  std::string OperatorCookie() {
    return SignedIn("operator", {{Role::kAgencyOperator, "3578", agency_, 0}});
  }

  Response Page(Method method, std::string target, std::string body = "",
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request request = MakeRequest(method, std::move(target), std::move(body), std::move(headers));
    if (!request.body.empty()) {
      request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    }
    return site_->Handle(request);
  }

  long long CountInnovations() {
    InnovationQuery query;
    return db_.store().ListInnovations(query).total;
  }

  Id agency_ = 0;
  Id other_agency_ = 0;
  Id published_ = 0;
  Id draft_ = 0;
  std::string csrf_;
  std::unique_ptr<Site> site_;
};

bool Contains(const Response& response, const std::string& text) {
  return response.Body().find(text) != std::string::npos;
}

TEST_F(SiteTest, PublicPagesRender) {
  const std::string kPages[] = {"/",
                                "/inovasi",
                                "/inovasi?q=perizinan&type=process&page=1",
                                "/inovasi/" + std::to_string(published_),
                                "/perangkat-daerah",
                                "/perangkat-daerah/" + std::to_string(agency_),
                                "/data-terbuka",
                                "/masuk"};
  for (const auto& target : kPages) {
    Response response = Page(Method::kGet, target);
    EXPECT_EQ(response.status, 200) << target;
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8") << target;
    EXPECT_TRUE(Contains(response, "<html lang=\"id\">")) << target;
    EXPECT_NE(HeaderOf(response, "Content-Security-Policy"), "") << target;
  }
  EXPECT_TRUE(Contains(Page(Method::kGet, "/inovasi"), "Layanan Perizinan Keliling"));
  EXPECT_TRUE(Contains(Page(Method::kGet, "/inovasi?q=perizinan"), "Layanan Perizinan Keliling"));
  EXPECT_FALSE(Contains(Page(Method::kGet, "/inovasi?q=pendidikan"), "Layanan Perizinan Keliling"));
}

TEST_F(SiteTest, DraftsNeverReachThePublic) {
  EXPECT_EQ(Page(Method::kGet, "/inovasi/" + std::to_string(draft_)).status, 404);
  const std::string kTargets[] = {"/",
                                  "/inovasi",
                                  "/inovasi?q=Rahasia",
                                  "/perangkat-daerah/" + std::to_string(agency_),
                                  "/data-terbuka/inovasi.csv",
                                  "/data-terbuka/inovasi.jsonl"};
  for (const auto& target : kTargets) {
    Response response = Page(Method::kGet, target);
    EXPECT_FALSE(Contains(response, "Rahasia Draf")) << target;
  }
  Response csv = Page(Method::kGet, "/data-terbuka/inovasi.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_TRUE(Contains(csv, "Layanan Perizinan Keliling"));
  // A signed-in operator of the agency still gets the public's page: public pages are the same
  // for everyone, so that they can be cached and shared.
  EXPECT_FALSE(
      Contains(Page(Method::kGet, "/inovasi?q=Rahasia", "", {{"cookie", OperatorCookie()}}),
               "Rahasia Draf"));
}

TEST_F(SiteTest, ThePublicHistoryShowsStepsWithoutNamesOrReasons) {
  Call(Method::kPost, "/api/v1/innovations/" + std::to_string(draft_) + "/transitions",
       R"({"action":"submit"})");
  Call(Method::kPost, "/api/v1/innovations/" + std::to_string(draft_) + "/transitions",
       R"({"action":"reject","reason":"Catatan internal tim penilai"})");
  Call(Method::kPost, "/api/v1/innovations/" + std::to_string(draft_) + "/transitions",
       R"({"action":"submit"})");
  Call(Method::kPost, "/api/v1/innovations/" + std::to_string(draft_) + "/transitions",
       R"({"action":"verify"})");
  Call(Method::kPost, "/api/v1/innovations/" + std::to_string(draft_) + "/transitions",
       R"({"action":"publish"})");
  Response page = Page(Method::kGet, "/inovasi/" + std::to_string(draft_));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page, "Dikembalikan"));
  EXPECT_FALSE(Contains(page, "Catatan internal"));
  EXPECT_FALSE(Contains(page, "admin"));
}

TEST_F(SiteTest, EscapesWhatRecordsHold) {
  Id id = AddInnovation("<script>alert(1)</script> Inovasi", RecordStatus::kPublished);
  Response page = Page(Method::kGet, "/inovasi/" + std::to_string(id));
  EXPECT_FALSE(Contains(page, "<script>alert"));
  EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; Inovasi"));
}

TEST_F(SiteTest, SwitchesLanguageAndRemembersIt) {
  Response moved = Page(Method::kGet, "/bahasa/en?kembali=%2Finovasi%3Fpage%3D1");
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(HeaderOf(moved, "Location"), "/inovasi?page=1");
  EXPECT_NE(HeaderOf(moved, "Set-Cookie").find("lumbung_lang=en"), std::string::npos);
  Response english = Page(Method::kGet, "/inovasi", "", {{"cookie", "lumbung_lang=en"}});
  EXPECT_TRUE(Contains(english, "<html lang=\"en\">"));
  EXPECT_TRUE(Contains(english, "Innovation catalogue"));
  // A return address on another site is replaced by the home page.
  for (const char* target :
       {"/bahasa/en?kembali=%2F%2Fevil.example", "/bahasa/en?kembali=http%3A%2F%2Fevil.example",
        "/bahasa/en?kembali=%2F%5Cevil.example"}) {
    EXPECT_EQ(HeaderOf(Page(Method::kGet, target), "Location"), "/") << target;
  }
  EXPECT_EQ(Page(Method::kGet, "/bahasa/fr").status, 404);
}

TEST_F(SiteTest, CompressesAndRevalidatesCachedPages) {
  Response plain = Page(Method::kGet, "/inovasi");
  Response packed = Page(Method::kGet, "/inovasi", "", {{"accept-encoding", "gzip, br"}});
  EXPECT_EQ(HeaderOf(packed, "Content-Encoding"), "gzip");
  EXPECT_LT(packed.Body().size(), plain.Body().size());
  EXPECT_NE(HeaderOf(plain, "ETag"), HeaderOf(packed, "ETag"));
  std::string etag = HeaderOf(plain, "ETag");
  EXPECT_EQ(Page(Method::kGet, "/inovasi", "", {{"if-none-match", etag}}).status, 304);
  // A change to the data makes a new page.
  Call(Method::kPost, "/api/v1/innovations/" + std::to_string(draft_) + "/transitions",
       R"({"action":"submit"})");
  EXPECT_EQ(Page(Method::kGet, "/inovasi", "", {{"if-none-match", etag}}).status, 200);
}

TEST_F(SiteTest, ServesAssetsForeverUnderTheirHash) {
  Response home = Page(Method::kGet, "/");
  auto start = home.Body().find("/aset/lumbung.css?v=");
  ASSERT_NE(start, std::string::npos);
  std::string url = home.Body().substr(start, home.Body().find('"', start) - start);
  Response css = Page(Method::kGet, url);
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  EXPECT_NE(HeaderOf(css, "Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(HeaderOf(Page(Method::kGet, "/aset/lumbung.css"), "Cache-Control"),
            "public, max-age=300");
  EXPECT_EQ(Page(Method::kGet, "/aset/nope.css").status, 404);
}

TEST_F(SiteTest, WorkspaceNeedsSignIn) {
  Response response = Page(Method::kGet, "/ruang-kerja/inovasi/baru");
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(HeaderOf(response, "Location"), "/masuk?kembali=%2Fruang-kerja%2Finovasi%2Fbaru");
  EXPECT_EQ(Page(Method::kPost, "/ruang-kerja/inovasi", "title=x").status, 303);
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja", "", {{"cookie", OperatorCookie()}}).status, 200);
}

TEST_F(SiteTest, FormsNeedTheSessionsToken) {
  std::string cookie = OperatorCookie();
  long long before = CountInnovations();
  Response forged = Page(Method::kPost, "/ruang-kerja/inovasi",
                         "title=Palsu&agency_id=" + std::to_string(agency_), {{"cookie", cookie}});
  EXPECT_EQ(forged.status, 403);
  Response wrong =
      Page(Method::kPost, "/ruang-kerja/inovasi",
           "csrf=salah&title=Palsu&agency_id=" + std::to_string(agency_), {{"cookie", cookie}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(CountInnovations(), before);
}

TEST_F(SiteTest, AFailedSaveKeepsEverythingTyped) {
  std::string cookie = OperatorCookie();
  long long before = CountInnovations();
  Response failed =
      Page(Method::kPost, "/ruang-kerja/inovasi",
           "csrf=" + csrf_ + "&agency_id=" + std::to_string(agency_) +
               "&title=Judul+Baru+Saya&year=20x4&background=Teks+panjang+yang+diketik&"
               "budget_year=2026&budget_amount=Rp+1.500.000",
           {{"cookie", cookie}});
  EXPECT_EQ(failed.status, 422);
  EXPECT_TRUE(Contains(failed, "value=\"Judul Baru Saya\""));
  EXPECT_TRUE(Contains(failed, "Teks panjang yang diketik</textarea>"));
  EXPECT_TRUE(Contains(failed, "value=\"20x4\""));
  EXPECT_TRUE(Contains(failed, "value=\"Rp 1.500.000\""));
  EXPECT_TRUE(Contains(failed, "role=\"alert\""));
  EXPECT_TRUE(Contains(failed, "aria-invalid=\"true\""));
  EXPECT_EQ(CountInnovations(), before);

  Response saved = Page(Method::kPost, "/ruang-kerja/inovasi",
                        "csrf=" + csrf_ + "&agency_id=" + std::to_string(agency_) +
                            "&title=Judul+Baru+Saya&year=2024&budget_year=2026&"
                            "budget_amount=Rp+1.500.000&team_members=Ani%0D%0ABudi%0D%0A",
                        {{"cookie", cookie}});
  ASSERT_EQ(saved.status, 303);
  std::string location = HeaderOf(saved, "Location");
  EXPECT_NE(location.find("?pesan=created"), std::string::npos);
  auto id = std::stoll(location.substr(std::string("/ruang-kerja/inovasi/").size()));
  auto stored = db_.store().FindInnovation(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->title, "Judul Baru Saya");
  EXPECT_EQ(stored->year, 2024);
  ASSERT_EQ(stored->budget.size(), 1U);
  EXPECT_EQ(stored->budget[0].amount, 1'500'000);
  EXPECT_EQ(stored->team_members, (std::vector<std::string>{"Ani", "Budi"}));
  EXPECT_EQ(stored->status, RecordStatus::kDraft);
}

TEST_F(SiteTest, StepsFollowTheWorkflowAndThePolicy) {
  std::string cookie = OperatorCookie();
  Id bare = 0;
  {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency_;
    innovation.title = "Belum lengkap";
    Registry registry(db_.store(), testing::FixedNow);
    bare = registry.CreateInnovation(innovation)->id;
  }
  std::string step = "/ruang-kerja/inovasi/" + std::to_string(bare) + "/langkah";
  Response refused =
      Page(Method::kPost, step, "csrf=" + csrf_ + "&action=submit", {{"cookie", cookie}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused, "Latar belakang dan masalah"));
  EXPECT_EQ(db_.store().FindInnovation(bare)->status, RecordStatus::kDraft);

  std::string draft_step = "/ruang-kerja/inovasi/" + std::to_string(draft_) + "/langkah";
  Response submitted =
      Page(Method::kPost, draft_step, "csrf=" + csrf_ + "&action=submit", {{"cookie", cookie}});
  EXPECT_EQ(submitted.status, 303);
  EXPECT_EQ(db_.store().FindInnovation(draft_)->status, RecordStatus::kSubmitted);
  // The operator may not verify their own submission.
  Response verify =
      Page(Method::kPost, draft_step, "csrf=" + csrf_ + "&action=verify", {{"cookie", cookie}});
  EXPECT_EQ(verify.status, 403);
  EXPECT_EQ(db_.store().FindInnovation(draft_)->status, RecordStatus::kSubmitted);
}

TEST_F(SiteTest, AStepOnAStalePageShowsTheRecordFirst) {
  std::string cookie = OperatorCookie();
  std::string step = "/ruang-kerja/inovasi/" + std::to_string(draft_) + "/langkah";
  Response stale =
      Page(Method::kPost, step, "csrf=" + csrf_ + "&action=submit&version=7", {{"cookie", cookie}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(db_.store().FindInnovation(draft_)->status, RecordStatus::kDraft);
  Response fresh =
      Page(Method::kPost, step, "csrf=" + csrf_ + "&action=submit&version=1", {{"cookie", cookie}});
  EXPECT_EQ(fresh.status, 303);
  EXPECT_EQ(db_.store().FindInnovation(draft_)->status, RecordStatus::kSubmitted);
}

TEST_F(SiteTest, OthersCannotEditAnAgencysRecords) {
  std::string cookie = SignedIn("outsider", {{Role::kAgencyOperator, "3578", other_agency_, 0}});
  auto before = db_.store().FindInnovation(draft_);
  Response page = Page(Method::kGet, "/ruang-kerja/inovasi/" + std::to_string(draft_), "",
                       {{"cookie", cookie}});
  EXPECT_EQ(page.status, 404);
  Response save = Page(Method::kPost, "/ruang-kerja/inovasi/" + std::to_string(draft_),
                       "csrf=" + csrf_ + "&title=Diubah&version=1", {{"cookie", cookie}});
  EXPECT_EQ(save.status, 404);
  EXPECT_EQ(db_.store().FindInnovation(draft_)->version, before->version);
}

TEST_F(SiteTest, OnlyTheRegionsTeamManagesAgenciesAndUsers) {
  std::string cookie = OperatorCookie();
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/perangkat-daerah", "", {{"cookie", cookie}}).status,
            403);
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/pengguna", "", {{"cookie", cookie}}).status, 403);
  Response refused =
      Page(Method::kPost, "/ruang-kerja/perangkat-daerah",
           "csrf=" + csrf_ + "&name=Dinas+Baru&kind=perangkat_daerah", {{"cookie", cookie}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_FALSE(db_.store().FindAgencyByName("3578", "Dinas Baru"));

  std::string team = SignedIn("tim", {{Role::kRegionAdmin, "3578", 0, 0}});
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/pengguna", "", {{"cookie", team}}).status, 200);
  Response bad = Page(Method::kPost, "/ruang-kerja/perangkat-daerah",
                      "csrf=" + csrf_ + "&name=Dinas+Baru&kind=perangkat_daerah&email=bukan",
                      {{"cookie", team}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad, "value=\"Dinas Baru\""));
  EXPECT_FALSE(db_.store().FindAgencyByName("3578", "Dinas Baru"));
  Response added =
      Page(Method::kPost, "/ruang-kerja/perangkat-daerah",
           "csrf=" + csrf_ + "&name=Dinas+Baru&kind=perangkat_daerah", {{"cookie", team}});
  EXPECT_EQ(added.status, 303);
  EXPECT_TRUE(db_.store().FindAgencyByName("3578", "Dinas Baru"));
}

TEST_F(SiteTest, TheRegionsTeamEditsAgenciesAndDisablesUsers) {
  std::string operator_cookie = OperatorCookie();
  std::string team = SignedIn("tim", {{Role::kRegionAdmin, "3578", 0, 0}});
  std::string path = "/ruang-kerja/perangkat-daerah/" + std::to_string(agency_);
  Response form = Page(Method::kGet, path, "", {{"cookie", team}});
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form, "value=\"Dinas Kesehatan\""));
  // A stale version is refused and keeps what was typed.
  Response stale =
      Page(Method::kPost, path,
           "csrf=" + csrf_ + "&version=99&name=Dinas+Kesehatan+Kota&kind=perangkat_daerah",
           {{"cookie", team}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(Contains(stale, "value=\"Dinas Kesehatan Kota\""));
  Response saved = Page(Method::kPost, path,
                        "csrf=" + csrf_ +
                            "&version=1&name=Dinas+Kesehatan+Kota&kind=perangkat_daerah&phone=031+"
                            "123456",
                        {{"cookie", team}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(db_.store().FindAgency(agency_)->name, "Dinas Kesehatan Kota");
  EXPECT_EQ(db_.store().FindAgency(agency_)->phone, "031 123456");

  auto operator_user = db_.store().FindUserByName("operator");
  std::string status = "/ruang-kerja/pengguna/" + std::to_string(operator_user->id) + "/status";
  Response disabled =
      Page(Method::kPost, status,
           "csrf=" + csrf_ + "&disabled=true&version=" + std::to_string(operator_user->version),
           {{"cookie", team}});
  EXPECT_EQ(disabled.status, 303);
  EXPECT_TRUE(db_.store().FindUserByName("operator")->disabled);
  // Their session ended with it.
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja", "", {{"cookie", operator_cookie}}).status, 303);
  // No one disables themselves.
  auto self = db_.store().FindUserByName("tim");
  Response own =
      Page(Method::kPost, "/ruang-kerja/pengguna/" + std::to_string(self->id) + "/status",
           "csrf=" + csrf_ + "&disabled=true&version=" + std::to_string(self->version),
           {{"cookie", team}});
  EXPECT_EQ(own.status, 409);
  EXPECT_FALSE(db_.store().FindUserByName("tim")->disabled);
}

TEST_F(SiteTest, SignInRefusesOtherSitesAndKeepsTheUsername) {
  Response wrong = Page(Method::kPost, "/masuk", "username=siapa&password=salah-sekali",
                        {{"host", "127.0.0.1:8080"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(Contains(wrong, "value=\"siapa\""));
  Response foreign = Page(Method::kPost, "/masuk", "username=siapa&password=salah-sekali",
                          {{"host", "127.0.0.1:8080"}, {"origin", "https://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
}

TEST_F(SiteTest, UnknownPagesAnswer404InTheSiteLayout) {
  Response missing = Page(Method::kGet, "/tidak-ada");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(Contains(missing, "Halaman tidak ditemukan"));
  EXPECT_EQ(Page(Method::kGet, "/inovasi/abc").status, 404);
  EXPECT_EQ(Page(Method::kDelete, "/inovasi").status, 405);
}

TEST_F(SiteTest, LinksCarryOnlyTheCataloguesOwnParameters) {
  // A made-up parameter name holding a line break must not reach a header.
  Response moved = Page(Method::kGet, "/inovasi?page=999&%0D%0ASet-Cookie:%20x%3Dy=1");
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(HeaderOf(moved, "Location"), "/inovasi?page=1");
  for (const auto& [name, value] : moved.headers) {
    EXPECT_EQ(value.find_first_of("\r\n"), std::string::npos) << name;
  }
  // Nor do cache keys grow with query strings a page ignores.
  Response first = Page(Method::kGet, "/inovasi/" + std::to_string(published_) + "?a=1");
  Response second = Page(Method::kGet, "/inovasi/" + std::to_string(published_) + "?b=2");
  EXPECT_EQ(HeaderOf(first, "ETag"), HeaderOf(second, "ETag"));
  EXPECT_EQ(first.shared_body, second.shared_body);
}

TEST_F(SiteTest, ReadsRupiahAsIndonesiansWriteThem) {
  std::string cookie = OperatorCookie();
  struct Case {
    const char* typed;
    std::optional<long long> stored;
  };
  const Case kCases[] = {{"1500000", 1'500'000},      {"Rp 1.500.000", 1'500'000},
                         {"1.500.000,00", 1'500'000}, {"Rp1.500", 1'500},
                         {"1,5", std::nullopt},       {"1.50.000", std::nullopt},
                         {"15.00", std::nullopt},     {"satu juta", std::nullopt}};
  for (const auto& c : kCases) {
    long long before = CountInnovations();
    Response response =
        Page(Method::kPost, "/ruang-kerja/inovasi",
             "csrf=" + csrf_ + "&agency_id=" + std::to_string(agency_) +
                 "&title=Anggaran&budget_year=2026&budget_amount=" + UrlEncode(c.typed),
             {{"cookie", cookie}});
    if (!c.stored) {
      EXPECT_EQ(response.status, 422) << c.typed;
      EXPECT_EQ(CountInnovations(), before) << c.typed;
      continue;
    }
    ASSERT_EQ(response.status, 303) << c.typed;
    std::string location = HeaderOf(response, "Location");
    auto id = std::stoll(location.substr(std::string("/ruang-kerja/inovasi/").size()));
    EXPECT_EQ(db_.store().FindInnovation(id)->budget.at(0).amount, *c.stored) << c.typed;
  }
}

TEST_F(SiteTest, TextareasKeepTheirLineBreaksWithoutCarriageReturns) {
  std::string cookie = OperatorCookie();
  Response saved = Page(Method::kPost, "/ruang-kerja/inovasi",
                        "csrf=" + csrf_ + "&agency_id=" + std::to_string(agency_) +
                            "&title=Baris&background=satu%0D%0Adua%0D%0A%0D%0Atiga",
                        {{"cookie", cookie}});
  ASSERT_EQ(saved.status, 303);
  auto id = std::stoll(HeaderOf(saved, "Location").substr(21));
  EXPECT_EQ(db_.store().FindInnovation(id)->background, "satu\ndua\n\ntiga");
}

TEST_F(SiteTest, OpenDataDefusesSpreadsheetFormulas) {
  AddInnovation("=HYPERLINK(\"http://evil.example\")", RecordStatus::kPublished);
  Response csv = Page(Method::kGet, "/data-terbuka/inovasi.csv");
  EXPECT_TRUE(Contains(csv, "'=HYPERLINK"));
  EXPECT_FALSE(Contains(csv, ",\"=HYPERLINK"));
}

// Many regions in one installation: the people of another region, on the region's own portal
// and on the portal of every region, find none of this region's drafts or personal data on any
// page, and change nothing of it. A page without a row here fails the test.
TEST_F(SiteTest, AnotherRegionsPeopleSeeAndChangeNothingOfThisRegion) {
  Registry registry(db_.store(), testing::FixedNow);
  ASSERT_TRUE(registry.CreateRegion(
      {"3573", "Kota Malang", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
  Agency malang;
  malang.region_code = "3573";
  malang.name = "Dinas Kesehatan Kota Malang";
  Id malang_agency = registry.CreateAgency(malang)->id;
  std::string operator_cookie = OperatorCookie();  // this region's operator, as a witness
  Id operator_id = db_.store().FindUserByName("operator")->id;
  const std::string draft = std::to_string(draft_), agency = std::to_string(agency_);
  // The region's programme, naming the draft: a session that discussed it and the agency's team.
  Activity session;
  session.region_code = "3578";
  session.title = "Klinik untuk Rahasia Draf";
  session.date = "2026-05-02";
  session.agencies = {{agency_, 3}};
  session.innovations = {draft_};
  const Activity stored_session = db_.store().InsertActivity(session);
  Team agency_team;
  agency_team.region_code = "3578";
  agency_team.agency_id = agency_;
  agency_team.decree_number = "800/1/SK/2026";
  agency_team.decree_date = "2026-01-10";
  agency_team.members = {{"Ketua Rahasia Draf", "Sekretaris", TeamRole::kChair}};
  const Team stored_team = db_.store().InsertTeam(agency_team);
  const std::string activity = std::to_string(stored_session.id);
  const std::string team = std::to_string(stored_team.id);

  // Every page, as its route is written and as it is asked for.
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"/", "/"},
      {"/inovasi", "/inovasi?q=draf+dinas"},  // the page repeats what was searched
      {"/inovasi/{id}", "/inovasi/" + draft},
      {"/perangkat-daerah", "/perangkat-daerah"},
      {"/perangkat-daerah/{id}", "/perangkat-daerah/" + agency},
      {"/data-terbuka", "/data-terbuka"},
      {"/data-terbuka/{file}", "/data-terbuka/inovasi.csv"},
      {"/aset/{file}", "/aset/none.css"},
      {"/bahasa/{code}", "/bahasa/en"},
      {"/masuk", "/masuk"},
      {"/ruang-kerja", "/ruang-kerja"},
      {"/ruang-kerja/inovasi/baru", "/ruang-kerja/inovasi/baru"},
      {"/ruang-kerja/inovasi/{id}", "/ruang-kerja/inovasi/" + draft},
      {"/ruang-kerja/perangkat-daerah", "/ruang-kerja/perangkat-daerah"},
      {"/ruang-kerja/perangkat-daerah/{id}", "/ruang-kerja/perangkat-daerah/" + agency},
      {"/ruang-kerja/pengguna", "/ruang-kerja/pengguna"},
      {"/ruang-kerja/duplikat", "/ruang-kerja/duplikat"},
      {"/ruang-kerja/kepatuhan", "/ruang-kerja/kepatuhan"},
      {"/ruang-kerja/inovasi/{id}/keberlanjutan",
       "/ruang-kerja/inovasi/" + draft + "/keberlanjutan"},
      {"/ruang-kerja/kegiatan", "/ruang-kerja/kegiatan"},
      {"/ruang-kerja/kegiatan/{id}", "/ruang-kerja/kegiatan/" + activity},
      {"/ruang-kerja/tim", "/ruang-kerja/tim"},
      {"/ruang-kerja/tim/{id}", "/ruang-kerja/tim/" + team},
      {"/ruang-kerja/monev", "/ruang-kerja/monev"},
      {"/ruang-kerja/monev/{id}", "/ruang-kerja/monev/" + draft + "?tahun=2026"},
  };
  for (const auto& route : site_->router().routes()) {
    if (route.method != Method::kGet) continue;
    EXPECT_TRUE(std::any_of(pages.begin(), pages.end(),
                            [&](const auto& page) { return page.first == route.pattern; }))
        << route.pattern << " has no row here";
  }

  // Who, and their session cookie; SignedIn gives each the CSRF token "csrf-of-" + username.
  const std::vector<std::pair<std::string, std::string>> outsiders = {
      {"ra-malang", SignedIn("ra-malang", {{Role::kRegionAdmin, "3573", 0, 0}})},
      {"op-malang", SignedIn("op-malang", {{Role::kAgencyOperator, "", malang_agency, 0}})},
      {"fasil-malang", SignedIn("fasil-malang", {{Role::kFacilitator, "3573", 0, 0}})},
  };
  Site national(api_, pool_, SiteOptions{""});
  for (Site* site : {site_.get(), &national}) {
    for (const auto& [who, cookie] : outsiders) {
      for (const auto& [pattern, target] : pages) {
        Request request = MakeRequest(Method::kGet, target, "", {{"cookie", cookie}});
        Response page = site->Handle(request);
        std::string body = page.Body();
        std::string where = target + " as " + who;
        EXPECT_EQ(body.find("Rahasia Draf"), std::string::npos) << where << " shows the draft";
        EXPECT_EQ(body.find("operator@example.go.id"), std::string::npos)
            << where << " shows an e-mail";
      }
    }
  }

  // Nothing of the region changes at their hands.
  const auto before = db_.store().FindInnovation(draft_);
  const auto agency_before = db_.store().FindAgency(agency_);
  for (const auto& [who, cookie] : outsiders) {
    std::string form = "csrf=csrf-of-" + who;
    std::vector<std::pair<std::string, std::string>> writes = {
        {"/ruang-kerja/inovasi/" + draft, form + "&title=Diubah&version=1"},
        {"/ruang-kerja/inovasi/" + draft + "/langkah", form + "&action=submit&version=1"},
        {"/ruang-kerja/inovasi/" + draft + "/tahap", form + "&to=diagnose&version=1"},
        {"/ruang-kerja/inovasi/" + draft + "/klinik",
         form +
             "&kind=validation&date=2026-06-01&validation_method=presentation&decision=accepted"},
        {"/ruang-kerja/perangkat-daerah/" + agency, form + "&name=Diubah&version=1"},
        {"/ruang-kerja/pengguna/" + std::to_string(operator_id) + "/status", form + "&disabled=1"},
        {"/ruang-kerja/inovasi/" + draft + "/keberlanjutan",
         form + "&continuation=stopped&date=2026-06-01&reason=Dihentikan&version=1"},
        {"/ruang-kerja/kegiatan/" + activity,
         form + "&kind=workshop&title=Diubah&date=2026-05-02&peserta-" + agency + "=1&version=1"},
        {"/ruang-kerja/kegiatan/" + activity + "/hapus", form + "&version=1"},
        {"/ruang-kerja/tim/" + team,
         form + "&decree_number=Diubah&decree_date=2026-01-10&members=A%3B+B%3B+ketua&version=1"},
        {"/ruang-kerja/tim/" + team + "/hapus", form + "&version=1"},
        {"/ruang-kerja/monev/" + draft,
         form + "&year=2026&progress=on_track&report=Baik&advice=Lanjutkan"},
    };
    for (const auto& [target, body] : writes) {
      Response answer = Page(Method::kPost, target, body, {{"cookie", cookie}});
      EXPECT_TRUE(answer.status == 403 || answer.status == 404)
          << target << " as " << who << ": " << answer.status;
    }
    // Their own region's forms do not reach this region's agencies either.
    Response team_here = Page(Method::kPost, "/ruang-kerja/tim",
                              form + "&agency_id=" + agency +
                                  "&decree_number=X&decree_date=2026-01-10&members=A%3B+B%3B+ketua",
                              {{"cookie", cookie}});
    EXPECT_TRUE(team_here.status == 403 || team_here.status == 422) << who;
  }
  EXPECT_EQ(db_.store().FindInnovation(draft_)->version, before->version);
  EXPECT_EQ(db_.store().FindActivity(stored_session.id)->version, 1);
  EXPECT_EQ(db_.store().FindTeam(stored_team.id)->version, 1);
  EXPECT_EQ(db_.store().ListTeams("3578").size(), 1u);
  EXPECT_TRUE(db_.store().ListEvaluationsOf(draft_).empty());
  EXPECT_TRUE(db_.store().ListClinicEntries(draft_).empty());
  EXPECT_EQ(db_.store().FindAgency(agency_)->version, agency_before->version);
  EXPECT_FALSE(db_.store().FindUser(operator_id)->disabled);
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja", "", {{"cookie", operator_cookie}}).status, 200);
}

TEST(SiteRoutingTest, SeparatesTheApiFromPages) {
  Request request;
  for (const char* api : {"/api/v1/innovations", "/api/openapi.json", "/healthz"}) {
    request.target = api;
    EXPECT_TRUE(IsApiRequest(request)) << api;
  }
  for (const char* page : {"/", "/inovasi", "/apiary", "/masuk"}) {
    request.target = page;
    EXPECT_FALSE(IsApiRequest(request)) << page;
  }
}

TEST(SiteRoutingTest, TellsASearchFromAList) {
  Request request;
  for (const char* search : {"/inovasi?q=pasar", "/api/v1/innovations?per_page=20&q=air+bersih",
                             "/inovasi?wilayah=9971&q=%20izin"}) {
    request.target = search;
    EXPECT_TRUE(IsSearch(request)) << search;
  }
  for (const char* list : {"/inovasi", "/inovasi?q=", "/inovasi?q=+++",
                           "/api/v1/innovations?type=method", "/inovasi?faq=1", "/inovasi?q=%zz"}) {
    request.target = list;
    EXPECT_FALSE(IsSearch(request)) << list;
  }
  request.target = "/inovasi?q=pasar";
  request.method = Method::kPost;
  EXPECT_FALSE(IsSearch(request));
}

}  // namespace
}  // namespace lumbung::http

namespace lumbung::http {
namespace {

TEST_F(SiteTest, SearchShowsBestMatchesWhereTheWordsStandAndWhatWasSearched) {
  AddInnovation("Pasar Rakyat Tertib", RecordStatus::kPublished);
  Response found = Page(Method::kGet, "/inovasi?q=izin");
  EXPECT_TRUE(Contains(found, "Layanan Perizinan Keliling")) << "perizinan has the stem izin";
  EXPECT_FALSE(Contains(found, "Pasar Rakyat Tertib"));
  EXPECT_TRUE(Contains(found, "<mark>Perizinan</mark>")) << found.Body();
  EXPECT_TRUE(Contains(found, "<option value=\"\" selected>Paling cocok</option>"));
  Response plain = Page(Method::kGet, "/inovasi");
  EXPECT_FALSE(Contains(plain, "Paling cocok")) << "no best match without words";
  EXPECT_TRUE(Contains(plain, "<option value=\"\" selected>Terbaru diperbarui</option>"))
      << "the default order goes as no value, so that a search typed here comes best first";

  Response corrected = Page(Method::kGet, "/inovasi?q=perizinn+");
  EXPECT_TRUE(Contains(corrected, "Layanan Perizinan Keliling"));
  EXPECT_TRUE(Contains(corrected, "search-note"));
  EXPECT_TRUE(Contains(corrected, "“perizinan”")) << corrected.Body();
  Response any = Page(Method::kGet, "/inovasi?q=perizinan+pasar+");
  EXPECT_TRUE(Contains(any, "Layanan Perizinan Keliling"));
  EXPECT_TRUE(Contains(any, "Pasar Rakyat Tertib"));
  EXPECT_TRUE(Contains(any, "search-note"));
}

TEST_F(SiteTest, SimilarInnovationsShowWhatTheViewerMaySee) {
  Id twin = AddInnovation("Layanan Perizinan Keliling Kecamatan", RecordStatus::kPublished);
  Id draft = AddInnovation("Layanan Perizinan Keliling Rahasia", RecordStatus::kDraft);
  Response page = Page(Method::kGet, "/inovasi/" + std::to_string(published_));
  EXPECT_TRUE(Contains(page, "similar-heading"));
  EXPECT_TRUE(Contains(page, "/inovasi/" + std::to_string(twin) + "\""));
  EXPECT_FALSE(Contains(page, "Rahasia")) << "a draft never shows on a public page";

  // The operator writing the draft sees what it resembles, in the editor.
  const std::string cookie = OperatorCookie();
  Response editor =
      Page(Method::kGet, "/ruang-kerja/inovasi/" + std::to_string(draft), "", {{"cookie", cookie}});
  ASSERT_EQ(editor.status, 200);
  EXPECT_TRUE(Contains(editor, "id=\"similar\""));
  EXPECT_FALSE(Contains(editor, "data-exclude=\"" + std::to_string(draft) + "\" data-score=\"" +
                                    "kemiripan {percent}%\" hidden"));
  EXPECT_TRUE(Contains(editor, "/ruang-kerja/inovasi/" + std::to_string(published_) + "\""));
  // A new, empty form has nothing to compare yet.
  Response blank = Page(Method::kGet, "/ruang-kerja/inovasi/baru", "", {{"cookie", cookie}});
  EXPECT_TRUE(Contains(blank, "data-score=\"kemiripan {percent}%\" hidden"));
}

TEST_F(SiteTest, OnlyTheRegionsTeamReviewsLikelyDuplicates) {
  AddInnovation("Layanan Perizinan Keliling Kota", RecordStatus::kSubmitted);
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/duplikat").status, 303);
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/duplikat", "", {{"cookie", OperatorCookie()}}).status,
            403);
  std::string team = SignedIn("tim", {{Role::kRegionAdmin, "3578", 0, 0}});
  Response pairs = Page(Method::kGet, "/ruang-kerja/duplikat", "", {{"cookie", team}});
  ASSERT_EQ(pairs.status, 200);
  EXPECT_TRUE(Contains(pairs, "Layanan Perizinan Keliling Kota"));
  EXPECT_TRUE(Contains(pairs, "/ruang-kerja/inovasi/" + std::to_string(published_) + "\""));
}

TEST_F(SiteTest, TheClinicPanelTakesAnInnovationThroughItsStagesWithAFacilitator) {
  std::string record = "/ruang-kerja/inovasi/" + std::to_string(draft_);
  std::string op = OperatorCookie();
  std::string op_csrf = csrf_;
  Response page = Page(Method::kGet, record, "", {{"cookie", op}});
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page, "Klinik inovasi"));
  EXPECT_TRUE(Contains(page, "aria-current=\"step\">Penjaringan"));
  EXPECT_TRUE(Contains(page, "Maju ke tahap Diagnosis"));
  EXPECT_FALSE(Contains(page, "Validasi fasilitator"));  // operators do not validate

  Response moved = Page(Method::kPost, record + "/tahap",
                        "csrf=" + op_csrf + "&to=diagnose&version=1", {{"cookie", op}});
  ASSERT_EQ(moved.status, 303) << moved.Body();
  EXPECT_EQ(db_.store().FindInnovation(draft_)->stage, Stage::kDiagnose);
  Response skipped =
      Page(Method::kPost, record + "/tahap", "csrf=" + op_csrf + "&to=deliver", {{"cookie", op}});
  EXPECT_EQ(skipped.status, 422);
  EXPECT_TRUE(Contains(skipped, "tidak boleh dilompati"));

  // The facilitator finds it in the queue, and a mistyped date keeps what was written.
  std::string fac = SignedIn("fasil", {{Role::kFacilitator, "3578", 0, 0}});
  EXPECT_TRUE(Contains(Page(Method::kGet, "/ruang-kerja", "", {{"cookie", fac}}),
                       "Menunggu validasi Anda"));
  EXPECT_TRUE(
      Contains(Page(Method::kGet, "/ruang-kerja", "", {{"cookie", fac}}), "Rahasia Draf Dinas"));
  std::string form = "csrf=" + csrf_ +
                     "&kind=validation&validation_method=presentation&decision=revise"
                     "&notes=Pertajam+sasaran+remaja";
  Response bad =
      Page(Method::kPost, record + "/klinik", form + "&date=15-06-2026", {{"cookie", fac}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad, "Tanggal tidak sah"));
  EXPECT_TRUE(Contains(bad, "Pertajam sasaran remaja"));
  EXPECT_TRUE(db_.store().ListClinicEntries(draft_).size() == 1u);  // the stage change alone
  ASSERT_EQ(
      Page(Method::kPost, record + "/klinik", form + "&date=2026-06-14", {{"cookie", fac}}).status,
      303);
  Response revised = Page(Method::kGet, record, "", {{"cookie", op}});
  EXPECT_TRUE(Contains(revised, "Perlu perbaikan"));
  EXPECT_TRUE(Contains(revised, "Pertajam sasaran remaja"));
  EXPECT_FALSE(Contains(revised, "Maju ke tahap Perancangan"));
  std::string accept = "csrf=" + csrf_ +
                       "&kind=validation&validation_method=desk_consultation&decision=accepted"
                       "&date=2026-06-15";
  ASSERT_EQ(Page(Method::kPost, record + "/klinik", accept, {{"cookie", fac}}).status, 303);
  EXPECT_TRUE(
      Contains(Page(Method::kGet, record, "", {{"cookie", op}}), "Maju ke tahap Perancangan"));
  // A facilitator may not move the stage; the operator may not validate.
  EXPECT_EQ(
      Page(Method::kPost, record + "/tahap", "csrf=" + csrf_ + "&to=design", {{"cookie", fac}})
          .status,
      403);
  csrf_ = op_csrf;
  EXPECT_EQ(Page(Method::kPost, record + "/klinik",
                 "csrf=" + op_csrf + accept.substr(accept.find('&')), {{"cookie", op}})
                .status,
            403);
  EXPECT_EQ(
      Page(Method::kPost, record + "/tahap", "csrf=" + op_csrf + "&to=design", {{"cookie", op}})
          .status,
      303);
  EXPECT_EQ(db_.store().FindInnovation(draft_)->stage, Stage::kDesign);
}

TEST_F(SiteTest, TheCompliancePageAndTheDashboardShowTheYearlyTarget) {
  std::string op = OperatorCookie();
  Response dashboard = Page(Method::kGet, "/ruang-kerja", "", {{"cookie", op}});
  EXPECT_TRUE(Contains(dashboard, "Target tahunan Dinas Kesehatan, 2026"));
  EXPECT_TRUE(Contains(dashboard, "0 dari 1 inovasi"));
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/kepatuhan", "", {{"cookie", op}}).status, 403);
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/kepatuhan").status, 303);

  std::string admin = SignedIn("tim", {{Role::kRegionAdmin, "3578", 0, 0}});
  Response report =
      Page(Method::kGet, "/ruang-kerja/kepatuhan?tahun=2026", "", {{"cookie", admin}});
  ASSERT_EQ(report.status, 200);
  EXPECT_TRUE(Contains(report, "0 dari 2 perangkat daerah dan BUMD memenuhi target tahun 2026"));
  EXPECT_TRUE(Contains(report, "Dinas Pendidikan"));
  // The published record was started in 2026 but is at initiative: it does not count.
  Innovation published = *db_.store().FindInnovation(published_);
  published.maturity = Maturity::kTrial;
  ASSERT_TRUE(db_.store().UpdateInnovation(published, published.version));
  report = Page(Method::kGet, "/ruang-kerja/kepatuhan", "", {{"cookie", admin}});
  EXPECT_TRUE(Contains(report, "1 dari 2 perangkat daerah"));
  // The portal's figure follows the same rule.
  EXPECT_TRUE(Contains(Page(Method::kGet, "/"), "<span class=\"figure\">1 / 2</span>"));
  EXPECT_TRUE(Contains(report, "Tercapai"));
  Response english =
      Page(Method::kGet, "/ruang-kerja/kepatuhan", "", {{"cookie", admin + "; lumbung_lang=en"}});
  EXPECT_TRUE(Contains(english, "Year over year"));
}

}  // namespace
}  // namespace lumbung::http

namespace lumbung::http {
namespace {

TEST_F(SiteTest, TheRegionRecordsItsSessionsTeamsAndEvaluationsAndAgenciesTheirOwn) {
  std::string admin = SignedIn("tim", {{Role::kRegionAdmin, "3578", 0, 0}});
  std::string admin_csrf = csrf_;
  const std::string agency = std::to_string(agency_);
  const std::string other = std::to_string(other_agency_);

  // A session that discussed an innovation of an agency it did not serve is refused with the
  // message beside the list, and everything typed comes back.
  std::string session = "csrf=" + admin_csrf +
                        "&kind=coaching_clinic&title=Klinik+Juni&date=2026-06-02&place=Aula"
                        "&peserta-" +
                        other + "=4&inovasi=" + std::to_string(published_) + "&advice=Perjelas";
  Response refused = Page(Method::kPost, "/ruang-kerja/kegiatan", session, {{"cookie", admin}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused, "tidak dilayani kegiatan ini"));
  EXPECT_TRUE(Contains(refused, "value=\"Klinik Juni\""));
  EXPECT_TRUE(Contains(refused, "name=\"peserta-" + other + "\" value=\"4\""));
  EXPECT_TRUE(db_.store().ListActivities("3578", 0).empty());
  Response saved = Page(Method::kPost, "/ruang-kerja/kegiatan",
                        session + "&peserta-" + agency + "=2", {{"cookie", admin}});
  ASSERT_EQ(saved.status, 303) << saved.Body();
  auto activities = db_.store().ListActivities("3578", 2026);
  ASSERT_EQ(activities.size(), 1u);
  EXPECT_EQ(activities[0].agencies.size(), 2u);
  Response list = Page(Method::kGet, "/ruang-kerja/kegiatan?tahun=2026", "", {{"cookie", admin}});
  EXPECT_TRUE(Contains(list, "1 sesi klinik dan 0 pelatihan, 6 peserta dari 2 perangkat daerah"));
  // Advice waits until the activity has taken place.
  Response ahead =
      Page(Method::kPost, "/ruang-kerja/kegiatan",
           "csrf=" + admin_csrf + "&kind=training_system&title=Pelatihan&date=2026-09-01&peserta-" +
               agency + "=5&advice=Bagus",
           {{"cookie", admin}});
  EXPECT_EQ(ahead.status, 422);
  EXPECT_TRUE(Contains(ahead, "Saran dicatat setelah kegiatan berlangsung"));
  // A count that does not read is named at its agency's own input.
  Response unreadable =
      Page(Method::kPost, "/ruang-kerja/kegiatan",
           "csrf=" + admin_csrf + "&kind=workshop&title=Lokakarya&date=2026-06-01&peserta-" +
               agency + "=2&peserta-" + other + "=dua",
           {{"cookie", admin}});
  EXPECT_EQ(unreadable.status, 422);
  EXPECT_TRUE(
      Contains(unreadable, "name=\"peserta-" + other + "\" value=\"dua\" aria-invalid=\"true\""))
      << unreadable.Body();
  EXPECT_EQ(db_.store().ListActivities("3578", 0).size(), 1u);

  // The operator reads the sessions but schedules none, keeps its agency's team only, and
  // has no round to open.
  std::string op = OperatorCookie();
  std::string op_csrf = csrf_;
  Response op_list = Page(Method::kGet, "/ruang-kerja/kegiatan?tahun=2026", "", {{"cookie", op}});
  EXPECT_EQ(op_list.status, 200);
  EXPECT_TRUE(Contains(op_list, "Klinik Juni"));
  EXPECT_FALSE(Contains(op_list, "Jadwalkan kegiatan"));
  EXPECT_EQ(Page(Method::kPost, "/ruang-kerja/kegiatan", "csrf=" + op_csrf + "&kind=workshop",
                 {{"cookie", op}})
                .status,
            403);
  std::string members = "&members=Budi%3B+Sekretaris%3B+ketua%0ASari%3B+Kasubbag%3B%0A";
  EXPECT_EQ(Page(Method::kPost, "/ruang-kerja/tim",
                 "csrf=" + op_csrf + "&agency_id=" + other +
                     "&decree_number=800%2F1&decree_date=2026-01-10" + members,
                 {{"cookie", op}})
                .status,
            403);
  Response team = Page(Method::kPost, "/ruang-kerja/tim",
                       "csrf=" + op_csrf + "&agency_id=" + agency +
                           "&decree_number=800%2F1&decree_date=2026-01-10" + members,
                       {{"cookie", op}});
  ASSERT_EQ(team.status, 303) << team.Body();
  auto teams = db_.store().ListTeams("3578");
  ASSERT_EQ(teams.size(), 1u);
  EXPECT_EQ(teams[0].members.size(), 2u);
  EXPECT_EQ(teams[0].members[1].role, TeamRole::kMember);
  Response two_chairs = Page(Method::kPost, "/ruang-kerja/tim/" + std::to_string(teams[0].id),
                             "csrf=" + op_csrf + "&agency_id=" + agency +
                                 "&decree_number=800%2F1&decree_date=2026-01-10&version=1"
                                 "&members=A%3B+B%3B+ketua%0AC%3B+D%3B+ketua",
                             {{"cookie", op}});
  EXPECT_EQ(two_chairs.status, 422);
  EXPECT_TRUE(Contains(two_chairs, "tepat satu ketua"));
  Response unknown_role = Page(Method::kPost, "/ruang-kerja/tim/" + std::to_string(teams[0].id),
                               "csrf=" + op_csrf + "&agency_id=" + agency +
                                   "&decree_number=800%2F1&decree_date=2026-01-10&version=1"
                                   "&members=A%3B+B%3B+ketua%0A%0AC%3B+D%3B+wakil",
                               {{"cookie", op}});
  EXPECT_EQ(unknown_role.status, 422);
  EXPECT_TRUE(Contains(unknown_role, "Baris 3: peran &quot;wakil&quot; tidak dikenal"))
      << unknown_role.Body();
  Response four_parts = Page(Method::kPost, "/ruang-kerja/tim/" + std::to_string(teams[0].id),
                             "csrf=" + op_csrf + "&agency_id=" + agency +
                                 "&decree_number=800%2F1&decree_date=2026-01-10&version=1"
                                 "&members=A%3B+B%3B+ketua%3B+Plt.",
                             {{"cookie", op}});
  EXPECT_EQ(four_parts.status, 422);
  EXPECT_TRUE(Contains(four_parts, "Baris 1: tulis nama; jabatan; peran"));
  EXPECT_TRUE(Contains(four_parts, "A; B; ketua; Plt.")) << "what was typed comes back";
  EXPECT_EQ(db_.store().FindTeam(teams[0].id)->version, 1);
  EXPECT_EQ(db_.store().FindTeam(teams[0].id)->version, 1);
  EXPECT_EQ(Page(Method::kGet, "/ruang-kerja/monev", "", {{"cookie", op}}).status, 403);
  // A team is deleted from its page; another agency's operator may not.
  std::string other_op = SignedIn("andi", {{Role::kAgencyOperator, "3578", other_agency_, 0}});
  std::string remove = "/ruang-kerja/tim/" + std::to_string(teams[0].id) + "/hapus";
  EXPECT_EQ(
      Page(Method::kPost, remove, "csrf=" + csrf_ + "&version=1", {{"cookie", other_op}}).status,
      403);
  Response removed =
      Page(Method::kPost, remove, "csrf=" + op_csrf + "&version=1", {{"cookie", op}});
  EXPECT_EQ(removed.status, 303) << removed.Body();
  EXPECT_TRUE(db_.store().ListTeams("3578").empty());

  // The round lists the published innovation; the team records its evaluation; a draft has none.
  Response round = Page(Method::kGet, "/ruang-kerja/monev?tahun=2026", "", {{"cookie", admin}});
  EXPECT_TRUE(Contains(round, "0 dari 1 inovasi sudah dievaluasi untuk tahun 2026"));
  EXPECT_FALSE(Contains(round, "Rahasia Draf Dinas"));
  std::string evaluation = "csrf=" + admin_csrf + "&year=2026&progress=needs_attention" +
                           "&report=Pengguna+turun&advice=";
  Response no_advice = Page(Method::kPost, "/ruang-kerja/monev/" + std::to_string(published_),
                            evaluation, {{"cookie", admin}});
  EXPECT_EQ(no_advice.status, 422);
  EXPECT_TRUE(Contains(no_advice, "Pengguna turun"));
  EXPECT_EQ(Page(Method::kPost, "/ruang-kerja/monev/" + std::to_string(published_),
                 evaluation + "Sosialisasi", {{"cookie", admin}})
                .status,
            303);
  round = Page(Method::kGet, "/ruang-kerja/monev?tahun=2026", "", {{"cookie", admin}});
  EXPECT_TRUE(Contains(round, "1 dari 1 inovasi sudah dievaluasi"));
  Response draft = Page(Method::kPost, "/ruang-kerja/monev/" + std::to_string(draft_),
                        evaluation + "Sosialisasi", {{"cookie", admin}});
  EXPECT_EQ(draft.status, 422);
  EXPECT_TRUE(Contains(draft, "diverifikasi atau diterbitkan"));

  // The operator says its innovation rests, with the date and the reason; the record shows it
  // with the region's evaluation.
  std::string record = "/ruang-kerja/inovasi/" + std::to_string(published_);
  Response no_reason =
      Page(Method::kPost, record + "/keberlanjutan",
           "csrf=" + op_csrf + "&continuation=dormant&date=2026-06-01&reason=&version=1",
           {{"cookie", op}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(Page(Method::kPost, record + "/keberlanjutan",
                 "csrf=" + op_csrf +
                     "&continuation=dormant&date=2026-06-01&reason=Petugas+pindah&version=1",
                 {{"cookie", op}})
                .status,
            303);
  Response page = Page(Method::kGet, record, "", {{"cookie", op}});
  EXPECT_TRUE(Contains(page, "Tidak aktif sementara</span> sejak 2026-06-01: Petugas pindah"));
  EXPECT_TRUE(Contains(page, "Perlu perhatian"));
  EXPECT_TRUE(
      Contains(Page(Method::kGet, "/inovasi/" + std::to_string(published_)), "Petugas pindah"));
}

}  // namespace
}  // namespace lumbung::http
