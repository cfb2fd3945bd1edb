// Accounts, sessions, tokens, the workflow history and the audit trail in the store.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "auth/tokens.hpp"
#include "domain/audit.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "support/test_support.hpp"

namespace lumbung {
namespace {

class AccountsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.CreateRegion(
        {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    Agency agency;
    agency.region_code = "3578";
    agency.name = "Dinas Kesehatan";
    agency_ = registry_.CreateAgency(agency)->id;
  }

  User Operator() {
    User user;
    user.username = "Sari";
    user.display_name = "Sari Wulandari";
    user.email = "sari@example.org";
    user.roles = {{Role::kAgencyOperator, "", agency_, 0}};
    user.created_at = user.updated_at = "2026-06-15T03:00:00Z";
    return user;
  }

  Store& store() { return db_.store(); }

  testing::TempDatabase db_{GetParam()};
  Registry registry_{db_.store(), testing::FixedNow};
  Id agency_ = 0;
};

TEST_P(AccountsTest, UsersWithScopedRoles) {
  auto created = store().InsertUser(Operator(), "$argon2id$hash");
  ASSERT_TRUE(created);
  EXPECT_EQ(store().FindUserByName("SARI")->id, created->id);  // sign-in ignores case
  EXPECT_EQ(store().PasswordHashOf(created->id), "$argon2id$hash");
  EXPECT_EQ(created->roles.size(), 1u);
  EXPECT_EQ(store().ListUsers("3578").size(), 1u);  // through the agency's region
  EXPECT_EQ(store().ListUsers("3573").size(), 0u);
  EXPECT_EQ(store().InsertUser(Operator(), "x").error().code, ErrorCode::kConflict);
  EXPECT_EQ(store().CountActiveAdmins(), 0);
  User admin = Operator();
  admin.username = "admin";
  admin.roles = {{Role::kAdmin, "", 0, 0}};
  ASSERT_TRUE(store().InsertUser(admin, "x"));
  EXPECT_EQ(store().CountActiveAdmins(), 1);
}

TEST_P(AccountsTest, SessionsAndTokens) {
  auto user = store().InsertUser(Operator(), "x");
  store().InsertSession({"digest", user->id, "csrf", 100, 100, "127.0.0.1"});
  EXPECT_EQ(store().FindSession("digest")->csrf_token, "csrf");
  store().TouchSession("digest", 200);
  EXPECT_EQ(store().FindSession("digest")->last_seen, 200);
  store().InsertSession({"stale", user->id, "csrf", 100, 100, "127.0.0.1"});
  store().DeleteExpiredSessions(50, 150);  // idle since before 150
  EXPECT_FALSE(store().FindSession("stale"));
  EXPECT_TRUE(store().FindSession("digest"));
  store().DeleteSessionsOf(user->id);
  EXPECT_FALSE(store().FindSession("digest"));

  ApiToken token;
  token.digest = auth::TokenDigest("secret");
  token.user_id = user->id;
  token.name = "SIPD";
  token.scope = TokenScope::kRead;
  token.expires_at = 1000;
  auto inserted = store().InsertToken(token);
  ASSERT_TRUE(inserted);
  EXPECT_FALSE(store().FindTokenByDigest(auth::TokenDigest("secret"))->revoked);
  ASSERT_TRUE(store().RevokeToken(inserted->id));
  EXPECT_TRUE(store().FindTokenByDigest(auth::TokenDigest("secret"))->revoked);
}

TEST_P(AccountsTest, EveryChangeIsAuditedWithWhoAndWhat) {
  Actor sari;
  sari.user_id = 7;
  sari.name = "sari";
  sari.address = "10.1.2.3";
  store().SetActor(sari);
  Innovation innovation;
  innovation.region_code = "3578";
  innovation.agency_id = agency_;
  innovation.title = "Posyandu Digital";
  auto created = registry_.CreateInnovation(innovation);
  ASSERT_TRUE(created);
  Innovation changed = *created;
  changed.title = "Posyandu Digital Keliling";
  ASSERT_TRUE(registry_.UpdateInnovation(changed, 1));

  AuditQuery query;
  query.record_type = "innovation";
  query.record_id = std::to_string(created->id);
  auto entries = store().ListAudit(query);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");  // newest first
  EXPECT_EQ(entries[0].actor_name, "sari");
  EXPECT_EQ(entries[0].address, "10.1.2.3");
  EXPECT_EQ(entries[0].user_id, 7);
  EXPECT_NE(entries[0].before.find("\"Posyandu Digital\""), std::string::npos);
  EXPECT_NE(entries[0].after.find("Posyandu Digital Keliling"), std::string::npos);
  EXPECT_EQ(entries[0].prev_hash, entries[1].hash);
}

TEST_P(AccountsTest, TheAuditLogCannotBeChangedOrDeleted) {
  ASSERT_FALSE(store().ListAudit({}).empty());  // the region and agency of SetUp
  // Even plain SQL against the file is refused by the log's triggers.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((db_.folder() / "lumbung.db").c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit_log SET actor_name = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(store().ListAudit({}).size(), 2u);
}

TEST_P(AccountsTest, TheChainLinksEveryEntryToTheOneBefore) {
  std::string previous;
  long long count = 0;
  store().ForEachAudit([&](const AuditEntry& entry) {
    EXPECT_EQ(entry.prev_hash, previous);
    EXPECT_EQ(entry.hash, auth::Sha256Hex(AuditChainText(entry)));
    previous = entry.hash;
    ++count;
    return true;
  });
  EXPECT_EQ(count, 2);  // the region and the agency
}

TEST_P(AccountsTest, VisibilityFollowsThePolicy) {
  for (auto status : {RecordStatus::kDraft, RecordStatus::kPublished}) {
    Innovation innovation;
    innovation.region_code = "3578";
    innovation.agency_id = agency_;
    innovation.title = std::string(ToString(status));
    innovation.status = status;
    ASSERT_TRUE(registry_.CreateInnovation(innovation));
  }
  InnovationQuery query;
  RestrictToVisible(Actor::Public("127.0.0.1"), query);
  auto page = store().ListInnovations(query);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].status, RecordStatus::kPublished);

  Actor sari;
  sari.user_id = 1;
  sari.roles = {{Role::kAgencyOperator, "", agency_, 0}};
  InnovationQuery own;
  RestrictToVisible(sari, own);
  EXPECT_EQ(store().ListInnovations(own).total, 2);

  Actor other;
  other.user_id = 2;
  other.roles = {{Role::kAgencyOperator, "", agency_ + 100, 0}};
  InnovationQuery theirs;
  RestrictToVisible(other, theirs);
  EXPECT_EQ(store().ListInnovations(theirs).total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lumbung
