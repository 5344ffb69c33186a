// GS1 Digital Link primary keys and the qualifiers that may follow them in
// a URI path.
#ifndef TXNG_GS1_DIGITAL_LINK_KEYS_H_
#define TXNG_GS1_DIGITAL_LINK_KEYS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "gs1/ai_table.h"
#include "gs1/ai_value.h"

namespace txng::gs1 {

// True when the AIs of `path_ais` (their values do not matter) are a primary
// key followed by qualifiers in an order one of its qualifier sequences
// allows (each qualifier optional), e.g. (01)(22)(21); false for
// (01)(21)(10) or (10).
bool IsDigitalLinkPathSequence(std::span<const AiValue> path_ais);

// True when `ai` is a qualifier of the primary key `path_ais[0]` in one of
// the qualifier sequences that `path_ais` follows; such an AI belongs in the
// path and may not be a query attribute.
bool IsPathQualifierOf(std::span<const AiValue> path_ais, std::string_view ai);

// The two checks above for AIs given by their codes (AiCode), the first
// one's table entry being `first` (nullptr when it is not in the table), as
// a parser that looked them up already has them.
bool IsDigitalLinkPathSequence(const AiEntry* first, std::span<const std::uint64_t> path_codes);
bool IsPathQualifierOf(const AiEntry* first, std::span<const std::uint64_t> path_codes,
                       std::uint64_t code);

// The AI a Digital Link convenience alpha stands for ("gtin" -> "01"), or an
// empty view when `alpha` is not one.
std::string_view AiOfConvenienceAlpha(std::string_view alpha);

}  // namespace txng::gs1

#endif  // TXNG_GS1_DIGITAL_LINK_KEYS_H_
