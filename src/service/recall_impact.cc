#include "service/recall_impact.h"

#include <set>
#include <tuple>
#include <utility>

#include "store/lineage_source.h"

namespace txng {
namespace {

using trace::NodeKind;
using trace::Reach;
using trace::Relation;

bool IsItemReach(Reach r) {
  return r == Reach::kRoot || r == Reach::kDownstream || r == Reach::kCarrier;
}

// The relations along which goods move on from one identifier to another.
bool CarriesRecall(Relation r) {
  return r == Relation::kTransformedInto || r == Relation::kPackedInto ||
         r == Relation::kUnpackedFrom;
}

bool IsPartyDestination(NodeKind kind, const std::string& type) {
  return kind == NodeKind::kParty || type.ends_with("owning_party") ||
         type.ends_with("possessing_party");
}

bool IsLocationDestination(NodeKind kind, const std::string& type) {
  return !IsPartyDestination(kind, type) &&
         (kind == NodeKind::kLocation || type.ends_with("location"));
}

// The authority's view: every event.
Principal Authority() {
  Principal p;
  p.kind = Principal::Kind::kUser;
  p.role = Role::kAdmin;
  p.name = "recall";
  return p;
}

}  // namespace

void ImpactBuilder::AddPage(const TraceAnswer& page) {
  const trace::Graph& g = page.graph;
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const trace::Node& n = g.nodes[i];
    auto [it, fresh] = nodes_.emplace(n.id, NodeFacts{n.kind, n.reach, n.depth, n.truncated});
    if (fresh) order_.push_back(n.id);
    it->second.truncated = it->second.truncated || n.truncated;
    if (n.reach == Reach::kRoot) {
      root_ = n.id;
      if (n.origin_event && *n.origin_event < g.events.size()) {
        root_origin_org_ = g.events[*n.origin_event].org_id;
      }
    }
  }
  for (const trace::Edge& e : g.edges) {
    if (e.from >= g.nodes.size() || e.to >= g.nodes.size() || e.event >= g.events.size()) continue;
    const trace::LineageEvent& ev = g.events[e.event];
    FlatEdge f;
    f.from = g.nodes[e.from].id;
    f.to = g.nodes[e.to].id;
    f.relation = e.relation;
    f.type = e.type;
    f.time = ev.event_time;
    f.row = ev.row;
    f.org_id = ev.org_id;
    const std::string key =
        f.from + '\n' + f.to + '\n' + std::string(trace::ToString(f.relation)) + '\n' + ev.event_id;
    if (edge_seen_.insert(key).second) {
      edges_from_[f.from].push_back(edges_.size());
      edges_.push_back(std::move(f));
    }
  }
  for (const trace::LineageEvent& ev : g.events) {
    for (const trace::NamedObject& o : ev.objects) {
      if (!o.quantity) continue;
      const Quantity q{*o.quantity, o.uom, ev.event_time, ev.row};
      const bool making = o.role == trace::Role::kOutput ||
                          (o.role == trace::Role::kEpc && ev.type == epcis::EventType::kObject &&
                           ev.action == epcis::Action::kAdd);
      auto earlier = [](const Quantity& a, const Quantity& b) {
        return std::tie(a.time, a.row) < std::tie(b.time, b.row);
      };
      if (making) {
        auto [it, fresh] = made_with_.emplace(o.id, q);
        if (!fresh && earlier(q, it->second)) it->second = q;
      }
      auto [it, fresh] = latest_quantity_.emplace(o.id, q);
      if (!fresh && earlier(it->second, q)) it->second = q;
    }
  }
  for (const auto& [id, info] : page.names) names_.emplace(id, info);
  // More nodes follow the last page read: the set is cut.
  truncated_ = g.next_offset.has_value();
}

std::vector<std::string> ImpactBuilder::Affected() const {
  std::set<std::string> affected;
  if (!root_.empty()) affected.insert(root_);
  const bool narrowed = period_.from || period_.to;
  // Until nothing changes: at most one pass per node, each over the edges.
  for (bool grew = true; grew;) {
    grew = false;
    for (const FlatEdge& e : edges_) {
      if (!CarriesRecall(e.relation) || !affected.contains(e.from) || affected.contains(e.to)) {
        continue;
      }
      auto to = nodes_.find(e.to);
      if (to == nodes_.end() || !IsItemReach(to->second.reach)) continue;
      if (narrowed && e.from == root_ && !period_.Contains(e.time)) continue;
      affected.insert(e.to);
      grew = true;
    }
  }
  std::vector<std::string> out;
  for (const std::string& id : order_) {
    auto n = nodes_.find(id);
    if (!IsItemReach(n->second.reach)) continue;
    if (narrowed ? affected.contains(id) : true) out.push_back(id);
  }
  return out;
}

std::string ImpactBuilder::Name(const std::string& id) const {
  auto it = names_.find(id);
  if (it == names_.end()) return "";
  const NodeInfo& info = it->second;
  if (!info.name_vi.empty()) return info.name_vi;
  if (!info.name_en.empty()) return info.name_en;
  return info.org_name;
}

