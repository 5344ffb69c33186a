// GS1 syntax linters: content checks named in the Barcode Syntax Dictionary
// ("csum", "yymmd0", "cset82", ...), applied to one component of an AI value.
#ifndef TXNG_GS1_LINTERS_H_
#define TXNG_GS1_LINTERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace txng::gs1 {

// Why a component failed a linter. `code` is GS1's linter result name without
// its "GS1_LINTER_" prefix (e.g. "ILLEGAL_MONTH"); [position, position+length)
// are the offending characters of the component; `message` says it in words
// ("month 13 is not a month").
struct LintError {
  std::string code;
  std::size_t position;
  std::size_t length;
  std::string message;
};

// A linter: nullopt when `value` passes.
using Linter = std::optional<LintError> (*)(std::string_view value);

// The linter called `name`, or nullptr when TXNG does not implement it.
Linter FindLinter(std::string_view name);

// Character-set linters (linters_charset.cc).
std::optional<LintError> LintNumeric(std::string_view value);
std::optional<LintError> LintCset82(std::string_view value);
std::optional<LintError> LintCset39(std::string_view value);
std::optional<LintError> LintCset64(std::string_view value);

// Check digits (linters_check.cc): GS1 mod-10 over the whole value and the
// alphanumeric check character pair over its last two characters.
std::optional<LintError> LintCsum(std::string_view value);
std::optional<LintError> LintCsumAlpha(std::string_view value);

// Dates and times (linters_datetime.cc). "d0" dates allow day 00.
std::optional<LintError> LintYymmdd(std::string_view value);
// The date linters' verdict without their description: true when `value` is
// a date of `year_digits` (2 or 4) year digits, month and day (day 00 when
// `allow_day_zero`), which the matching linter passes. Builds nothing.
bool IsDate(std::string_view value, std::size_t year_digits, bool allow_day_zero);
std::optional<LintError> LintYymmd0(std::string_view value);
std::optional<LintError> LintYyyymmdd(std::string_view value);
std::optional<LintError> LintYyyymmd0(std::string_view value);
std::optional<LintError> LintHh(std::string_view value);
std::optional<LintError> LintMi(std::string_view value);
std::optional<LintError> LintSs(std::string_view value);
std::optional<LintError> LintHhmi(std::string_view value);

// Small value rules (linters_values.cc).
std::optional<LintError> LintYesNo(std::string_view value);
std::optional<LintError> LintNonZero(std::string_view value);
std::optional<LintError> LintZero(std::string_view value);
std::optional<LintError> LintNoZeroPrefix(std::string_view value);
std::optional<LintError> LintHasNonDigit(std::string_view value);
std::optional<LintError> LintWinding(std::string_view value);
std::optional<LintError> LintHyphen(std::string_view value);
std::optional<LintError> LintIso5218(std::string_view value);
std::optional<LintError> LintPieceOfTotal(std::string_view value);
std::optional<LintError> LintPosInSeqSlash(std::string_view value);
std::optional<LintError> LintLatitude(std::string_view value);
std::optional<LintError> LintLongitude(std::string_view value);

// Code lists (linters_codes.cc): ISO numeric country (optionally 999 for
// "unknown"), alpha-2 country and numeric currency codes; package types.
std::optional<LintError> LintIso3166(std::string_view value);
std::optional<LintError> LintIso3166Or999(std::string_view value);
std::optional<LintError> LintIso3166Alpha2(std::string_view value);
std::optional<LintError> LintIso4217(std::string_view value);
std::optional<LintError> LintPackageType(std::string_view value);
// GS1 Company Prefix position (linters_gcp.cc): the value starts with a GS1
// Company Prefix (gcppos1), or does so after its first character, an
// indicator or extension digit (gcppos2). Without a registry of allocated
// prefixes this checks what every prefix has: at least four digits.
std::optional<LintError> LintGcpPos1(std::string_view value);
std::optional<LintError> LintGcpPos2(std::string_view value);

// Formats (linters_formats.cc): importer index (7040), AIDC media type,
// percent-encoded text and IBAN.
std::optional<LintError> LintImporterIndex(std::string_view value);
std::optional<LintError> LintMediaType(std::string_view value);
std::optional<LintError> LintPercentEncoding(std::string_view value);
std::optional<LintError> LintIban(std::string_view value);

// Coupons (linters_coupon.cc): AI (8110) coupon code and AI (8112)
// paperless coupon offer.
std::optional<LintError> LintCouponCode(std::string_view value);
std::optional<LintError> LintCouponPosOffer(std::string_view value);

}  // namespace txng::gs1

#endif  // TXNG_GS1_LINTERS_H_
