#include <array>
#include <string>

#include "gs1/check_digit.h"
#include "gs1/linters.h"

namespace txng::gs1 {
namespace {

constexpr std::string_view kCset82 =
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
// The 32 characters a check pair is written with.
constexpr std::string_view kCset32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
// The longest data (before the check pair) that the weights cover.
constexpr std::size_t kMaxCheckPairData = 97;

// Weights of the data characters: the primes 2, 3, 5, ..., the first for the
// character nearest the check pair.
constexpr std::array<int, kMaxCheckPairData> PrimeWeights() {
  std::array<int, kMaxCheckPairData> primes{};
  std::size_t count = 0;
  for (int n = 2; count < primes.size(); ++n) {
    bool prime = true;
    for (std::size_t k = 0; k < count && primes[k] * primes[k] <= n; ++k) {
      if (n % primes[k] == 0) prime = false;
    }
    if (prime) primes[count++] = n;
  }
  return primes;
}
constexpr std::array<int, kMaxCheckPairData> kPrimeWeights = PrimeWeights();

}  // namespace

std::optional<LintError> LintCsum(std::string_view value) {
  if (value.empty()) {
    return LintError{"TOO_SHORT_FOR_CHECK_DIGIT", 0, 0, "no digits to hold a check digit"};
  }
  if (auto bad = LintNumeric(value)) return bad;
  if (HasValidCheckDigit(value)) return std::nullopt;
  char expected = *Mod10CheckDigit(value.substr(0, value.size() - 1));
  return LintError{
      "INCORRECT_CHECK_DIGIT", value.size() - 1, 1,
      "check digit " + std::string(1, value.back()) + " should be " + std::string(1, expected)};
}

std::optional<LintError> LintCsumAlpha(std::string_view value) {
  if (value.size() < 2) {
    return LintError{"TOO_SHORT_FOR_CHECK_PAIR", 0, value.size(),
                     "too short to hold a check character pair"};
  }
  std::string_view data = value.substr(0, value.size() - 2);
  if (data.size() > kPrimeWeights.size()) {
    return LintError{"TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION", 0, value.size(),
                     "too long for a check character pair"};
  }
  if (auto bad = LintCset82(data)) return bad;
  int sum = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    int weight = kPrimeWeights[data.size() - 1 - i];
    sum += static_cast<int>(kCset82.find(data[i])) * weight;
  }
  sum %= 1021;
  std::string expected = {kCset32[sum / 32], kCset32[sum % 32]};
  if (value.substr(data.size()) == expected) return std::nullopt;
  return LintError{
      "INCORRECT_CHECK_PAIR", data.size(), 2,
      "check character pair " + std::string(value.substr(data.size())) + " should be " + expected};
}

}  // namespace txng::gs1
