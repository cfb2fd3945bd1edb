#include "auth/throttle.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace lumbung::auth {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// A clock that moves only when the test says so: no test sleeps.
class FakeClock {
 public:
  LoginThrottle::Clock AsClock() {
    return [this] { return now_; };
  }
  void Advance(LoginThrottle::TimePoint::duration by) { now_ += by; }

 private:
  LoginThrottle::TimePoint now_ = LoginThrottle::TimePoint(std::chrono::hours(1000));
};

class Throttle : public ::testing::Test {
 protected:
  FakeClock clock_;
  LoginThrottle throttle_{clock_.AsClock()};
};

TEST_F(Throttle, ThreeFreeFailuresThenDoublingUpToFifteenMinutes) {
  const std::vector<milliseconds> expected = {
      milliseconds(0), milliseconds(0), milliseconds(0), seconds(1),  seconds(2),   seconds(4),
      seconds(8),      seconds(16),     seconds(32),     seconds(64), seconds(128), seconds(256),
      seconds(512),    minutes(15),     minutes(15),     minutes(15),
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    throttle_.RecordFailure("budi", "10.0.0.1");
    EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), expected[i]) << "after failure " << i + 1;
  }
}

TEST_F(Throttle, WaitCountsDownFromTheLatestFailure) {
  for (int i = 0; i < 4; ++i) throttle_.RecordFailure("budi", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), seconds(1));
  clock_.Advance(milliseconds(400));
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), milliseconds(600));
  // Part of a millisecond left still counts as a millisecond to wait.
  clock_.Advance(std::chrono::microseconds(599'500));
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), milliseconds(1));
  clock_.Advance(std::chrono::microseconds(500));
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), milliseconds(0));
}

TEST_F(Throttle, FailuresWithoutWaitingStayCapped) {
  for (int i = 0; i < 1000; ++i) throttle_.RecordFailure("budi", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), minutes(15));
}

TEST_F(Throttle, SuccessClearsTheAccountButNotTheAddress) {
  for (int i = 0; i < 4; ++i) throttle_.RecordFailure("budi", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.2"), seconds(1));
  EXPECT_EQ(throttle_.Wait("sari", "10.0.0.1"), seconds(1));
  throttle_.RecordSuccess("budi", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.2"), milliseconds(0));
  EXPECT_EQ(throttle_.Wait("sari", "10.0.0.1"), seconds(1));
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), seconds(1));
}

TEST_F(Throttle, AddressLimitAppliesAcrossAccounts) {
  for (int i = 0; i < 5; ++i) throttle_.RecordFailure("user" + std::to_string(i), "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("someone.else", "10.0.0.1"), seconds(2));
  EXPECT_EQ(throttle_.Wait("someone.else", "10.0.0.2"), milliseconds(0));
}

TEST_F(Throttle, AccountLimitAppliesAcrossAddresses) {
  for (int i = 0; i < 5; ++i) throttle_.RecordFailure("budi", "10.0.0." + std::to_string(i));
  EXPECT_EQ(throttle_.Wait("budi", "192.168.1.1"), seconds(2));
  EXPECT_EQ(throttle_.Wait("sari", "192.168.1.1"), milliseconds(0));
}

TEST_F(Throttle, TheLongerOfTheTwoWaitsApplies) {
  for (int i = 0; i < 6; ++i) throttle_.RecordFailure("budi", "10.0.0." + std::to_string(i));
  for (int i = 0; i < 4; ++i) throttle_.RecordFailure("user" + std::to_string(i), "10.0.9.9");
  EXPECT_EQ(throttle_.Wait("budi", "10.0.9.9"), seconds(4));
  EXPECT_EQ(throttle_.Wait("sari", "10.0.9.9"), seconds(1));
}

TEST_F(Throttle, AccountsIgnoreCase) {
  for (int i = 0; i < 4; ++i)
    throttle_.RecordFailure("Budi.Santoso", "10.0.0." + std::to_string(i));
  EXPECT_EQ(throttle_.Wait("budi.santoso", "192.168.1.1"), seconds(1));
  EXPECT_EQ(throttle_.Wait("BUDI.SANTOSO", "192.168.1.1"), seconds(1));
  throttle_.RecordSuccess("BUDI.santoso", "192.168.1.1");
  EXPECT_EQ(throttle_.Wait("Budi.Santoso", "192.168.1.1"), milliseconds(0));
}

TEST_F(Throttle, FailuresAreForgottenFifteenMinutesAfterTheLatest) {
  for (int i = 0; i < 20; ++i) throttle_.RecordFailure("budi", "10.0.0.1");
  clock_.Advance(minutes(15) - milliseconds(1));
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), milliseconds(1));
  clock_.Advance(milliseconds(1));
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), milliseconds(0));
  // The count starts again: three free failures, then a second.
  for (int i = 0; i < 3; ++i) {
    throttle_.RecordFailure("budi", "10.0.0.1");
    EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), milliseconds(0));
  }
  throttle_.RecordFailure("budi", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), seconds(1));
}

