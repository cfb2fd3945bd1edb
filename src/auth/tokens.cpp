#include "auth/tokens.hpp"

#include <sodium.h>

#include "auth/sodium.hpp"

namespace lumbung::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

}  // namespace

std::string NewToken() {
  internal::EnsureSodium();
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(kTokenBytes, kBase64Variant)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kBase64Variant);
  return text;
}

std::string TokenDigest(std::string_view token) { return Sha256Hex(token); }

std::string Sha256Hex(std::string_view data) {
  internal::EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Lengths are not secret (tokens have a fixed length), so a mismatch may return at once.
  if (a.size() != b.size()) return false;
  // Two empty views may hold null pointers, which sodium_memcmp must not be given.
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace lumbung::auth
