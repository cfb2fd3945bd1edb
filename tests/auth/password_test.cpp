#include "auth/password.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lumbung::auth {
namespace {

constexpr const char* kPassword = "correct horse battery";

// Made once with libsodium for the password above: an argon2i hash, and an argon2id hash of a
// far lower cost (8 KiB, 1 pass) than HashPassword uses.
constexpr const char* kArgon2iHash =
    "$argon2i$v=19$m=64,t=3,p=1$2NHjUeSTkhWaxzuvXexIGQ$4+PQU2DifKTMMuvSqzA2HfLoyFGZVBHvRne5rRCCzGQ";
constexpr const char* kCheapArgon2idHash =
    "$argon2id$v=19$m=8,t=1,p=1$xtvqNnulotoDuIMQueXVcA$keyT6ixELSLvbJT+UJGsekSy1huPE83JcOI2j3/9QIg";

TEST(Password, VerifiesTheHashedPassword) {
  const std::string hash = HashPassword(kPassword);
  EXPECT_TRUE(VerifyPassword(kPassword, hash));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", hash));
  EXPECT_FALSE(VerifyPassword("", hash));
}

TEST(Password, HashesTheEmptyPassword) {
  const std::string hash = HashPassword(std::string_view());
  EXPECT_TRUE(VerifyPassword("", hash));
  EXPECT_FALSE(VerifyPassword(" ", hash));
}

TEST(Password, HashIsArgon2idWithAFreshSalt) {
  const std::string first = HashPassword(kPassword);
  const std::string second = HashPassword(kPassword);
  EXPECT_TRUE(first.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << first;
  EXPECT_NE(first, second);
  EXPECT_TRUE(VerifyPassword(kPassword, second));
}

TEST(Password, MalformedStoredHashIsFalse) {
  const std::string good = HashPassword(kPassword);
  const std::vector<std::string> malformed = {
      "",
      "not a hash",
      "$argon2id$",
      good.substr(0, good.size() - 10),
      good + "A",
      "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
      std::string("$argon2id$\0", 11) + good,
  };
  for (const std::string& hash : malformed) {
    EXPECT_FALSE(VerifyPassword(kPassword, hash)) << hash;
  }
}

TEST(Password, OlderHashesVerifyButNeedRehash) {
  EXPECT_TRUE(VerifyPassword(kPassword, kArgon2iHash));
  EXPECT_TRUE(VerifyPassword(kPassword, kCheapArgon2idHash));
  EXPECT_TRUE(NeedsRehash(kArgon2iHash));
  EXPECT_TRUE(NeedsRehash(kCheapArgon2idHash));
  EXPECT_TRUE(NeedsRehash("not a hash"));
  EXPECT_FALSE(NeedsRehash(HashPassword(kPassword)));
}

TEST(Password, DummyVerificationTakesAsLongAsARealOne) {
  const std::string hash = HashPassword(kPassword);
  // The first call also makes the dummy hash; only later ones are measured.
  VerifyAgainstDummy(kPassword);
  using Clock = std::chrono::steady_clock;
  auto real = Clock::duration::max();
  auto dummy = Clock::duration::max();
  // The fastest of a few interleaved runs of each, so that a busy machine slowing one run does
  // not decide the outcome. Both do the same work, so they should be about equal; the bound is
  // loose on purpose and only catches a dummy that skips the hashing.
  for (int run = 0; run < 3; ++run) {
    auto start = Clock::now();
    EXPECT_FALSE(VerifyPassword("a wrong password", hash));
    real = std::min(real, Clock::now() - start);
    start = Clock::now();
    VerifyAgainstDummy("a wrong password");
    dummy = std::min(dummy, Clock::now() - start);
  }
  EXPECT_GE(dummy * 4, real) << "dummy " << std::chrono::duration<double, std::milli>(dummy).count()
                             << " ms, real "
                             << std::chrono::duration<double, std::milli>(real).count() << " ms";
}

TEST(Password, DummyIsSafeToStartFromSeveralThreads) {
  std::vector<std::thread> threads;
  threads.reserve(2);
  for (int i = 0; i < 2; ++i) threads.emplace_back([] { VerifyAgainstDummy(kPassword); });
  for (std::thread& thread : threads) thread.join();
}

// Each case: a password chosen by an account and the reason it is refused, if any.
struct PolicyCase {
  const char* name;
  std::string password;
  std::string username;
  std::optional<std::string> problem;
};

std::string Repeat(std::string_view piece, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += piece;
  return text;
}

const PolicyCase kPolicyCases[] = {
    {"acceptable", "kopi tubruk pagi", "budi", std::nullopt},
    {"empty", "", "budi", "too_short"},
    {"nine characters", "kopitubru", "budi", "too_short"},
    {"ten characters", "kopitubruk", "budi", std::nullopt},
    // Each "é" is two bytes: the limit counts characters, not bytes.
    {"nine characters in eighteen bytes", Repeat("\xC3\xA9", 9), "budi", "too_short"},
    {"ten characters in twenty bytes", Repeat("\xC3\xA9", 10), "budi", std::nullopt},
    {"1024 bytes", std::string(1024, 'k'), "budi", std::nullopt},
    {"1025 bytes", std::string(1025, 'k'), "budi", "too_long"},
    {"same as username", "budi.santoso", "budi.santoso", "same_as_username"},
    {"same as username in other case", "Budi.Santoso", "budi.santoso", "same_as_username"},
    {"username inside a longer password", "budi.santoso minum kopi", "budi.santoso", std::nullopt},
    {"common", "password123", "budi", "too_common"},
    {"common in upper case", "PASSWORD123", "budi", "too_common"},
    {"common digits", "12345678910", "budi", "too_common"},
    {"common keyboard row", "qwertyuiop", "budi", "too_common"},
    {"common admin", "admin12345", "budi", "too_common"},
    {"common Indonesian", "bismillah123", "budi", "too_common"},
    {"common country", "Indonesia1", "budi", "too_common"},
    {"short common is too short first", "123456", "budi", "too_short"},
};

void PrintTo(const PolicyCase& c, std::ostream* out) { *out << c.name; }

class PasswordPolicy : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PasswordPolicy, GivesTheReason) {
  EXPECT_EQ(PasswordProblem(GetParam().password, GetParam().username), GetParam().problem);
}

INSTANTIATE_TEST_SUITE_P(Cases, PasswordPolicy, ::testing::ValuesIn(kPolicyCases),
                         [](const auto& info) {
                           std::string name = info.param.name;
                           for (char& c : name) {
                             c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace lumbung::auth
