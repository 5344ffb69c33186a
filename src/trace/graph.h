// The answer of a trace: identifiers, places and parties as nodes, and what
// connects them as edges, each edge pointing the way goods flowed.
#ifndef TXNG_TRACE_GRAPH_H_
#define TXNG_TRACE_GRAPH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trace/lineage_source.h"

namespace txng::trace {

// What a node's identifier names, from its form: kObject an instance (SGTIN,
// SSCC, GRAI, GIAI, ...), kLot a lot of a trade item (LGTIN), kProductClass
// a trade item without lot (GTIN class), kLocation a GLN (with or without
// extension), kParty a party GLN (PGLN), kOther any other URI.
enum class NodeKind { kObject, kLot, kProductClass, kLocation, kParty, kOther };
std::string_view ToString(NodeKind k);
NodeKind KindOfIdentifier(std::string_view id);

// How the trace came to a node: the root itself; upstream of it (where it
// came from); downstream of it (where it went); as a carrier (a case, pallet
// or other container that held a traced object for a while: only its
// movements in that time are followed, not its other contents); or as
// context (a place or party an event names).
enum class Reach { kRoot, kUpstream, kDownstream, kCarrier, kContext };
std::string_view ToString(Reach r);

struct Node {
  std::string id;
  NodeKind kind = NodeKind::kOther;
  Reach reach = Reach::kContext;
  int depth = 0;  // hops between identifiers from the root
  // The ObjectEvent ADD that commissioned it (an index into Graph::events).
  std::optional<size_t> origin_event;
  // The caller may not see some events that name it: the trace may go on
  // past what it shows (another organisation's unpublished data).
  bool withheld = false;
  // It is named by more events than the trace reads per identifier.
  bool truncated = false;
  // It has neighbours beyond the depth limit.
  bool depth_limited = false;
};

// kTransformedInto: input → output of a TransformationEvent. kPackedInto:
// child → parent of an AggregationEvent or AssociationEvent ADD (or
// OBSERVE). kUnpackedFrom: parent → child of one with DELETE. kCommissionedAt:
// object → location (bizLocation, else readPoint) of an ObjectEvent ADD.
// kObservedAt: object → location of any other event. kFrom: source (party or
// location) → object. kTo: object → destination (party or location).
enum class Relation {
  kTransformedInto,
  kPackedInto,
  kUnpackedFrom,
  kCommissionedAt,
  kObservedAt,
  kFrom,
  kTo,
};
std::string_view ToString(Relation r);

struct Edge {
  size_t from = 0;  // index into Graph::nodes
  size_t to = 0;    // index into Graph::nodes
  Relation relation = Relation::kObservedAt;
  size_t event = 0;  // index into Graph::events
  std::string type;  // kFrom/kTo: the source or destination type (CBV URI)
  // The quantity that moved, when the identifier is class-level: a
  // transformation's input, the child packed or unpacked, the node's own
  // quantity in the event for places and parties.
  std::optional<double> quantity;
  std::string uom;
};

// Something the caller should know about the answer: a cycle of
// transformations (data that contradicts itself: the nodes, in order), or a
// broken link (an object with no recorded origin, or unpacked from a
// container it was never packed into).
struct Finding {
  enum class Kind { kCycle, kNoOrigin, kUnpackedWithoutPacking };
  Kind kind = Kind::kNoOrigin;
  std::vector<size_t> nodes;  // indexes into Graph::nodes
  std::optional<size_t> event;
};
std::string_view ToString(Finding::Kind k);

struct Graph {
  // The root first, then in the order found: every node up to the end of
  // the page asked for, so that edges of the page can name earlier nodes.
  // The page itself is nodes[page_start, nodes.size()).
  std::vector<Node> nodes;
  size_t page_start = 0;
  std::vector<Edge> edges;
  std::vector<LineageEvent> events;  // each at most once, referenced by edges
  std::vector<Finding> findings;
  // Set when the trace has more nodes than one page: pass as
  // TraceRequest::offset to get the next page.
  std::optional<int> next_offset;
};

}  // namespace txng::trace

#endif  // TXNG_TRACE_GRAPH_H_
