// The impact set of a recall: every identifier downstream of the recalled
// one, with the quantity, holder and location the captured events record,
// computed from its forward trace (service/trace.h) as the authority sees it
// (every event, published or not: a recall must reach every holder).
//
// The trace is read in pages of kRecallTracePage nodes up to
// kMaxRecallTraceNodes nodes (places and parties included), and at most
// kMaxRecallItems items are kept; beyond either bound the set is cut and
// says so (truncated), as it does when an identifier is named by more events
// than the trace reads.
#ifndef TXNG_SERVICE_RECALL_IMPACT_H_
#define TXNG_SERVICE_RECALL_IMPACT_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "service/trace.h"
#include "store/recalls.h"
#include "store/store.h"

namespace txng {

inline constexpr int kRecallTracePage = 5000;
inline constexpr int kMaxRecallTraceNodes = 30000;
inline constexpr int kMaxRecallItems = 10000;

// The affected period [from, to) in Unix time; unset ends are open.
struct AffectedPeriod {
  std::optional<UnixMillis> from;
  std::optional<UnixMillis> to;

  bool Contains(UnixMillis t) const { return (!from || t >= *from) && (!to || t < *to); }
};

struct ImpactSet {
  std::vector<RecallItem> items;  // the root first, then in the order the trace found them
  bool truncated = false;
  // The organisation the root belongs to: the catalogue's or master data's
  // owner of the root (its NodeInfo), else the organisation that captured
  // its commissioning event, else the one that captured the earliest event
  // naming it (ComputeImpactSet asks the store when no edge of the trace
  // names the root).
  std::optional<int64_t> org_id;
};

// Which nodes of the trace are in the set, and each one's details:
//
// - Reach: the root, downstream identifiers (transformation outputs,
//   children unpacked) and carriers (containers a recalled identifier was
//   packed into). Places and parties are not items; they are the items'
//   holders and locations.
// - The affected period narrows the first step only: a transformation,
//   packing or unpacking event that takes the root somewhere carries the
//   recall on when it happened within the period; beyond that first step
//   every identifier reached from an affected one is affected, whenever it
//   moved (once a contaminated lot went into a product, all of that product
//   is affected). Without a period every downstream identifier is.
// - Quantity and unit (class-level identifiers): the item's quantity in the
//   event that made it (the TransformationEvent that output it, or the
//   ObjectEvent ADD that commissioned it), else in the latest event that
//   names it with a quantity.
// - Holder: the party (a destination whose type is an owning or possessing
//   party, or any party identifier) of the latest shipping edge of the item
//   or of a container it was packed into. Location: the latest place the
//   item or such a container was sent to (a location destination) or seen at
//   (bizLocation, else readPoint).
class ImpactBuilder {
 public:
  explicit ImpactBuilder(AffectedPeriod period) : period_(period) {}
  // Adds one page of a forward trace from the root (pages in order).
  void AddPage(const TraceAnswer& page);
  ImpactSet Finish() const;

 private:
  struct NodeFacts {
    trace::NodeKind kind = trace::NodeKind::kOther;
    trace::Reach reach = trace::Reach::kContext;
    int depth = 0;
    bool truncated = false;
  };
  struct FlatEdge {
    std::string from, to;
    trace::Relation relation = trace::Relation::kObservedAt;
    std::string type;
    UnixMillis time = 0;
    int64_t row = 0;
    int64_t org_id = 0;  // that captured the event
  };
  // An identifier's quantity in one event, and when: (time, row).
  struct Quantity {
    double value = 0;
    std::string uom;
    UnixMillis time = 0;
    int64_t row = 0;
  };

  std::vector<std::string> Affected() const;
  RecallItem Describe(const std::string& id) const;
  std::string Name(const std::string& id) const;

  AffectedPeriod period_;
  std::string root_;
  std::vector<std::string> order_;  // node ids in the order found
  std::map<std::string, NodeFacts> nodes_;
  std::vector<FlatEdge> edges_;
  std::set<std::string> edge_seen_;                              // from, to, relation, event
  std::map<std::string, std::vector<size_t>> edges_from_;        // indexes into edges_, by from
  std::map<std::string, Quantity> made_with_, latest_quantity_;  // by identifier
  NodeNames names_;
  std::optional<int64_t> root_origin_org_;  // captured the root's commissioning
  bool truncated_ = false;
};

// The impact set of `root` (internal form). kNotFound when no event names it.
Result<ImpactSet> ComputeImpactSet(Store& store, const std::string& root,
                                   const AffectedPeriod& period);

}  // namespace txng

#endif  // TXNG_SERVICE_RECALL_IMPACT_H_
