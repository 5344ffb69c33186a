// GS1 data in any of its written forms: an element string ('^' first), a
// bracketed element string, or a GS1 Digital Link URI. Element strings may
// carry a 2D composite component after a '|'.
#ifndef TXNG_GS1_GS1_DATA_H_
#define TXNG_GS1_GS1_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "gs1/element_string.h"

namespace txng::gs1 {

// The AIs of each '|'-separated component of `data`, in order. Each value is
// validated, then the association rules `options` switches on over all
// components together.
Result<std::vector<std::vector<AiValue>>> ParseGs1Data(std::string_view data,
                                                       const ElementStringOptions& options);

// Human-readable interpretation lines, "(01) 09501101530003", with the AI's
// title first ("GTIN (01) 09501101530003") when `with_titles`.
std::vector<std::string> HriLines(const std::vector<AiValue>& ais, bool with_titles);

}  // namespace txng::gs1

#endif  // TXNG_GS1_GS1_DATA_H_
