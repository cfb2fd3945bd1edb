// Sign-in, sessions, CSRF, tokens, enumeration and the workflow, through the API.
#include <gtest/gtest.h>

#include "auth/password.hpp"
#include "http/api_fixture.hpp"

namespace lumbung::http {
namespace {

using Json = nlohmann::json;

class SecurityTest : public ApiTest {
 protected:
  void SetUp() override {
    agency_ = Seed();
    User user;
    user.username = "sari";
    user.display_name = "Sari";
    user.email = "sari@example.go.id";
    user.roles = {{Role::kAgencyOperator, "", agency_, 0}};
    sari_ = db_.store().InsertUser(user, auth::HashPassword(kPassword))->id;
    token_.clear();  // act as a browser: no token
  }

  // Signs in; returns the cookie value and the CSRF token.
  std::pair<std::string, std::string> SignIn(const std::string& cookie = "") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!cookie.empty()) headers.emplace_back("cookie", "lumbung_session=" + cookie);
    auto response = Call(Method::kPost, "/api/v1/session",
                         Json{{"username", "sari"}, {"password", kPassword}}.dump(), headers);
    EXPECT_EQ(response.status, 200) << response.Body();
    std::string set_cookie = HeaderOf(response, "Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
    auto start = set_cookie.find('=') + 1;
    return {set_cookie.substr(start, set_cookie.find(';') - start),
            JsonOf(response)["csrf_token"].get<std::string>()};
  }

  Response AsSession(Method method, const std::string& target, const std::string& body,
                     const std::string& cookie, const std::string& csrf) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"cookie", "lumbung_session=" + cookie}};
    if (!csrf.empty()) headers.emplace_back("x-csrf-token", csrf);
    return Call(method, target, body, headers);
  }

  static constexpr const char* kPassword = "kopi-tubruk-pagi";
  Id agency_ = 0;
  Id sari_ = 0;
};

TEST_F(SecurityTest, SignInGivesAFreshSessionEveryTime) {
  auto [first, csrf] = SignIn();
  EXPECT_EQ(AsSession(Method::kGet, "/api/v1/session", "", first, "").status, 200);
  // A session id planted before sign-in is never the one that comes out of it.
  auto [second, csrf2] = SignIn(first);
  EXPECT_NE(second, first);
  EXPECT_EQ(AsSession(Method::kGet, "/api/v1/session", "", first, "").status, 401);
  EXPECT_EQ(AsSession(Method::kGet, "/api/v1/session", "", second, "").status, 200);
  // Sign-out really ends it.
  EXPECT_EQ(AsSession(Method::kDelete, "/api/v1/session", "", second, csrf2).status, 204);
  EXPECT_EQ(AsSession(Method::kGet, "/api/v1/session", "", second, "").status, 401);
}

TEST_F(SecurityTest, ChangesWithACookieNeedTheCsrfToken) {
  auto [cookie, csrf] = SignIn();
  std::string body = Json{{"agency_id", agency_}, {"title", "Akta Keliling"}}.dump();
  EXPECT_EQ(AsSession(Method::kPost, "/api/v1/innovations", body, cookie, "").status, 403);
  EXPECT_EQ(AsSession(Method::kPost, "/api/v1/innovations", body, cookie, "wrong").status, 403);
  EXPECT_EQ(db_.store().ListInnovations({}).total, 0);
  EXPECT_EQ(AsSession(Method::kPost, "/api/v1/innovations", body, cookie, csrf).status, 201);
}

TEST_F(SecurityTest, SessionsTimeOut) {
  auto [cookie, csrf] = SignIn();
  // Idle for longer than the idle time-out: the session is gone.
  db_.store().TouchSession(auth::TokenDigest(cookie), 0);
  EXPECT_EQ(AsSession(Method::kGet, "/api/v1/session", "", cookie, "").status, 401);
}

TEST_F(SecurityTest, ExpiredAndRevokedTokensAreRefused) {
  std::string token = AddUser("integrasi", {{Role::kRegionAdmin, "3578", 0, 0}});
  token_ = token;
  EXPECT_EQ(Call(Method::kGet, "/api/v1/session").status, 200);
  auto stored = db_.store().FindTokenByDigest(auth::TokenDigest(token));
  ASSERT_TRUE(db_.store().RevokeToken(stored->id));
  auto revoked = Call(Method::kGet, "/api/v1/session");
  EXPECT_EQ(revoked.status, 401);
  EXPECT_EQ(HeaderOf(revoked, "WWW-Authenticate"), "Bearer");

  ApiToken old;
  old.digest = auth::TokenDigest("kedaluwarsa");
  old.user_id = sari_;
  old.name = "lama";
  old.scope = TokenScope::kWrite;
  old.expires_at = 1;  // 1970
  ASSERT_TRUE(db_.store().InsertToken(old));
  token_ = "kedaluwarsa";
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations").status, 401);
}

