#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {

namespace {

// The shortest GS1 Company Prefix has four digits (GS1 General
// Specifications, "GS1 Company Prefix"); GS1-8 prefixes and UPC company
// codes are longer once normalised.
constexpr std::size_t kMinPrefixDigits = 4;

// Checks that `value` starts with a prefix-shaped run of digits; `offset` is
// where `value` sits in the component, for the error position.
std::optional<LintError> CheckPrefixAt(std::string_view value, std::size_t offset) {
  if (value.size() < kMinPrefixDigits) {
    return LintError{"TOO_SHORT_FOR_GCP", offset, value.size(),
                     "too short to start with a GS1 Company Prefix (at least " +
                         std::to_string(kMinPrefixDigits) + " digits)"};
  }
  for (std::size_t i = 0; i < kMinPrefixDigits; ++i) {
    if (value[i] < '0' || value[i] > '9') {
      return LintError{"INVALID_GCP_PREFIX", offset + i, 1,
                       "character " + std::to_string(offset + i + 1) + " ('" +
                           std::string(1, value[i]) +
                           "') cannot be part of a GS1 Company Prefix, which is all digits"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LintError> LintGcpPos1(std::string_view value) { return CheckPrefixAt(value, 0); }

std::optional<LintError> LintGcpPos2(std::string_view value) {
  if (value.empty()) return CheckPrefixAt(value, 0);
  return CheckPrefixAt(value.substr(1), 1);
}

}  // namespace txng::gs1
