// One AI with its value, and the checks that apply to a value on its own.
#ifndef TXNG_GS1_AI_VALUE_H_
#define TXNG_GS1_AI_VALUE_H_

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "gs1/ai_table.h"
#include "gs1/linters.h"

namespace txng::gs1 {

struct AiValue {
  std::string ai;
  std::string value;

  bool operator==(const AiValue&) const = default;
};

// The first rule `value` breaks, or nullopt. Length errors have the codes
// "TOO_SHORT" and "TOO_LONG"; other codes are the linters' (see linters.h).
// Positions are relative to the whole value.
std::optional<LintError> CheckAiValue(const AiEntry& entry, std::string_view value);

// A quick yes: true only when CheckAiValue finds nothing wrong with `value`.
// False when it would or might (the caller then runs CheckAiValue, which says
// what is wrong). Much cheaper on valid values: it builds no error and passes
// check digits, dates and company prefixes of numeric components without
// running their linters. ValidateAiValue tries it first.
bool PassesAiValueQuickly(const AiEntry& entry, std::string_view value);

// For a value that breaks a rule: "(AI)" and the value up to the end of the
// offending component, with the offending characters between '|', e.g.
// "(8001)1|X|34". nullopt when the value is valid.
std::optional<std::string> MarkUpAiValueError(const AiEntry& entry, std::string_view value);

// Checks `value` against the components of `entry`: lengths, character sets
// and every linter TXNG implements (linters needing outside data, such as the
// company-prefix ones "gcppos1"/"gcppos2", are not applied). The error names
// the AI, the position in the value (1-based) and the rule, e.g.
// `AI (17): month 13 is not a month (position 3 of "991325")`.
Status ValidateAiValue(const AiEntry& entry, std::string_view value);

// Checks the value of an AI that is not in the table (allowed only when the
// caller permits unknown AIs): 1 to 90 characters of set 82.
Status ValidateUnknownAiValue(std::string_view ai, std::string_view value);

}  // namespace txng::gs1

#endif  // TXNG_GS1_AI_VALUE_H_
