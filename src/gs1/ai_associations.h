// Rules over the whole set of AIs carried together: required companions
// ("req"), mutually exclusive AIs ("ex"), repeated AIs and the serialised key
// that a digital signature (8030) needs.
#ifndef TXNG_GS1_AI_ASSOCIATIONS_H_
#define TXNG_GS1_AI_ASSOCIATIONS_H_

#include <span>
#include <vector>

#include "common/status.h"
#include "gs1/ai_table.h"
#include "gs1/ai_value.h"

namespace txng::gs1 {

// Both checks take `entries[i]`, the table entry of `ais[i]` (FindAi, so
// nullptr when the AI is not in the table), looked up once by the caller.

// Checks that an AI given twice has the same value both times, that no two
// AIs exclude each other, and that the serialised key 8030 signs carries its
// serial component. AIs absent from the table are ignored.
Status ValidateExclusionsAndRepeats(const std::vector<AiValue>& ais,
                                    std::span<const AiEntry* const> entries);

// Checks that each AI's "req" rules are met by the other AIs present.
Status ValidateRequisites(const std::vector<AiValue>& ais, std::span<const AiEntry* const> entries);

}  // namespace txng::gs1

#endif  // TXNG_GS1_AI_ASSOCIATIONS_H_
