// The journey of a traced identifier as a consumer reads it: the events
// that made and moved it and what it came from, in time order, one step
// per event (the pages turn each into a sentence in vi or en).
#ifndef TXNG_TRACE_JOURNEY_H_
#define TXNG_TRACE_JOURNEY_H_

#include <optional>
#include <string>
#include <vector>

#include "trace/graph.h"

namespace txng::trace {

struct JourneyStep {
  size_t event = 0;                   // index into Graph::events
  std::string subject;                // the root, an upstream identifier, or a carrier of either
  std::string place;                  // bizLocation, else readPoint; empty when none
  std::vector<std::string> from, to;  // source and destination identifiers
  std::optional<double> quantity;     // the subject's, when class-level
  std::string uom;
};

// The steps of the events that name the root, what is upstream of it, or a
// carrier while it carried them, ordered by event time, then capture order.
// Meant for a backward trace (a forward one also brings the carriers of
// what is downstream).
std::vector<JourneyStep> JourneySteps(const Graph& g);

}  // namespace txng::trace

#endif  // TXNG_TRACE_JOURNEY_H_