TEST_F(Throttle, FailuresWithinFifteenMinutesKeepCounting) {
  for (int i = 0; i < 5; ++i) {
    throttle_.RecordFailure("budi", "10.0.0.1");
    clock_.Advance(minutes(14));
  }
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), milliseconds(0));
  throttle_.RecordFailure("budi", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("budi", "10.0.0.1"), seconds(4));
}

TEST(ThrottleMemory, ForgetsTheKeyWithTheOldestFailureBeyondTheLimit) {
  FakeClock clock;
  // Four keys: two accounts and two addresses.
  LoginThrottle throttle(clock.AsClock(), 4);
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("budi", "10.0.0.1");
  clock.Advance(milliseconds(10));
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("sari", "10.0.0.2");
  EXPECT_EQ(throttle.Wait("budi", "192.168.1.1"), seconds(1) - milliseconds(10));
  EXPECT_EQ(throttle.Wait("nobody", "10.0.0.1"), seconds(1) - milliseconds(10));
  // A fifth and sixth key push out budi and 10.0.0.1, whose failures are the oldest.
  throttle.RecordFailure("joko", "10.0.0.3");
  EXPECT_EQ(throttle.Wait("budi", "192.168.1.1"), milliseconds(0));
  EXPECT_EQ(throttle.Wait("nobody", "10.0.0.1"), milliseconds(0));
  EXPECT_EQ(throttle.Wait("sari", "192.168.1.1"), seconds(1));
  EXPECT_EQ(throttle.Wait("nobody", "10.0.0.2"), seconds(1));
}

TEST(ThrottleMemory, LongNamesAreAcceptedAndStillDistinct) {
  FakeClock clock;
  LoginThrottle throttle(clock.AsClock());
  const std::string long_name(1'000'000, 'x');
  for (int i = 0; i < 4; ++i) throttle.RecordFailure(long_name, "10.0.0.1");
  EXPECT_EQ(throttle.Wait(long_name, "192.168.1.1"), seconds(1));
  EXPECT_EQ(throttle.Wait(long_name + "y", "192.168.1.1"), milliseconds(0));
}

TEST(ThrottleThreads, CountsEveryFailureFromManyThreads) {
  FakeClock clock;
  LoginThrottle throttle(clock.AsClock());
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&throttle, t] {
      for (int i = 0; i < 500; ++i) {
        throttle.RecordFailure("user" + std::to_string(t * 1000 + i), "10.0.0.1");
        static_cast<void>(throttle.Wait("budi", "10.0.0.1"));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(throttle.Wait("budi", "10.0.0.1"), minutes(15));
  EXPECT_EQ(throttle.Wait("user1", "10.0.0.2"), milliseconds(0));
}

}  // namespace
}  // namespace lumbung::auth
