#include "demo/demo_accounts.hpp"

#include <gtest/gtest.h>

#include "auth/password.hpp"
#include "demo/demo.hpp"
#include "domain/registry.hpp"
#include "support/test_support.hpp"

namespace lumbung::demo {
namespace {

TEST(DemoAccounts, OnePerRoleWithAWorkingPassword) {
  testing::TempDatabase db;
  Registry registry(db.store(), testing::FixedNow);
  ASSERT_TRUE(LoadDemo(db.store(), registry, {}));
  auto accounts = EnsureDemoAccounts(db.store(), "9971", "2026-06-15T03:00:00Z");
  ASSERT_TRUE(accounts);
  EXPECT_EQ(accounts->size(), 6u);  // a demo-only database also gets the admin
  for (const auto& account : *accounts) {
    auto user = db.store().FindUserByName(account.username);
    ASSERT_TRUE(user) << account.username;
    ASSERT_EQ(user->roles.size(), 1u);
    EXPECT_EQ(user->roles[0].role, account.role);
    EXPECT_TRUE(auth::VerifyPassword(account.password, db.store().PasswordHashOf(user->id)));
  }
  auto counter = db.store().ChangeCounter();
  ASSERT_TRUE(EnsureDemoAccounts(db.store(), "9971", "2026-06-15T03:00:00Z"));
  EXPECT_EQ(db.store().ChangeCounter(), counter) << "a second run creates nothing";
}

TEST(DemoAccounts, NoKnownAdminBesideRealRegions) {
  testing::TempDatabase db;
  Registry registry(db.store(), testing::FixedNow);
  ASSERT_TRUE(registry.CreateRegion(
      {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
  ASSERT_TRUE(LoadDemo(db.store(), registry, {}));
  auto accounts = EnsureDemoAccounts(db.store(), "9971", "2026-06-15T03:00:00Z");
  ASSERT_TRUE(accounts);
  EXPECT_EQ(accounts->size(), 5u);
  EXPECT_FALSE(db.store().FindUserByName("demo-admin"));
  EXPECT_EQ(db.store().CountActiveAdmins(), 0);
}

}  // namespace
}  // namespace lumbung::demo