TEST_F(SecurityTest, AReadTokenCannotWrite) {
  token_ = AddUser("pembaca", {{Role::kAgencyOperator, "", agency_, 0}}, TokenScope::kRead);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/innovations").status, 200);
  EXPECT_EQ(Call(Method::kPost, "/api/v1/innovations",
                 Json{{"agency_id", agency_}, {"title", "T"}}.dump())
                .status,
            403);
}

TEST_F(SecurityTest, SignInNeverTellsWhetherTheAccountExists) {
  auto unknown = Call(Method::kPost, "/api/v1/session",
                      Json{{"username", "tidak-ada"}, {"password", kPassword}}.dump());
  auto wrong = Call(Method::kPost, "/api/v1/session",
                    Json{{"username", "sari"}, {"password", "salah-sekali-123"}}.dump());
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(JsonOf(unknown)["title"], JsonOf(wrong)["title"]);
}

TEST_F(SecurityTest, FailedSignInsSlowDown) {
  // Three failures are free; from the fourth on, the account must wait.
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(
        Call(Method::kPost, "/api/v1/session",
             Json{{"username", "sari"}, {"password", "bukan-ini-" + std::to_string(i)}}.dump())
            .status,
        401);
  }
  auto throttled = Call(Method::kPost, "/api/v1/session",
                        Json{{"username", "sari"}, {"password", kPassword}}.dump());
  EXPECT_EQ(throttled.status, 429);
  EXPECT_FALSE(HeaderOf(throttled, "Retry-After").empty());
}

TEST_F(SecurityTest, DraftsNeverReachThePublic) {
  Registry registry(db_.store(), testing::FixedNow);
  for (auto status : {RecordStatus::kDraft, RecordStatus::kSubmitted, RecordStatus::kRejected,
                      RecordStatus::kPublished}) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency_;
    innovation.title = "Inovasi " + std::string(ToString(status));
    innovation.status = status;
    innovation.rejection_reason = status == RecordStatus::kRejected ? "Belum lengkap" : "";
    ASSERT_TRUE(registry.CreateInnovation(innovation));
  }
  auto list = JsonOf(Call(Method::kGet, "/api/v1/innovations?per_page=100"));
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["status"], "published");
  // Asking for drafts by filter changes nothing.
  EXPECT_EQ(JsonOf(Call(Method::kGet, "/api/v1/innovations?status=draft"))["total"], 0);
  // The agency's operator sees them all.
  token_ = AddUser("operator2", {{Role::kAgencyOperator, "", agency_, 0}});
  EXPECT_EQ(JsonOf(Call(Method::kGet, "/api/v1/innovations?per_page=100"))["total"], 4);
}

TEST_F(SecurityTest, AReplicationCannotProbeHiddenDrafts) {
  Registry registry(db_.store(), testing::FixedNow);
  Agency other;
  other.region_code = "3578";
  other.name = "Dinas Pendidikan";
  Id other_agency = registry.CreateAgency(other)->id;
  Innovation hidden;
  hidden.region_code = "3578";
  hidden.agency_id = other_agency;
  hidden.title = "Draf dinas lain";
  Id hidden_id = registry.CreateInnovation(hidden)->id;
  token_ = AddUser("op", {{Role::kAgencyOperator, "", agency_, 0}});
  auto probe = Call(
      Method::kPost, "/api/v1/innovations",
      Json{{"agency_id", agency_}, {"title", "Tiruan"}, {"replicated_from", hidden_id}}.dump());
  auto missing =
      Call(Method::kPost, "/api/v1/innovations",
           Json{{"agency_id", agency_}, {"title", "Tiruan"}, {"replicated_from", 99999}}.dump());
  EXPECT_EQ(probe.status, 422);
  EXPECT_EQ(probe.Body(), missing.Body()) << "a hidden draft must look like a missing one";
}

