#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <stdexcept>

#include "auth/sodium.hpp"
#include "auth/tokens.hpp"

namespace lumbung::auth {
namespace {

// Cost of a hash: libsodium's INTERACTIVE limits (argon2id, 2 passes over 64 MiB), its advice for
// online sign-in. MODERATE (3 passes over 256 MiB, about 0.6 s here) would let a handful of
// concurrent sign-ins exhaust a small regional server's memory and stall every request, while
// INTERACTIVE still makes each guess against a stolen database cost 64 MiB and a tenth of a second.
// Measured on the 2-core development machine: one HashPassword or VerifyPassword takes about
// 95 ms, in the debug (ASan) build as in the release build, because the work is done inside the
// prebuilt libsodium, which the sanitizers do not instrument.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
constexpr int kAlgorithm = crypto_pwhash_ALG_ARGON2ID13;
constexpr std::string_view kArgon2idPrefix = crypto_pwhash_argon2id_STRPREFIX;

constexpr std::size_t kMinCodePoints = 10;
constexpr std::size_t kMaxBytes = 1024;

// Passwords attackers try first, in lower case. Only ones of at least kMinCodePoints characters
// are listed: shorter ones are already refused as too short.
constexpr std::array<std::string_view, 48> kCommonPasswords = {
    "0000000000",    "0123456789",    "0987654321",   "1111111111", "1234567890",   "1234567891",
    "12345678910",   "123456789a",    "123456789q",   "1q2w3e4r5t", "1qaz2wsx3edc", "a1b2c3d4e5",
    "aaaaaaaaaa",    "abc1234567",    "abcdefghij",   "admin12345", "admin123456",  "adminadmin",
    "administrator", "alhamdulillah", "asdfghjkl1",   "bismillah1", "bismillah123", "changeme123",
    "cintaku123",    "garuda1945",    "iloveyou12",   "indonesia1", "indonesia123", "indonesia45",
    "jakarta123",    "katasandi1",    "katasandi123", "letmein123", "merdeka1945",  "p@ssw0rd123",
    "pancasila1",    "pancasila45",   "passw0rd123",  "password12", "password123",  "password1234",
    "qwerty12345",   "qwerty123456",  "qwertyuiop",   "rahasia123", "sayangku123",  "welcome123",
};

constexpr std::size_t CountCodePoints(std::string_view text) {
  // Every UTF-8 code point has exactly one byte that is not a continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

static_assert(std::ranges::all_of(kCommonPasswords,
                                  [](std::string_view common) {
                                    return CountCodePoints(common) >= kMinCodePoints &&
                                           std::ranges::all_of(
                                               common, [](char c) { return AsciiLower(c) == c; });
                                  }),
              "every common password must be long enough to reach the list, and in lower case");

// Folds ASCII letters only: full Unicode case folding would need ICU, and a non-ASCII password
// that matches the username or the list only up to case is at worst let through.
bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

// libsodium declares its password arguments non-null, and an empty string_view may hold none.
const char* DataOf(std::string_view text) { return text.data() != nullptr ? text.data() : ""; }

// The hash VerifyAgainstDummy checks against: made once, on first use, with the same cost as
// real hashes, of a random password that is thrown away.
const std::string& DummyHash() {
  static const std::string hash = HashPassword(NewToken());
  return hash;
}

}  // namespace

std::string HashPassword(std::string_view password) {
  internal::EnsureSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, DataOf(password), password.size(), kOpsLimit, kMemLimit,
                            kAlgorithm) != 0) {
    throw std::runtime_error("argon2id password hashing failed (out of memory)");
  }
  return hash;
}

bool VerifyPassword(std::string_view password, const std::string& stored_hash) {
  internal::EnsureSodium();
  return crypto_pwhash_str_verify(stored_hash.c_str(), DataOf(password), password.size()) == 0;
}

void VerifyAgainstDummy(std::string_view password) {
  // The result is meaningless: only the time spent matters.
  static_cast<void>(VerifyPassword(password, DummyHash()));
}

bool NeedsRehash(const std::string& stored_hash) {
  internal::EnsureSodium();
  // crypto_pwhash_str_needs_rehash compares only the cost, so an argon2i hash of the same cost
  // would pass; the algorithm is checked first.
  if (!stored_hash.starts_with(kArgon2idPrefix)) return true;
  return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), kOpsLimit, kMemLimit) != 0;
}

std::optional<std::string> PasswordProblem(std::string_view password, std::string_view username) {
  // The byte limit comes first, so that an enormous input is refused before it is scanned.
  if (password.size() > kMaxBytes) return "too_long";
  if (CountCodePoints(password) < kMinCodePoints) return "too_short";
  if (EqualsIgnoringCase(password, username)) return "same_as_username";
  const bool common = std::ranges::any_of(kCommonPasswords, [password](std::string_view entry) {
    return EqualsIgnoringCase(password, entry);
  });
  if (common) return "too_common";
  return std::nullopt;
}

}  // namespace lumbung::auth
