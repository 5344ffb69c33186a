#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {
namespace {

// GS1 character set 82 in the order that gives each character its value in
// the alphanumeric check pair (GS1 General Specifications §7.9.5).
constexpr std::string_view kCset82 =
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kCset39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

bool IsBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::optional<LintError> FirstOutside(std::string_view value, std::string_view set,
                                      const char* code, const char* set_name) {
  std::size_t bad = value.find_first_not_of(set);
  if (bad == std::string_view::npos) return std::nullopt;
  return LintError{code, bad, 1,
                   "character '" + std::string(1, value[bad]) + "' at position " +
                       std::to_string(bad + 1) + " is not in " + set_name};
}

}  // namespace

std::optional<LintError> LintNumeric(std::string_view value) {
  // A plain loop accepts digits; FirstOutside runs only to describe a fault.
  for (char c : value) {
    if (c < '0' || c > '9') {
      return FirstOutside(value, "0123456789", "NON_DIGIT_CHARACTER", "the digits 0-9");
    }
  }
  return std::nullopt;
}

std::optional<LintError> LintCset82(std::string_view value) {
  return FirstOutside(value, kCset82, "INVALID_CSET82_CHARACTER", "GS1 character set 82");
}

std::optional<LintError> LintCset39(std::string_view value) {
  return FirstOutside(value, kCset39, "INVALID_CSET39_CHARACTER", "GS1 character set 39");
}

// Base64url data optionally followed by '=' padding; padding is only allowed
// as one or two characters completing a group of three.
std::optional<LintError> LintCset64(std::string_view value) {
  std::size_t data_end = value.find_last_not_of('=');
  data_end = data_end == std::string_view::npos ? 0 : data_end + 1;
  for (std::size_t i = 0; i < data_end; ++i) {
    if (!IsBase64Url(value[i])) {
      return LintError{"INVALID_CSET64_CHARACTER", i, 1,
                       "character '" + std::string(1, value[i]) + "' at position " +
                           std::to_string(i + 1) + " is not in GS1 character set 64"};
    }
  }
  std::size_t padding = value.size() - data_end;
  if (padding == 0 || (padding <= 2 && data_end > 0 && value.size() % 3 == 0)) {
    return std::nullopt;
  }
  return LintError{"INVALID_CSET64_PADDING", data_end, padding, "invalid '=' padding"};
}

}  // namespace txng::gs1
