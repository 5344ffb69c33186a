// Rules over the whole set of AIs carried together: required companions
// ("req"), mutually exclusive AIs ("ex"), repeated AIs and the serialised key
// that a digital signature (8030) needs.
#ifndef TXNG_GS1_AI_ASSOCIATIONS_H_
#define TXNG_GS1_AI_ASSOCIATIONS_H_

#include <span>
#include <vector>

#include "common/status.h"
#include "gs1/ai_lookup.h"
#include "gs1/ai_value.h"

namespace txng::gs1 {

// The checks take `lookup`, the entry and code of each of `ais`, in order.

// Checks that an AI given twice has the same value both times, that no two
// AIs exclude each other, and that the serialised key 8030 signs carries its
// serial component. AIs absent from the table are ignored.
Status ValidateExclusionsAndRepeats(const std::vector<AiValue>& ais, const AiLookup& lookup);

// Checks that each AI's "req" rules are met by the other AIs present.
Status ValidateRequisites(const std::vector<AiValue>& ais, const AiLookup& lookup);

// A quick yes for the checks above in one pass: true only when those that
// are asked for (`exclusions` for the first, `requisites` for the second)
// pass. False when one fails or might (repeated AIs and signed data are left
// to ValidateExclusionsAndRepeats), and the caller runs them to say why.
bool AssociationsHoldQuickly(const AiLookup& lookup, bool exclusions, bool requisites);

}  // namespace txng::gs1

#endif  // TXNG_GS1_AI_ASSOCIATIONS_H_
