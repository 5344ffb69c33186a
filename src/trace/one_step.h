// The one step back – one step forward view that Circular 02/2024/TT-BKHCN
// asks of every actor: for each party in a trace, whom it received goods
// from and whom it sent them to, and which identifiers moved; and for the
// root, its direct inputs and outputs.
#ifndef TXNG_TRACE_ONE_STEP_H_
#define TXNG_TRACE_ONE_STEP_H_

#include <string>
#include <vector>

#include "trace/graph.h"

namespace txng::trace {

struct ActorStep {
  std::string party;                   // source or destination identifier (party or place)
  std::vector<std::string> suppliers;  // parties it received from (sorted, unique)
  std::vector<std::string> customers;  // parties it sent to (sorted, unique)
  std::vector<std::string> received;   // identifiers it received (sorted, unique)
  std::vector<std::string> sent;       // identifiers it sent (sorted, unique)

  bool operator==(const ActorStep&) const = default;
};

struct OneStep {
  std::vector<std::string> inputs;   // the root's direct upstream identifiers (sorted)
  std::vector<std::string> outputs;  // its direct downstream identifiers (sorted)
  std::vector<ActorStep> actors;     // sorted by party

  bool operator==(const OneStep&) const = default;
};

// From the events of `g`: an event with sources and destinations of the
// same type (owning_party, possessing_party or location) says each
// destination received the event's identifiers from each source.
OneStep OneStepView(const Graph& g);

}  // namespace txng::trace

#endif  // TXNG_TRACE_ONE_STEP_H_
