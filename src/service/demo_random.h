// DemoRandom: the seeded random source of the demo generator.
//
// The draws are defined here rather than by <random>'s distributions, whose
// results differ between standard libraries: std::mt19937_64's sequence is
// fixed by the C++ standard, so a seed gives the same province everywhere.
#ifndef TXNG_SERVICE_DEMO_RANDOM_H_
#define TXNG_SERVICE_DEMO_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace txng::demo {

class DemoRandom {
 public:
  explicit DemoRandom(uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n); n must be positive.
  size_t Index(size_t n) {
    // Rejects the top partial block of the engine's range so that every
    // index is equally likely.
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x = engine_();
    while (x >= limit) x = engine_();
    return static_cast<size_t>(x % n);
  }

  // Uniform in [lo, hi], both included; lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Index(static_cast<size_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Uniform in [lo, hi).
  double Real(double lo, double hi) { return lo + (hi - lo) * Unit(); }

  // An index drawn with probability proportional to its weight; the weights
  // are non-negative and at least one is positive.
  size_t Weighted(std::span<const int64_t> weights) {
    int64_t total = 0;
    for (int64_t w : weights) total += w;
    int64_t x = Between(0, total - 1);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Index(items.size())];
  }

  // Fisher–Yates.
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Index(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace txng::demo

#endif  // TXNG_SERVICE_DEMO_RANDOM_H_
