// GS1 mod-10 check digits (GS1 General Specifications §7.9.1), used by GTIN,
// GLN, SSCC, GSRN and the other numeric keys.
#ifndef TXNG_GS1_CHECK_DIGIT_H_
#define TXNG_GS1_CHECK_DIGIT_H_

#include <optional>
#include <string>
#include <string_view>

namespace txng::gs1 {

// The check digit ('0'..'9') for `digits`, which holds the key without its
// check digit. nullopt when `digits` is empty or holds a non-digit.
std::optional<char> Mod10CheckDigit(std::string_view digits);

// True when `key` is all digits and its last digit is the right check digit.
bool HasValidCheckDigit(std::string_view key);

// A GTIN-8, -12, -13 or -14 with a valid check digit, left-padded with zeros
// to 14 digits; nullopt otherwise.
std::optional<std::string> NormalizeGtin(std::string_view gtin);

// True for a 13-digit GLN with a valid check digit.
bool IsValidGln(std::string_view gln);

}  // namespace txng::gs1

#endif  // TXNG_GS1_CHECK_DIGIT_H_
