// An in-memory LineageSource: events held in a vector, for tests of the
// lineage and of what is built on it, and the conversion of an EPCIS event
// into what the lineage reads.
#ifndef TXNG_TRACE_MEMORY_SOURCE_H_
#define TXNG_TRACE_MEMORY_SOURCE_H_

#include <string_view>
#include <vector>

#include "trace/lineage_source.h"

namespace txng::trace {

// `e` as the lineage reads it (identifiers as they are in `e`; event_id its
// eventID, else `hash_id`); fails only when e.event_time is no EPCIS
// timestamp.
Result<LineageEvent> ToLineageEvent(const epcis::Event& e, int64_t row, int64_t org_id,
                                    std::string_view hash_id = {});

class MemorySource : public LineageSource {
 public:
  // Adds an event. `approved`: visible to everyone (else only to its
  // organisation and to unrestricted callers); `declared_in_error`: never
  // answered.
  void Add(LineageEvent e, bool approved = true, bool declared_in_error = false);

  Result<NamingAnswer> EventsNaming(const SourceQuery& q) override;

  // How many times EventsNaming was called.
  int calls() const { return calls_; }

 private:
  struct Held {
    LineageEvent event;
    bool approved = true;
    bool declared_in_error = false;
  };
  std::vector<Held> events_;
  int calls_ = 0;
};

}  // namespace txng::trace

#endif  // TXNG_TRACE_MEMORY_SOURCE_H_
