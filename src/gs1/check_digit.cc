#include "gs1/check_digit.h"

#include <algorithm>

namespace txng::gs1 {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<char> Mod10CheckDigit(std::string_view digits) {
  if (!AllDigits(digits)) return std::nullopt;
  // Weights alternate 3, 1, 3, ... starting from the rightmost digit.
  int sum = 0;
  int weight = 3;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    sum += (*it - '0') * weight;
    weight = 4 - weight;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool HasValidCheckDigit(std::string_view key) {
  if (key.size() < 2 || !AllDigits(key)) return false;
  return Mod10CheckDigit(key.substr(0, key.size() - 1)) == key.back();
}

std::optional<std::string> NormalizeGtin(std::string_view gtin) {
  const size_t n = gtin.size();
  if (n != 8 && n != 12 && n != 13 && n != 14) return std::nullopt;
  if (!HasValidCheckDigit(gtin)) return std::nullopt;
  return std::string(14 - n, '0') + std::string(gtin);
}

bool IsValidGln(std::string_view gln) { return gln.size() == 13 && HasValidCheckDigit(gln); }

}  // namespace txng::gs1
