// Lineage of an identifier: where it came from and where it went, derived
// from captured EPCIS events read through a LineageSource.
//
// Upstream (backward) of X: the inputs of transformations whose output is X,
// and the contents of X when X is a container (children packed into it),
// recursively. Downstream (forward): the outputs of transformations whose
// input is X, and the children unpacked from X, recursively. Every object
// found up or down stream also brings its carriers: the containers it was
// packed into, for the time it was inside (from the ADD until the DELETE
// that takes it out, or the container's DELETE without a child list); only
// the carriers' events in that window are read, so a pallet's other
// contents never leak into a lot's answer. Places and parties named by the
// events read (bizLocation, readPoint, sources, destinations) become context
// nodes. Events declared in error are never read.
#ifndef TXNG_TRACE_TRACE_H_
#define TXNG_TRACE_TRACE_H_

#include <optional>
#include <string>

#include "trace/graph.h"
#include "trace/lineage_source.h"

namespace txng::trace {

enum class Direction { kBackward, kForward, kBoth };
std::string_view ToString(Direction d);
std::optional<Direction> ParseDirection(std::string_view s);

struct TraceRequest {
  std::string root;  // an identifier in internal form
  Direction direction = Direction::kBoth;
  int max_depth = 32;  // 0..kMaxDepth hops between identifiers
  std::optional<UnixMillis> as_of;
  Visibility visibility;
  int limit = 1000;  // nodes per page, 1..kMaxLimit
  int offset = 0;    // nodes of earlier pages; offset + limit <= kMaxNodes
  int max_events_per_id = 1000;
};

inline constexpr int kMaxDepth = 64;
inline constexpr int kMaxLimit = 10000;
inline constexpr int kMaxNodes = 100000;

// The trace of r.root: nodes[0] is the root. kNotFound when the caller can
// see no event that names the root; kInvalidArgument (naming the field) for
// limits out of range. The walk is breadth first, one EventsNaming call per
// level, and stops once offset + limit nodes are found (next_offset set).
Result<Graph> Trace(LineageSource& source, const TraceRequest& r);

}  // namespace txng::trace

#endif  // TXNG_TRACE_TRACE_H_
