// Password hashing (argon2id), verification that does not reveal whether an account exists, and
// the rules a new password must meet.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lumbung::auth {

// Hashes a password for storage, as a self-describing argon2id string ("$argon2id$v=19$m=...")
// that holds its own random salt and cost, so two hashes of one password differ. Throws
// std::runtime_error only if libsodium fails (it could not get the memory it needs).
std::string HashPassword(std::string_view password);

// Whether `password` matches a hash made by HashPassword; false also when `stored_hash` is not
// a hash libsodium can read.
bool VerifyPassword(std::string_view password, const std::string& stored_hash);

// Spends as long as VerifyPassword does, against a fixed hash no password is known for: a
// sign-in for an account that does not exist calls it so that it takes as long as one for an
// account that does, and timing cannot tell which accounts exist.
void VerifyAgainstDummy(std::string_view password);

// Whether a stored hash was made with another algorithm or cost than HashPassword uses today
// (or cannot be read), so it should be replaced by a fresh hash after the next good sign-in.
bool NeedsRehash(const std::string& stored_hash);

// Why `password` may not be chosen by the account `username`, as a reason code: "too_short"
// (under 10 characters), "too_long" (over 1024 bytes), "same_as_username" (ignoring case) or
// "too_common" (on a built-in list of passwords attackers try first, ignoring case); nullopt
// when the password is acceptable.
std::optional<std::string> PasswordProblem(std::string_view password, std::string_view username);

}  // namespace lumbung::auth
