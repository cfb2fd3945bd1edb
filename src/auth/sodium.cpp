#include "auth/sodium.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace lumbung::auth::internal {

void EnsureSodium() {
  static std::once_flag once;
  // If sodium_init fails, call_once lets the exception through and a later call tries again.
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  });
}

}  // namespace lumbung::auth::internal
