// Throttling of failed sign-ins, per account and per network address, against password guessing.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace lumbung::auth {

// Slows password guessing: after a few failed sign-ins for one account, or from one address,
// every further attempt must wait, twice as long after each failure. The caller asks Wait before
// checking a password and refuses the attempt while it is not zero. Thread-safe; memory is
// bounded, however many accounts and addresses an attacker makes up.
class LoginThrottle {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Clock = std::function<TimePoint()>;

  // Failures a key may have before it has to wait at all (typing mistakes).
  static constexpr int kFreeFailures = 3;
  // The wait after the first failure beyond the free ones; it doubles with each further one.
  static constexpr std::chrono::milliseconds kFirstWait = std::chrono::seconds(1);
  // The longest wait, however many failures there were.
  static constexpr std::chrono::milliseconds kMaxWait = std::chrono::minutes(15);
  // A key whose latest failure is this old starts again from zero failures.
  static constexpr std::chrono::milliseconds kForgetAfter = std::chrono::minutes(15);
  // How many accounts and addresses are tracked at most; beyond it, the one whose latest failure
  // is oldest is forgotten. About 100 bytes each.
  static constexpr std::size_t kDefaultMaxKeys = 100'000;

  // A throttle reading the time from `now` (a fake clock in tests) and tracking at most
  // `max_keys` accounts and addresses together.
  explicit LoginThrottle(
      Clock now = [] { return std::chrono::steady_clock::now(); },
      std::size_t max_keys = kDefaultMaxKeys);

  // How long the caller must still wait before it may check another password for `account` from
  // `address`: the longer of the two keys' waits, zero when an attempt is allowed now.
  std::chrono::milliseconds Wait(std::string_view account, std::string_view address) const;

  // Counts a wrong password (or an unknown account, tracked exactly like a known one, so that the
  // throttle does not reveal which accounts exist) against both the account and the address.
  void RecordFailure(std::string_view account, std::string_view address);

  // Clears the account's failures after a good sign-in. The address keeps its failures: else an
  // attacker could sign in to an account of their own between guesses at others' to reset it.
  void RecordSuccess(std::string_view account, std::string_view address);

 private:
  enum class KeyKind : char { kAccount = 'a', kAddress = 'n' };

  // One tracked account or address.
  struct Entry {
    std::uint64_t key = 0;
    int failures = 0;
    TimePoint latest_failure;
  };

  // A keyed hash of the kind and the case-folded text: a fixed size whatever the caller passes,
  // and random per process, so an attacker cannot pick names that collide in the table.
  std::uint64_t KeyOf(KeyKind kind, std::string_view text) const;
  std::chrono::milliseconds WaitOf(std::uint64_t key, TimePoint now) const;
  void Fail(std::uint64_t key, TimePoint now);
  void ForgetExpired(TimePoint now);

  const Clock now_;
  const std::size_t max_keys_;
  std::array<unsigned char, 16> hash_key_{};  // crypto_shorthash_KEYBYTES

  mutable std::mutex mutex_;
  std::list<Entry> by_age_;  // guarded by mutex_; the oldest latest failure first
  std::unordered_map<std::uint64_t, std::list<Entry>::iterator> entries_;  // guarded by mutex_
};

}  // namespace lumbung::auth
