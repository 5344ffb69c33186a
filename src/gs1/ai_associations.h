// Rules over the whole set of AIs carried together: required companions
// ("req"), mutually exclusive AIs ("ex"), repeated AIs and the serialised key
// that a digital signature (8030) needs.
#ifndef TXNG_GS1_AI_ASSOCIATIONS_H_
#define TXNG_GS1_AI_ASSOCIATIONS_H_

#include <vector>

#include "common/status.h"
#include "gs1/ai_value.h"

namespace txng::gs1 {

// Checks that an AI given twice has the same value both times, that no two
// AIs exclude each other, and that the serialised key 8030 signs carries its
// serial component. AIs absent from the table are ignored.
Status ValidateExclusionsAndRepeats(const std::vector<AiValue>& ais);

// Checks that each AI's "req" rules are met by the other AIs present.
Status ValidateRequisites(const std::vector<AiValue>& ais);

}  // namespace txng::gs1

#endif  // TXNG_GS1_AI_ASSOCIATIONS_H_