RecallItem ImpactBuilder::Describe(const std::string& id) const {
  const NodeFacts& facts = nodes_.at(id);
  RecallItem item;
  item.identifier = id;
  item.kind = std::string(trace::ToString(facts.kind));
  item.reach = std::string(trace::ToString(facts.reach));
  item.depth = facts.depth;
  item.name = Name(id);

  // The item and the containers it was packed into, transitively: only
  // the edges leaving them are read (an item costs its neighbourhood, not
  // the whole trace).
  std::vector<std::string> scope = {id};
  std::set<std::string> in_scope = {id};
  for (size_t k = 0; k < scope.size(); ++k) {
    auto out = edges_from_.find(scope[k]);
    if (out == edges_from_.end()) continue;
    for (size_t i : out->second) {
      const FlatEdge& e = edges_[i];
      if (e.relation == Relation::kPackedInto && in_scope.insert(e.to).second) {
        scope.push_back(e.to);
      }
    }
  }
  auto later = [](const FlatEdge* best, const FlatEdge& e) {
    return best == nullptr || std::tie(e.time, e.row) > std::tie(best->time, best->row);
  };
  const FlatEdge* holder = nullptr;
  const FlatEdge* location = nullptr;
  std::vector<size_t> leaving;
  for (const std::string& s : scope) {
    auto out = edges_from_.find(s);
    if (out != edges_from_.end())
      leaving.insert(leaving.end(), out->second.begin(), out->second.end());
  }
  for (size_t i : leaving) {
    const FlatEdge& e = edges_[i];
    auto target = nodes_.find(e.to);
    const NodeKind kind = target == nodes_.end() ? NodeKind::kOther : target->second.kind;
    if (e.relation == Relation::kTo && IsPartyDestination(kind, e.type) && later(holder, e)) {
      holder = &e;
    }
    const bool place = (e.relation == Relation::kTo && IsLocationDestination(kind, e.type)) ||
                       e.relation == Relation::kObservedAt ||
                       e.relation == Relation::kCommissionedAt;
    if (place && later(location, e)) location = &e;
  }
  const Quantity* quantity = nullptr;
  if (auto made = made_with_.find(id); made != made_with_.end()) {
    quantity = &made->second;
  } else if (auto latest = latest_quantity_.find(id); latest != latest_quantity_.end()) {
    quantity = &latest->second;
  }
  if (quantity != nullptr) {
    item.quantity = quantity->value;
    item.uom = quantity->uom;
  }
  if (holder != nullptr) {
    item.holder = holder->to;
    item.holder_name = Name(holder->to);
  }
  if (location != nullptr) {
    item.location = location->to;
    item.location_name = Name(location->to);
  }
  return item;
}

ImpactSet ImpactBuilder::Finish() const {
  ImpactSet out;
  out.truncated = truncated_;
  for (const std::string& id : Affected()) {
    if (nodes_.at(id).truncated) out.truncated = true;
    if (out.items.size() == static_cast<size_t>(kMaxRecallItems)) {
      out.truncated = true;
      break;
    }
    out.items.push_back(Describe(id));
  }
  if (auto root = names_.find(root_); root != names_.end() && root->second.org_id) {
    out.org_id = root->second.org_id;
  } else if (root_origin_org_) {
    out.org_id = root_origin_org_;
  } else {
    const FlatEdge* earliest = nullptr;
    for (const FlatEdge& e : edges_) {
      if (e.from != root_ && e.to != root_) continue;
      if (earliest == nullptr || std::tie(e.time, e.row) < std::tie(earliest->time, earliest->row))
        earliest = &e;
    }
    if (earliest != nullptr) out.org_id = earliest->org_id;
  }
  return out;
}

Result<ImpactSet> ComputeImpactSet(Store& store, const std::string& root,
                                   const AffectedPeriod& period) {
  ImpactBuilder builder(period);
  trace::TraceRequest request;
  request.root = root;
  request.direction = trace::Direction::kForward;
  request.max_depth = trace::kMaxDepth;
  request.limit = kRecallTracePage;
  request.offset = 0;
  const Principal authority = Authority();
  for (;;) {
    TXNG_ASSIGN_OR_RETURN(TraceAnswer page, TraceIdentifier(store, request, authority));
    const std::optional<int> next = page.graph.next_offset;
    builder.AddPage(page);
    if (!next || *next + kRecallTracePage > kMaxRecallTraceNodes) break;
    request.offset = *next;
  }
  ImpactSet set = builder.Finish();
  if (!set.org_id) {
    // Events that name the root and nothing else (no place, no party, no
    // other identifier) leave no edge to learn the organisation from.
    StoreLineageSource source(store);
    trace::SourceQuery q;
    q.ids = {root};
    q.max_events_per_id = 1;
    TXNG_ASSIGN_OR_RETURN(trace::NamingAnswer named, source.EventsNaming(q));
    if (!named.events.empty()) set.org_id = named.events.front().org_id;
  }
  return set;
}

}  // namespace txng
