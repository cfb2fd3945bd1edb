#include "auth/throttle.hpp"

#include <sodium.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "auth/sodium.hpp"

namespace lumbung::auth {
namespace {

static_assert(crypto_shorthash_KEYBYTES == 16, "LoginThrottle::hash_key_ has the wrong size");

// Failures beyond which the wait no longer grows (it has reached kMaxWait long before); the count
// stops here rather than overflow.
constexpr int kMaxCountedFailures = 64;

// The wait owed after `failures` failures, counted from the latest one.
std::chrono::milliseconds WaitAfter(int failures) {
  if (failures <= LoginThrottle::kFreeFailures) return std::chrono::milliseconds(0);
  std::chrono::milliseconds wait = LoginThrottle::kFirstWait;
  for (int i = LoginThrottle::kFreeFailures + 1; i < failures && wait < LoginThrottle::kMaxWait;
       ++i) {
    wait *= 2;
  }
  return std::min(wait, LoginThrottle::kMaxWait);
}

}  // namespace

LoginThrottle::LoginThrottle(Clock now, std::size_t max_keys)
    : now_(std::move(now)), max_keys_(max_keys) {
  internal::EnsureSodium();
  crypto_shorthash_keygen(hash_key_.data());
}

std::chrono::milliseconds LoginThrottle::Wait(std::string_view account,
                                              std::string_view address) const {
  const std::uint64_t account_key = KeyOf(KeyKind::kAccount, account);
  const std::uint64_t address_key = KeyOf(KeyKind::kAddress, address);
  const TimePoint now = now_();
  std::lock_guard lock(mutex_);
  return std::max(WaitOf(account_key, now), WaitOf(address_key, now));
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address) {
  const std::uint64_t account_key = KeyOf(KeyKind::kAccount, account);
  const std::uint64_t address_key = KeyOf(KeyKind::kAddress, address);
  const TimePoint now = now_();
  std::lock_guard lock(mutex_);
  ForgetExpired(now);
  Fail(account_key, now);
  Fail(address_key, now);
}

void LoginThrottle::RecordSuccess(std::string_view account, std::string_view /*address*/) {
  const std::uint64_t account_key = KeyOf(KeyKind::kAccount, account);
  const TimePoint now = now_();
  std::lock_guard lock(mutex_);
  ForgetExpired(now);
  if (auto found = entries_.find(account_key); found != entries_.end()) {
    by_age_.erase(found->second);
    entries_.erase(found);
  }
}

std::uint64_t LoginThrottle::KeyOf(KeyKind kind, std::string_view text) const {
  // Only ASCII letters are folded: account names and addresses are ASCII, and a non-ASCII name
  // that differs only in case merely gets a counter of its own.
  std::string folded;
  folded.reserve(text.size() + 1);
  folded.push_back(static_cast<char>(kind));
  for (char c : text) folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  unsigned char hash[crypto_shorthash_BYTES];
  crypto_shorthash(hash, reinterpret_cast<const unsigned char*>(folded.data()), folded.size(),
                   hash_key_.data());
  std::uint64_t key = 0;
  for (unsigned char byte : hash) key = (key << 8) | byte;
  return key;
}

std::chrono::milliseconds LoginThrottle::WaitOf(std::uint64_t key, TimePoint now) const {
  auto found = entries_.find(key);
  if (found == entries_.end()) return std::chrono::milliseconds(0);
  const Entry& entry = *found->second;
  // Entries are removed only when something is recorded, so an expired one may still be here.
  if (now - entry.latest_failure >= kForgetAfter) return std::chrono::milliseconds(0);
  const auto remaining = entry.latest_failure + WaitAfter(entry.failures) - now;
  if (remaining <= TimePoint::duration::zero()) return std::chrono::milliseconds(0);
  // Rounded up, so that a caller who waits the answer out is never refused again.
  return std::chrono::ceil<std::chrono::milliseconds>(remaining);
}

void LoginThrottle::Fail(std::uint64_t key, TimePoint now) {
  auto found = entries_.find(key);
  if (found == entries_.end()) {
    by_age_.push_back(Entry{.key = key, .failures = 1, .latest_failure = now});
    entries_.emplace(key, std::prev(by_age_.end()));
    while (entries_.size() > max_keys_) {
      entries_.erase(by_age_.front().key);
      by_age_.pop_front();
    }
    return;
  }
  Entry& entry = *found->second;
  // ForgetExpired has removed expired keys already if the clock only moves forward; this keeps
  // the count right should an injected clock not.
  if (now - entry.latest_failure >= kForgetAfter) entry.failures = 0;
  entry.failures = std::min(entry.failures + 1, kMaxCountedFailures);
  entry.latest_failure = now;
  // This key's latest failure is now the newest of all: move it to the back.
  by_age_.splice(by_age_.end(), by_age_, found->second);
}

void LoginThrottle::ForgetExpired(TimePoint now) {
  // by_age_ is ordered by latest failure, so the expired entries are all at its front.
  while (!by_age_.empty() && now - by_age_.front().latest_failure >= kForgetAfter) {
    entries_.erase(by_age_.front().key);
    by_age_.pop_front();
  }
}

}  // namespace lumbung::auth
