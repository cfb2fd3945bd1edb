#include "auth/tokens.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace lumbung::auth {
namespace {

bool IsBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

TEST(Tokens, AreFortyThreeCharactersOfBase64Url) {
  const std::string token = NewToken();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_TRUE(std::ranges::all_of(token, IsBase64Url)) << token;
}

TEST(Tokens, AreDistinct) {
  std::set<std::string> tokens;
  for (int i = 0; i < 1000; ++i) tokens.insert(NewToken());
  EXPECT_EQ(tokens.size(), 1000u);
}

TEST(Tokens, DigestIsSixtyFourLowerHexDigits) {
  const std::string token = NewToken();
  const std::string digest = TokenDigest(token);
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_TRUE(std::ranges::all_of(digest, IsLowerHex)) << digest;
  EXPECT_EQ(digest, TokenDigest(token));
  EXPECT_EQ(digest, Sha256Hex(token));
  EXPECT_NE(digest, TokenDigest(NewToken()));
}

TEST(Tokens, Sha256KnownAnswers) {
  // FIPS 180-2, appendix B.1, and the digest of no bytes.
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex(std::string_view()), Sha256Hex(""));
  // Bytes after a NUL count.
  EXPECT_NE(Sha256Hex(std::string_view("a\0b", 3)), Sha256Hex("a"));
}

TEST(Tokens, ConstantTimeEquals) {
  struct Case {
    std::string_view a;
    std::string_view b;
    bool equal;
  };
  const Case cases[] = {
      {"secret-token", "secret-token", true},
      {"secret-token", "secret-tokeN", false},
      {"secret-token", "Secret-token", false},
      {"secret-token", "secret-toke", false},
      {"secret", "secret-token", false},
      {"", "", true},
      {std::string_view(), "", true},
      {std::string_view(), "x", false},
      {std::string_view("a\0b", 3), std::string_view("a\0c", 3), false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ConstantTimeEquals(c.a, c.b), c.equal) << "'" << c.a << "' vs '" << c.b << "'";
    EXPECT_EQ(ConstantTimeEquals(c.b, c.a), c.equal) << "'" << c.b << "' vs '" << c.a << "'";
  }
}

}  // namespace
}  // namespace lumbung::auth
