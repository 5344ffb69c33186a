// An event of a document that did not decode, for capture that proceeds
// past invalid events (GS1-Capture-Error-Behaviour: proceed).
#ifndef TXNG_EPCIS_EVENT_ERROR_H_
#define TXNG_EPCIS_EVENT_ERROR_H_

#include <cstddef>

#include "common/status.h"

namespace txng::epcis {

struct EventError {
  std::size_t index = 0;  // in the document's event list
  Status status;          // a ValidationError naming the event, pointer and rule
};

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_EVENT_ERROR_H_
