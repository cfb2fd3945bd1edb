// A small deterministic random source for the demo generator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace lumbung::demo {

// Draws numbers from std::mt19937, whose output sequence the standard fixes for a given seed.
// The standard distributions are not fixed that way (libstdc++ and libc++ differ), so the demo
// maps raw draws to ranges itself: the same seed then gives the same region everywhere.
class Random {
 public:
  explicit Random(std::uint32_t seed) : engine_(seed) {}

  // A number in [0, count); count must be positive.
  std::size_t Below(std::size_t count) {
    auto draw = static_cast<std::uint64_t>(static_cast<std::uint32_t>(engine_()));
    return static_cast<std::size_t>((draw * count) >> 32);
  }

  // A number in [low, high].
  int Between(int low, int high) {
    return low + static_cast<int>(Below(static_cast<std::size_t>(high - low + 1)));
  }

  // True in `percent` cases out of a hundred.
  bool Percent(int percent) { return static_cast<int>(Below(100)) < percent; }

  // An index chosen with probability proportional to its weight; weights must not all be 0.
  std::size_t Weighted(std::span<const int> weights) {
    int total = 0;
    for (int weight : weights) total += weight;
    int point = static_cast<int>(Below(static_cast<std::size_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (point < weights[i]) return i;
      point -= weights[i];
    }
    return weights.size() - 1;
  }

  // One element of a non-empty list.
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  // `count` distinct elements of `items` (all of them when there are fewer), in list order.
  template <typename T>
  std::vector<T> Sample(const std::vector<T>& items, std::size_t count) {
    std::vector<T> chosen;
    std::size_t left = items.size();
    for (std::size_t i = 0; i < items.size() && chosen.size() < count; ++i, --left) {
      // Selection sampling (Knuth's algorithm S): each element is taken with the probability
      // that keeps every subset of the requested size equally likely.
      if (Below(left) < count - chosen.size()) chosen.push_back(items[i]);
    }
    return chosen;
  }

  // Puts the elements in a random order (Fisher-Yates).
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Below(i)]);
  }

 private:
  std::mt19937 engine_;
};

}  // namespace lumbung::demo