TEST_F(SecurityTest, TheWholeWorkflowWithHeadApproval) {
  token_ = admin_token_;
  ASSERT_EQ(
      Call(Method::kPatch, "/api/v1/regions/3578", R"({"requires_head_approval":true})").status,
      200);
  std::string operator_token = AddUser("op", {{Role::kAgencyOperator, "", agency_, 0}});
  std::string head_token = AddUser("kadis", {{Role::kAgencyHead, "", agency_, 0}});
  std::string team_token = AddUser("tim", {{Role::kRegionAdmin, "3578", 0, 0}});

  token_ = operator_token;
  auto created = Call(Method::kPost, "/api/v1/innovations",
                      Json{{"agency_id", agency_}, {"title", "Akta Keliling"}}.dump());
  ASSERT_EQ(created.status, 201);
  std::string path = HeaderOf(created, "Location");
  auto step = [&](const std::string& action, const std::string& reason = "") {
    Json body = {{"action", action}};
    if (!reason.empty()) body["reason"] = reason;
    return Call(Method::kPost, path + "/transitions", body.dump());
  };
  // A submission names what it still lacks.
  auto incomplete = step("submit");
  ASSERT_EQ(incomplete.status, 422);
  std::set<std::string> missing;
  auto problem = JsonOf(incomplete);
  for (const auto& error : problem["errors"]) missing.insert(error["field"]);
  EXPECT_EQ(missing,
            (std::set<std::string>{"type", "form", "background", "design", "goals", "benefits"}));
  ASSERT_EQ(Call(Method::kPatch, path,
                 R"({"type":"process","form":"public_service","background":"Antre lama",
                     "design":"Petugas keliling","goals":"Akta cepat","benefits":"Hemat waktu"})",
                 {{"if-match", "\"1\""}})
                .status,
            200);
  ASSERT_EQ(step("submit").status, 200);
  // Nobody edits a submitted record.
  EXPECT_EQ(Call(Method::kPatch, path, R"({"summary":"x"})", {{"if-match", "\"3\""}}).status, 403);

  token_ = team_token;
  EXPECT_EQ(step("verify").status, 409);  // the head has not approved yet
  token_ = head_token;
  ASSERT_EQ(step("approve").status, 200);
  token_ = team_token;
  EXPECT_EQ(step("reject").status, 422);  // a rejection needs a reason
  ASSERT_EQ(step("verify").status, 200);
  token_.clear();
  EXPECT_EQ(Call(Method::kGet, path).status, 404);  // not public yet
  token_ = team_token;
  ASSERT_EQ(step("publish").status, 200);
  token_.clear();
  EXPECT_EQ(Call(Method::kGet, path).status, 200);
  auto public_history = JsonOf(Call(Method::kGet, path + "/history"));
  ASSERT_EQ(public_history["items"].size(), 4u);
  for (const auto& event : public_history["items"]) {
    EXPECT_TRUE(event["by"].is_null()) << "the public sees the steps, not the staff's names";
    EXPECT_TRUE(event["reason"].is_null()) << "nor the staff's reasons";
  }
  token_ = team_token;
  auto history = JsonOf(Call(Method::kGet, path + "/history"));
  std::vector<std::string> steps;
  for (const auto& event : history["items"]) {
    steps.push_back(event["action"].get<std::string>() + " by " + event["by"].get<std::string>());
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"submit by op", "approve by kadis", "verify by tim",
                                             "publish by tim"}));
  // Every change is in the audit trail, with who made it.
  token_ = team_token;
  auto audit = JsonOf(Call(Method::kGet, "/api/v1/regions/3578/audit?record_type=innovation"));
  ASSERT_GE(audit["items"].size(), 5u);
  EXPECT_EQ(audit["items"][0]["actor"], "tim");
  EXPECT_EQ(audit["items"][0]["after"]["status"], "published");
}

TEST_F(SecurityTest, NewInstallationsAreReadOnlyUntilAnAdminExists) {
  testing::TempDatabase empty;
  StorePool pool(empty.database());
  Api api(pool, testing::FixedNow);
  Request request;
  request.method = Method::kPost;
  request.target = "/api/v1/regions";
  request.headers = {{"content-type", "application/json"}};
  request.body = R"({"code":"3578","name":"Kota Surabaya","level":"kota"})";
  auto response = api.Handle(request);
  EXPECT_EQ(response.status, 409);
  EXPECT_NE(response.Body().find("lumbung user add"), std::string::npos);
}

}  // namespace
}  // namespace lumbung::http

