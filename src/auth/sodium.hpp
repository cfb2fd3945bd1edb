// One-time initialisation of libsodium, shared by the files of src/auth (not part of its API).
#pragma once

namespace lumbung::auth::internal {

// Initialises libsodium once per process, from whichever thread gets here first; every function
// of src/auth calls it before its first libsodium call. Throws std::runtime_error if libsodium
// cannot start (it found no source of randomness).
void EnsureSodium();

}  // namespace lumbung::auth::internal
