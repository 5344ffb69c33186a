#include "gs1/element_string.h"

#include <algorithm>

#include "gs1/ai_associations.h"
#include "gs1/ai_lookup.h"

namespace txng::gs1 {
namespace {

constexpr char kFnc1 = '^';
constexpr char kGroupSeparator = '\x1D';

bool IsSeparator(char c) { return c == kFnc1 || c == kGroupSeparator; }

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool NeedsFnc1(std::string_view ai) {
  const AiEntry* entry = FindAi(ai);
  return entry == nullptr || entry->fnc1_required;
}

// Validates one value, whether its AI is known (`entry` is its table entry)
// or, when permitted, not (nullptr). An unknown AI must still have the length
// its first two digits give, if any.
Status ValidatePair(const AiValue& pair, const AiEntry* entry,
                    const ElementStringOptions& options) {
  if (entry != nullptr) return ValidateAiValue(*entry, pair.value);
  auto length = AiLengthByPrefix(pair.ai.substr(0, 2));
  if (!options.permit_unknown_ais || (length && *length != static_cast<int>(pair.ai.size()))) {
    return Status::InvalidArgument("AI (" + pair.ai + ") is not a known AI", pair.ai);
  }
  return ValidateUnknownAiValue(pair.ai, pair.value);
}

Result<std::vector<AiValue>> ValidateAll(std::vector<AiValue> ais,
                                         const ElementStringOptions& options) {
  TXNG_RETURN_IF_ERROR(ValidateAis(ais, options));
  return ais;
}

std::string PositionText(std::size_t position) {
  return " at position " + std::to_string(position + 1);
}

}  // namespace

Status ValidateAis(const std::vector<AiValue>& ais, const ElementStringOptions& options) {
  AiLookup lookup;
  for (const AiValue& pair : ais) lookup.Add(pair.ai, FindAi(pair.ai));
  return ValidateAis(ais, lookup, options);
}

Status ValidateAis(const std::vector<AiValue>& ais, const AiLookup& lookup,
                   const ElementStringOptions& options) {
  if (ais.empty()) return Status::InvalidArgument("no AIs");
  for (std::size_t i = 0; i < ais.size(); ++i) {
    const AiEntry* entry = lookup.entry(i);
    if (entry != nullptr && PassesAiValueQuickly(*entry, ais[i].value)) continue;
    TXNG_RETURN_IF_ERROR(ValidatePair(ais[i], entry, options));
  }
  if (!AssociationsHoldQuickly(lookup, options.validate_exclusions, options.validate_requisites)) {
    if (options.validate_exclusions) {
      TXNG_RETURN_IF_ERROR(ValidateExclusionsAndRepeats(ais, lookup));
    }
    if (options.validate_requisites) TXNG_RETURN_IF_ERROR(ValidateRequisites(ais, lookup));
  }
  return Status::Ok();
}

Result<std::vector<AiValue>> ParseBracketed(std::string_view input,
                                            const ElementStringOptions& options) {
  std::vector<AiValue> ais;
  std::size_t i = 0;
  while (i < input.size()) {
    if (input[i] != '(') {
      return Status::InvalidArgument("expected '(' to start an AI" + PositionText(i));
    }
    std::size_t close = input.find(')', i + 1);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument("AI opened" + PositionText(i) + " is not closed");
    }
    std::string_view ai = input.substr(i + 1, close - i - 1);
    if (!AllDigits(ai) || ai.size() < 2 || ai.size() > 4) {
      return Status::InvalidArgument("(" + std::string(ai) + ")" + PositionText(i) +
                                     " is not an AI of 2 to 4 digits");
    }
    std::string value;
    i = close + 1;
    while (i < input.size() && input[i] != '(') {
      if (input[i] == '\\' && i + 1 < input.size() && input[i + 1] == '(') ++i;
      if (input[i] == kFnc1) {
        return Status::InvalidArgument(
            "AI (" + std::string(ai) + "): '^' is not allowed" + PositionText(i), std::string(ai));
      }
      value += input[i++];
    }
    if (value.empty()) {
      return Status::InvalidArgument("AI (" + std::string(ai) + ") has no value", std::string(ai));
    }
    ais.push_back({std::string(ai), std::move(value)});
  }
  return ValidateAll(std::move(ais), options);
}

Result<std::vector<AiValue>> ParseElementString(std::string_view input,
                                                const ElementStringOptions& options) {
  if (input.empty() || input[0] != kFnc1) {
    return Status::InvalidArgument("an element string starts with FNC1 ('^')");
  }
  std::vector<AiValue> ais;
  std::size_t i = 1;
  while (i < input.size()) {
    auto length = AiLengthByPrefix(input.substr(i, 2));
    if (!length || i + *length > input.size() || !AllDigits(input.substr(i, *length))) {
      return Status::InvalidArgument("no known AI" + PositionText(i));
    }
    std::string ai(input.substr(i, *length));
    const AiEntry* entry = FindAi(ai);
    if (entry == nullptr && !options.permit_unknown_ais) {
      return Status::InvalidArgument("AI (" + ai + ")" + PositionText(i) + " is not a known AI",
                                     ai);
    }
    i += *length;
    std::size_t end;
    if (entry != nullptr && !entry->fnc1_required) {
      end = std::min(input.size(), i + static_cast<std::size_t>(MaxValueLength(*entry)));
    } else {
      end = i;
      while (end < input.size() && !IsSeparator(input[end])) ++end;
    }
    ais.push_back({std::move(ai), std::string(input.substr(i, end - i))});
    i = end;
    if (i < input.size() && IsSeparator(input[i])) ++i;
  }
  return ValidateAll(std::move(ais), options);
}

std::string ToElementString(const std::vector<AiValue>& ais, char separator) {
  std::string out(1, kFnc1);
  for (std::size_t k = 0; k < ais.size(); ++k) {
    out += ais[k].ai;
    out += ais[k].value;
    if (k + 1 < ais.size() && NeedsFnc1(ais[k].ai)) out += separator;
  }
  return out;
}

std::string ToBracketed(const std::vector<AiValue>& ais) {
  std::string out;
  for (const AiValue& pair : ais) {
    out += '(' + pair.ai + ')';
    for (char c : pair.value) {
      if (c == '(') out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace txng::gs1
