// GS1 element strings: the bracketed human form "(01)09501101530003(10)ABC"
// and the encoded form that starts with FNC1 and separates variable-length
// values with FNC1 (written '^') or GS (0x1D).
#ifndef TXNG_GS1_ELEMENT_STRING_H_
#define TXNG_GS1_ELEMENT_STRING_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "gs1/ai_value.h"

namespace txng::gs1 {

struct ElementStringOptions {
  // Accept AIs that are not in the table when their length follows from
  // their first two digits; their values are 1..90 characters of set 82.
  bool permit_unknown_ais = false;
  // Check "req" rules (which AIs need which companions).
  bool validate_requisites = true;
  // Check "ex" rules, repeated AIs and signed keys.
  bool validate_exclusions = true;
};

// Parses "(AI)value(AI)value…"; a '(' inside a value is written "\(". Values
// are validated; the AIs are returned in the order given.
Result<std::vector<AiValue>> ParseBracketed(std::string_view input,
                                            const ElementStringOptions& options);

// Parses an encoded element string: '^' (FNC1 in first position), then AIs
// and values, with '^' or GS after each variable-length value that is not last.
Result<std::vector<AiValue>> ParseElementString(std::string_view input,
                                                const ElementStringOptions& options);

// Validates AIs gathered elsewhere (e.g. from a Digital Link URI): each value,
// then the rules over the whole set that `options` switches on.
Status ValidateAis(const std::vector<AiValue>& ais, const ElementStringOptions& options);

// The encoded element string of `ais`: '^' first, and '^' after each value of
// an AI that needs FNC1 when another AI follows. `separator` replaces the '^'
// between values (e.g. '\x1D' for scanner data).
std::string ToElementString(const std::vector<AiValue>& ais, char separator = '^');

// The bracketed form of `ais`, with '(' in values escaped as "\(".
std::string ToBracketed(const std::vector<AiValue>& ais);

}  // namespace txng::gs1

#endif  // TXNG_GS1_ELEMENT_STRING_H_