namespace lumbung::http {
namespace {

TEST_F(ApiTest, DemoModeListsItsAccounts) {
  api_.SetDemoLogins({{"demo-tim",
                       "coba-lumbung-demo",
                       "region_admin",
                       {"Tim inovasi daerah", "The region's innovation team"}}});
  token_.clear();
  auto response = Call(Method::kGet, "/api/v1/demo-accounts", "", {{"accept-language", "en"}});
  ASSERT_EQ(response.status, 200);
  auto body = JsonOf(response);
  EXPECT_EQ(body["items"][0]["username"], "demo-tim");
  EXPECT_EQ(body["items"][0]["description"], "The region's innovation team");
}

}  // namespace
}  // namespace lumbung::http

namespace lumbung::http {
namespace {

using Json = nlohmann::json;

// Findings of the security review, each kept as a test that failed before its fix.
class ReviewTest : public ApiTest {
 protected:
  void SetUp() override {
    agency_ = Seed();
    Registry registry(db_.store(), testing::FixedNow);
    ASSERT_TRUE(registry.CreateRegion(
        {"3579", "Kota Batu", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    Agency batu;
    batu.region_code = "3579";
    batu.name = "Dinas Kesehatan Batu";
    batu_agency_ = registry.CreateAgency(batu)->id;
    team_ = AddUser("tim", {{Role::kRegionAdmin, "3578", 0, 0}});
  }
  Id agency_ = 0;
  Id batu_agency_ = 0;
  std::string team_;
};

TEST_F(ReviewTest, AnAgencyWithRolesCannotBeDeletedAndIdsAreNeverReused) {
  token_ = team_;
  auto created =
      Call(Method::kPost, "/api/v1/regions/3578/agencies", R"({"name":"Dinas Sementara"})");
  ASSERT_EQ(created.status, 201);
  Id temporary = JsonOf(created)["id"];
  AddUser("mole", {{Role::kAgencyOperator, "", temporary, 0}});
  auto refused = Call(Method::kDelete, "/api/v1/agencies/" + std::to_string(temporary), "",
                      {{"if-match", "\"1\""}});
  EXPECT_EQ(refused.status, 409);
  // Even an agency deleted for good leaves its id unused.
  auto empty = Call(Method::kPost, "/api/v1/regions/3578/agencies", R"({"name":"Dinas Kosong"})");
  Id empty_id = JsonOf(empty)["id"];
  ASSERT_EQ(Call(Method::kDelete, "/api/v1/agencies/" + std::to_string(empty_id), "",
                 {{"if-match", "\"1\""}})
                .status,
            204);
  token_ = admin_token_;
  auto next = Call(Method::kPost, "/api/v1/regions/3579/agencies", R"({"name":"Dinas Baru"})");
  EXPECT_GT(JsonOf(next)["id"].get<Id>(), empty_id);
}

TEST_F(ReviewTest, DemoAccountsDoNotExistOutsideDemoMode) {
  User demo;
  demo.username = "demo-admin";
  demo.display_name = "demo-admin";
  demo.roles = {{Role::kAdmin, "", 0, 0}};
  ASSERT_TRUE(db_.store().InsertUser(demo, auth::HashPassword("coba-lumbung-demo")));
  token_.clear();
  auto signin = Call(Method::kPost, "/api/v1/session",
                     R"({"username":"demo-admin","password":"coba-lumbung-demo"})");
  EXPECT_EQ(signin.status, 401);
  api_.SetDemoLogins({{"demo-admin", "coba-lumbung-demo", "admin", {"a", "a"}}});
  EXPECT_EQ(Call(Method::kPost, "/api/v1/session",
                 R"({"username":"demo-admin","password":"coba-lumbung-demo"})")
                .status,
            200);
}

TEST_F(ReviewTest, RegionAdminsCannotTouchInstallationAdmins) {
  Id admin_id = db_.store().FindUserByName("admin")->id;
  // An admin who also works in the region.
  User admin = *db_.store().FindUser(admin_id);
  admin.roles.push_back({Role::kRegionAdmin, "3578", 0, 0});
  ASSERT_TRUE(db_.store().UpdateUser(admin, admin.version));
  token_ = team_;
  std::string path = "/api/v1/users/" + std::to_string(admin_id);
  EXPECT_EQ(Call(Method::kGet, path).status, 404);
  EXPECT_EQ(Call(Method::kPatch, path, R"({"disabled":true})", {{"if-match", "\"2\""}}).status,
            404);
  EXPECT_EQ(db_.store().CountActiveAdmins(), 1);
}

TEST_F(ReviewTest, GrantsCarryOnlyTheirOwnScopeAndStayInTheRegion) {
  token_ = team_;
  auto stray = Call(Method::kPost, "/api/v1/regions/3578/users",
                    R"({"username":"budi","display_name":"Budi","password":"sawah-hijau-2024",
                        "roles":[{"role":"juror","competition_id":1,"region_code":"3579"}]})");
  EXPECT_EQ(stray.status, 422) << stray.Body();
  auto elsewhere =
      Call(Method::kPost, "/api/v1/regions/3578/users",
           Json{{"username", "budi"},
                {"display_name", "Budi"},
                {"password", "sawah-hijau-2024"},
                {"roles", {{{"role", "agency_operator"}, {"agency_id", batu_agency_}}}}}
               .dump());
  EXPECT_EQ(elsewhere.status, 422) << elsewhere.Body();
  // A user working in two regions is managed by neither region alone.
  AddUser("ganda",
          {{Role::kAgencyOperator, "", agency_, 0}, {Role::kAgencyHead, "", batu_agency_, 0}});
  Id both = db_.store().FindUserByName("ganda")->id;
  EXPECT_EQ(Call(Method::kGet, "/api/v1/users/" + std::to_string(both)).status, 404);
}

TEST_F(ReviewTest, SpacesInTheUsernameDoNotDodgeTheThrottle) {
  User sari;
  sari.username = "sari";
  sari.display_name = "Sari";
  sari.roles = {{Role::kAgencyOperator, "", agency_, 0}};
  ASSERT_TRUE(db_.store().InsertUser(sari, auth::HashPassword("kopi-tubruk-pagi")));
  token_.clear();
  std::string names[] = {"sari", " sari", "SARI ", "  sari"};
  for (const auto& name : names) {
    Call(Method::kPost, "/api/v1/session", Json{{"username", name}, {"password", "salah"}}.dump());
  }
  EXPECT_EQ(Call(Method::kPost, "/api/v1/session",
                 Json{{"username", "   sari"}, {"password", "kopi-tubruk-pagi"}}.dump())
                .status,
            429);
}

TEST_F(ReviewTest, AHiddenOriginLooksMissingEvenBesideOtherErrors) {
  Registry registry(db_.store(), testing::FixedNow);
  Innovation hidden;
  hidden.region_code = "3579";
  hidden.agency_id = batu_agency_;
  hidden.title = "Draf Batu";
  Id hidden_id = registry.CreateInnovation(hidden)->id;
  token_ = AddUser("op", {{Role::kAgencyOperator, "", agency_, 0}});
  auto fields = [&](Id origin) {
    auto response =
        Call(Method::kPost, "/api/v1/innovations",
             Json{{"agency_id", agency_}, {"title", "T"}, {"nope", 1}, {"replicated_from", origin}}
                 .dump());
    std::set<std::string> named;
    auto problem = JsonOf(response);
    for (const auto& error : problem["errors"]) named.insert(error["field"]);
    return named;
  };
  EXPECT_EQ(fields(hidden_id), fields(999999));
}

TEST_F(ReviewTest, RegionAdminsChangeOnlyTheRegionsSettings) {
  token_ = team_;
  EXPECT_EQ(Call(Method::kPatch, "/api/v1/regions/3578", R"({"name":"Kota Lain"})").status, 422);
  EXPECT_EQ(
      Call(Method::kPatch, "/api/v1/regions/3578", R"({"requires_head_approval":true})").status,
      200);
  EXPECT_EQ(db_.store().FindRegion("3578")->name, "Kota Surabaya");
}

TEST_F(ReviewTest, PooledConnectionsForgetWhoUsedThem) {
  StorePool pool(db_.database());
  {
    auto lease = pool.Acquire();
    Actor tim;
    tim.user_id = 42;
    tim.name = "tim";
    lease->SetActor(tim);
  }
  auto lease = pool.Acquire();
  Registry registry(*lease, testing::FixedNow);
  Agency agency;
  agency.region_code = "3578";
  agency.name = "Dinas Tanpa Pelaku";
  ASSERT_TRUE(registry.CreateAgency(agency));
  AuditQuery query;
  query.record_type = "agency";
  query.limit = 1;
  EXPECT_EQ(lease->ListAudit(query).at(0).actor_name, "server");
}

}  // namespace
}  // namespace lumbung::http
