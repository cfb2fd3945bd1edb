// Random tokens (session ids, CSRF tokens, API tokens), their digests, and comparison of secrets
// in constant time.
#pragma once

#include <string>
#include <string_view>

namespace lumbung::auth {

// A fresh unguessable token: 32 random bytes as 43 characters of unpadded base64url, safe in
// URLs, cookies and headers without escaping.
std::string NewToken();

// The SHA-256 of a token as 64 lowercase hex digits: what the database stores in place of the
// token, so that a leaked database holds no usable session or API token.
std::string TokenDigest(std::string_view token);

// The SHA-256 of any bytes as 64 lowercase hex digits (the audit log's hash chain uses it).
std::string Sha256Hex(std::string_view data);

// Whether two secrets are equal, taking a time that depends only on their length, so that an
// attacker cannot find a secret byte by byte from response times.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace lumbung::auth
