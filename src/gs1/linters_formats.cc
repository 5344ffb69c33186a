#include <cctype>
#include <string>

#include "gs1/linters.h"

namespace txng::gs1 {
namespace {

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool IsUpperAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

// Below 5 characters there is no country, check digits and account; no
// country's IBAN is shorter than 15 (Norway's), checked once the country is.
constexpr std::size_t kIbanMinLength = 5;
constexpr std::size_t kIbanShortestNational = 15;
constexpr std::size_t kIbanMaxLength = 34;

}  // namespace

std::optional<LintError> LintImporterIndex(std::string_view value) {
  if (value.size() != 1) {
    return LintError{"IMPORTER_IDX_MUST_BE_ONE_CHARACTER", 0, value.size(),
                     "an importer index is one character"};
  }
  char c = value[0];
  if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_') {
    return std::nullopt;
  }
  return LintError{"INVALID_IMPORT_IDX_CHARACTER", 0, 1,
                   "an importer index is a letter, digit, '-' or '_'"};
}

// AIDC media types 01-10 and 80-99 (GS1 General Specifications, AI 7241).
std::optional<LintError> LintMediaType(std::string_view value) {
  if (value.size() == 2 && std::isdigit(static_cast<unsigned char>(value[0])) &&
      std::isdigit(static_cast<unsigned char>(value[1]))) {
    int type = (value[0] - '0') * 10 + (value[1] - '0');
    if ((type >= 1 && type <= 10) || type >= 80) return std::nullopt;
  }
  return LintError{"INVALID_MEDIA_TYPE", 0, value.size(),
                   "'" + std::string(value) + "' is not an AIDC media type"};
}

// Every '%' starts a "%HH" escape.
std::optional<LintError> LintPercentEncoding(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '%') continue;
    if (i + 2 < value.size() && IsHex(value[i + 1]) && IsHex(value[i + 2])) {
      i += 2;
      continue;
    }
    std::size_t length = std::min<std::size_t>(3, value.size() - i);
    return LintError{
        "INVALID_PERCENT_SEQUENCE", i, length,
        "'%' at position " + std::to_string(i + 1) + " is not followed by two hex digits"};
  }
  return std::nullopt;
}

// ISO 13616 IBAN: country, two check digits, account; mod 97 of the
// rearranged number is 1.
std::optional<LintError> LintIban(std::string_view value) {
  if (value.size() < kIbanMinLength) {
    return LintError{"IBAN_TOO_SHORT", 0, value.size(), "an IBAN has at least 5 characters"};
  }
  if (value.size() > kIbanMaxLength) {
    return LintError{"IBAN_TOO_LONG", 0, value.size(), "an IBAN has at most 34 characters"};
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!IsUpperAlnum(value[i])) {
      return LintError{
          "INVALID_IBAN_CHARACTER", i, 1,
          "character at position " + std::to_string(i + 1) + " is not a capital letter or digit"};
    }
  }
  if (LintIso3166Alpha2(value.substr(0, 2))) {
    return LintError{"ILLEGAL_IBAN_COUNTRY_CODE", 0, 2,
                     "'" + std::string(value.substr(0, 2)) + "' is not a country code"};
  }
  if (value.size() < kIbanShortestNational) {
    return LintError{"IBAN_TOO_SHORT", 0, value.size(), "no IBAN is shorter than 15 characters"};
  }
  std::string rearranged = std::string(value.substr(4)) + std::string(value.substr(0, 4));
  int remainder = 0;
  for (char c : rearranged) {
    int digit_value = c <= '9' ? c - '0' : c - 'A' + 10;
    remainder = (remainder * (digit_value >= 10 ? 100 : 10) + digit_value) % 97;
  }
  if (remainder == 1) return std::nullopt;
  return LintError{"INCORRECT_IBAN_CHECKSUM", 2, 2, "the IBAN check digits are wrong"};
}

}  // namespace txng::gs1
