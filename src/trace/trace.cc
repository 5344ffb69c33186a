#include "trace/trace.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace txng::trace {

std::string_view ToString(Direction d) {
  switch (d) {
    case Direction::kBackward:
      return "backward";
    case Direction::kForward:
      return "forward";
    case Direction::kBoth:
      return "both";
  }
  return "both";
}

std::optional<Direction> ParseDirection(std::string_view s) {
  if (s == "backward") return Direction::kBackward;
  if (s == "forward") return Direction::kForward;
  if (s == "both") return Direction::kBoth;
  return std::nullopt;
}

namespace {

constexpr UnixMillis kBeginning = std::numeric_limits<UnixMillis>::min();
constexpr UnixMillis kEnd = std::numeric_limits<UnixMillis>::max();
constexpr size_t kNoNode = std::numeric_limits<size_t>::max();

// Full exploration directions, as bits.
constexpr unsigned kBack = 1;
constexpr unsigned kFwd = 2;

// A time span, both ends included.
struct Window {
  UnixMillis from = kBeginning;
  UnixMillis to = kEnd;
  bool Contains(const Window& w) const { return from <= w.from && w.to <= to; }
};

// One node to explore at the next level: fully (modes: upstream and/or
// downstream), or as a carrier of `via` within `window`.
struct Visit {
  std::string id;
  int depth = 0;
  unsigned modes = 0;  // 0 for a carrier visit
  Window window;
  std::string via;
};

bool Names(const LineageEvent& e, std::string_view id, Role role) {
  return std::any_of(e.objects.begin(), e.objects.end(),
                     [&](const NamedObject& o) { return o.role == role && o.id == id; });
}

const NamedObject* Find(const LineageEvent& e, std::string_view id, Role role) {
  for (const NamedObject& o : e.objects) {
    if (o.role == role && o.id == id) return &o;
  }
  return nullptr;
}

std::string ParentOf(const LineageEvent& e) {
  for (const NamedObject& o : e.objects) {
    if (o.role == Role::kParent) return o.id;
  }
  return {};
}

bool HasChildren(const LineageEvent& e) {
  return std::any_of(e.objects.begin(), e.objects.end(),
                     [](const NamedObject& o) { return o.role == Role::kChild; });
}

bool IsContainment(const LineageEvent& e) {
  return e.type == epcis::EventType::kAggregation || e.type == epcis::EventType::kAssociation;
}

bool Packs(const LineageEvent& e) {
  return IsContainment(e) &&
         (e.action == epcis::Action::kAdd || e.action == epcis::Action::kObserve);
}

bool Unpacks(const LineageEvent& e) {
  return IsContainment(e) && e.action == epcis::Action::kDelete;
}

class Walker {
 public:
  Walker(LineageSource& source, const TraceRequest& r)
      : source_(source), r_(r), budget_(static_cast<size_t>(r.offset + r.limit)) {}

  Result<Graph> Run() {
    std::vector<Visit> level;
    unsigned modes = r_.direction == Direction::kBackward  ? kBack
                     : r_.direction == Direction::kForward ? kFwd
                                                           : kBack | kFwd;
    level.push_back({r_.root, 0, modes, {}, {}});
    bool root_checked = false;
    while (!level.empty()) {
      TXNG_RETURN_IF_ERROR(Fetch(level));
      if (!root_checked) {
        if (cache_[r_.root].empty()) {
          return Status::NotFound("no event you can see names " + r_.root);
        }
        NodeFor(r_.root, Reach::kRoot, 0);
        root_checked = true;
      }
      std::vector<Visit> next;
      for (const Visit& v : level) {
        if (v.modes != 0) {
          Explore(v, next);
        } else {
          Carry(v, next);
        }
      }
      level = std::move(next);
      if (cut_) break;
    }
    FindOrigins();
    FindCycles();
    graph_.page_start = std::min(static_cast<size_t>(r_.offset), graph_.nodes.size());
    if (cut_) graph_.next_offset = r_.offset + r_.limit;
    return std::move(graph_);
  }

 private:
  // Reads the events of the level's identifiers not read yet.
  Status Fetch(const std::vector<Visit>& level) {
    SourceQuery q;
    q.visibility = r_.visibility;
    q.as_of = r_.as_of;
    q.max_events_per_id = r_.max_events_per_id;
    std::unordered_set<std::string> asked;
    for (const Visit& v : level) {
      if (!cache_.contains(v.id) && asked.insert(v.id).second) q.ids.push_back(v.id);
    }
    if (q.ids.empty()) return Status::Ok();
    for (const std::string& id : q.ids) cache_[id];
    TXNG_ASSIGN_OR_RETURN(NamingAnswer answer, source_.EventsNaming(q));
    for (LineageEvent& e : answer.events) {
      held_.push_back(std::move(e));
      const LineageEvent* held = &held_.back();
      std::unordered_set<std::string_view> seen;
      for (const NamedObject& o : held->objects) {
        if (asked.contains(o.id) && seen.insert(o.id).second) cache_[o.id].push_back(held);
      }
    }
    withheld_.insert(answer.withheld.begin(), answer.withheld.end());
    truncated_.insert(answer.truncated.begin(), answer.truncated.end());
    // Nodes are made when found, before their events are read.
    for (Node& n : graph_.nodes) {
      n.withheld = n.withheld || withheld_.contains(n.id);
      n.truncated = n.truncated || truncated_.contains(n.id);
    }
    return Status::Ok();
  }

  // The node of `id`, created (reached as `reach`, at `depth`) when new;
  // kNoNode once the page is full. A node explored up or down stream is
  // promoted from carrier or context.
  size_t NodeFor(const std::string& id, Reach reach, int depth) {
    auto it = index_.find(id);
    if (it != index_.end()) {
      Node& n = graph_.nodes[it->second];
      if ((reach == Reach::kUpstream || reach == Reach::kDownstream) &&
          (n.reach == Reach::kCarrier || n.reach == Reach::kContext)) {
        n.reach = reach;
        n.depth = depth;
      }
      return it->second;
    }
    if (graph_.nodes.size() >= budget_) {
      cut_ = true;
      return kNoNode;
    }
    Node n;
    n.id = id;
    n.kind = KindOfIdentifier(id);
    n.reach = reach;
    n.depth = depth;
    n.withheld = withheld_.contains(id);
    n.truncated = truncated_.contains(id);
    graph_.nodes.push_back(std::move(n));
    index_.emplace(id, graph_.nodes.size() - 1);
    return graph_.nodes.size() - 1;
  }

  size_t EventIndex(const LineageEvent& e) {
    auto [it, inserted] = event_index_.try_emplace(e.row, graph_.events.size());
    if (inserted) graph_.events.push_back(e);
    return it->second;
  }

  void AddEdge(size_t from, size_t to, Relation relation, const LineageEvent& e,
               const NamedObject* moved, std::string type = {}) {
    if (from == kNoNode || to == kNoNode) return;
    const size_t event = EventIndex(e);
    if (!edge_seen_.emplace(from, to, relation, event, type).second) return;
    Edge edge;
    edge.from = from;
    edge.to = to;
    edge.relation = relation;
    edge.event = event;
    edge.type = std::move(type);
    if (moved != nullptr) {
      edge.quantity = moved->quantity;
      edge.uom = moved->uom;
    }
    graph_.edges.push_back(std::move(edge));
  }

  // The object's own quantity element in `e`, in any role.
  static const NamedObject* Own(const LineageEvent& e, std::string_view id) {
    for (const NamedObject& o : e.objects) {
      if (o.id == id) return &o;
    }
    return nullptr;
  }

  // Places and parties `e` names, as context of node `n`.
  void AddContext(size_t n, const LineageEvent& e) {
    if (n == kNoNode) return;
    const std::string id = graph_.nodes[n].id;
    const int depth = graph_.nodes[n].depth;
    const NamedObject* own = Own(e, id);
    const std::string& place = e.biz_location.empty() ? e.read_point : e.biz_location;
    if (!place.empty()) {
      const bool commissioning = e.type == epcis::EventType::kObject &&
                                 e.action == epcis::Action::kAdd && Names(e, id, Role::kEpc);
      AddEdge(n, NodeFor(place, Reach::kContext, depth),
              commissioning ? Relation::kCommissionedAt : Relation::kObservedAt, e, own);
    }
    for (const epcis::TypedId& s : e.sources) {
      AddEdge(NodeFor(s.id, Reach::kContext, depth), n, Relation::kFrom, e, own, s.type);
    }
    for (const epcis::TypedId& d : e.destinations) {
      AddEdge(n, NodeFor(d.id, Reach::kContext, depth), Relation::kTo, e, own, d.type);
    }
  }

  // Enqueues `id` (whose node is `node`) for a full visit in `modes` at
  // `depth`; nothing when the page had no room for its node.
  void Enqueue(size_t node, const std::string& id, int depth, unsigned modes,
               std::vector<Visit>& next) {
    if (node == kNoNode) return;
    next.push_back({id, depth, modes, {}, {}});
  }

  // Whether a neighbour at `depth` may be added; marks `n` otherwise.
  bool WithinDepth(size_t n, int depth) {
    if (depth <= r_.max_depth) return true;
    if (n != kNoNode) graph_.nodes[n].depth_limited = true;
    return false;
  }

  void Explore(const Visit& v, std::vector<Visit>& next) {
    unsigned& done = explored_[v.id];
    const unsigned modes = v.modes & ~done;
    if (modes == 0) return;
    done |= modes;
    const size_t n = index_.contains(v.id) ? index_[v.id] : kNoNode;
    if (n == kNoNode) return;
    const bool first_time = (done == modes);
    for (const LineageEvent* e : cache_[v.id]) {
      if (first_time) {
        AddContext(n, *e);
        if (e->type == epcis::EventType::kObject && e->action == epcis::Action::kAdd &&
            Names(*e, v.id, Role::kEpc) && !graph_.nodes[n].origin_event) {
          graph_.nodes[n].origin_event = EventIndex(*e);
        }
        if (IsContainment(*e) && Names(*e, v.id, Role::kChild)) {
          Contained(n, v, *e, next);
        }
      }
      if (e->type == epcis::EventType::kTransformation) {
        if ((modes & kBack) && Names(*e, v.id, Role::kOutput)) {
          Neighbours(n, v, *e, Role::kInput, Reach::kUpstream, kBack, next);
        }
        if ((modes & kFwd) && Names(*e, v.id, Role::kInput)) {
          Neighbours(n, v, *e, Role::kOutput, Reach::kDownstream, kFwd, next);
        }
      } else if (IsContainment(*e) && ParentOf(*e) == v.id) {
        if ((modes & kBack) && Packs(*e)) {
          Neighbours(n, v, *e, Role::kChild, Reach::kUpstream, kBack, next);
        }
        if ((modes & kFwd) && Unpacks(*e)) Unpacked(n, v, *e, next);
      }
    }
  }

  // Adds the identifiers `e` names in `role` as neighbours of node n (the
  // visit's identifier), reached as `reach`, and enqueues them.
  void Neighbours(size_t n, const Visit& v, const LineageEvent& e, Role role, Reach reach,
                  unsigned mode, std::vector<Visit>& next) {
    const int depth = v.depth + 1;
    if (!WithinDepth(n, depth)) return;
    const bool upstream = reach == Reach::kUpstream;
    const Relation relation = e.type == epcis::EventType::kTransformation
                                  ? Relation::kTransformedInto
                                  : Relation::kPackedInto;
    for (const NamedObject& o : e.objects) {
      if (o.role != role || o.id == v.id) continue;
      const size_t m = NodeFor(o.id, reach, depth);
      if (upstream) {
        AddEdge(m, n, relation, e, &o);
      } else {
        // A transformation's edge carries its input's quantity (v.id's).
        AddEdge(n, m, relation, e, Find(e, v.id, Role::kInput));
      }
      Enqueue(m, o.id, depth, mode, next);
    }
  }

  // Children unpacked from the container v.id by `e`: those it lists, or,
  // when it lists none, everything packed into it before and not yet taken
  // out.
  void Unpacked(size_t n, const Visit& v, const LineageEvent& e, std::vector<Visit>& next) {
    const int depth = v.depth + 1;
    if (!WithinDepth(n, depth)) return;
    std::vector<const NamedObject*> children;
    if (HasChildren(e)) {
      for (const NamedObject& o : e.objects) {
        if (o.role == Role::kChild) children.push_back(&o);
      }
    } else {
      children = ContentsBefore(v.id, e);
    }
    for (const NamedObject* o : children) {
      const size_t m = NodeFor(o->id, Reach::kDownstream, depth);
      AddEdge(n, m, Relation::kUnpackedFrom, e, o);
      Enqueue(m, o->id, depth, kFwd, next);
    }
  }

  // What the container `id` held just before `until`, from its own events.
  std::vector<const NamedObject*> ContentsBefore(const std::string& id, const LineageEvent& until) {
    std::vector<const NamedObject*> inside;
    for (const LineageEvent* e : cache_[id]) {
      if (e == &until) break;
      if (!IsContainment(*e) || ParentOf(*e) != id) continue;
      if (Packs(*e)) {
        for (const NamedObject& o : e->objects) {
          if (o.role != Role::kChild) continue;
          if (std::none_of(inside.begin(), inside.end(),
                           [&](const NamedObject* i) { return i->id == o.id; })) {
            inside.push_back(&o);
          }
        }
      } else if (Unpacks(*e)) {
        if (!HasChildren(*e)) {
          inside.clear();
        } else {
          std::erase_if(inside,
                        [&](const NamedObject* i) { return Names(*e, i->id, Role::kChild); });
        }
      }
    }
    return inside;
  }

  // v.id is a child in the containment event `e`: its container carries it
  // from a packing event until the unpacking that takes it out.
  void Contained(size_t n, const Visit& v, const LineageEvent& e, std::vector<Visit>& next) {
    const std::string parent = ParentOf(e);
    if (parent.empty()) return;
    const NamedObject* own = Find(e, v.id, Role::kChild);
    const int depth = v.depth + 1;
    if (!WithinDepth(n, depth)) return;
    const size_t p = NodeFor(parent, Reach::kCarrier, depth);
    if (Packs(e)) {
      AddEdge(n, p, Relation::kPackedInto, e, own);
      next.push_back({parent, depth, 0, {e.event_time, kEnd}, v.id});
      return;
    }
    AddEdge(p, n, Relation::kUnpackedFrom, e, own);
    const bool packed_before =
        std::any_of(cache_[v.id].begin(), cache_[v.id].end(), [&](const LineageEvent* earlier) {
          return Packs(*earlier) && ParentOf(*earlier) == parent &&
                 earlier->event_time <= e.event_time && Names(*earlier, v.id, Role::kChild);
        });
    if (!packed_before && p != kNoNode) {
      Finding f;
      f.kind = Finding::Kind::kUnpackedWithoutPacking;
      f.nodes = {n, p};
      f.event = EventIndex(e);
      graph_.findings.push_back(std::move(f));
      next.push_back({parent, depth, 0, {kBeginning, e.event_time}, v.id});
    }
  }

  // A carrier visit: the container's events while it held v.via — its
  // places and parties, and the containers it was packed into meanwhile.
  void Carry(const Visit& v, std::vector<Visit>& next) {
    const auto it = index_.find(v.id);
    if (it == index_.end()) return;
    const size_t n = it->second;
    Window w = v.window;
    for (const LineageEvent* e : cache_[v.id]) {
      if (e->event_time < w.from || e->event_time > w.to) continue;
      if (Unpacks(*e) && ParentOf(*e) == v.id &&
          (!HasChildren(*e) || Names(*e, v.via, Role::kChild))) {
        w.to = e->event_time;
        // An unpacking without a child list takes v.via out too.
        const auto via = index_.find(v.via);
        if (via != index_.end()) {
          AddEdge(n, via->second, Relation::kUnpackedFrom, *e, Find(*e, v.via, Role::kChild));
        }
        break;
      }
    }
    std::vector<Window>& done = carried_[v.id];
    if (std::any_of(done.begin(), done.end(), [&](const Window& d) { return d.Contains(w); })) {
      return;
    }
    done.push_back(w);
    for (const LineageEvent* e : cache_[v.id]) {
      if (e->event_time < w.from || e->event_time > w.to) continue;
      AddContext(n, *e);
      if (!IsContainment(*e) || !Names(*e, v.id, Role::kChild)) continue;
      const std::string outer = ParentOf(*e);
      const int depth = v.depth + 1;
      if (outer.empty() || !WithinDepth(n, depth)) continue;
      const size_t o = NodeFor(outer, Reach::kCarrier, depth);
      if (Packs(*e)) {
        AddEdge(n, o, Relation::kPackedInto, *e, Find(*e, v.id, Role::kChild));
        next.push_back({outer, depth, 0, {e->event_time, w.to}, v.id});
      } else {
        AddEdge(o, n, Relation::kUnpackedFrom, *e, Find(*e, v.id, Role::kChild));
      }
    }
  }

  // Objects explored upstream that have neither a commissioning event nor
  // anything upstream: a broken link in the chain of custody.
  void FindOrigins() {
    std::vector<bool> has_upstream(graph_.nodes.size(), false);
    for (const Edge& e : graph_.edges) {
      if (e.relation == Relation::kTransformedInto ||
          (e.relation == Relation::kPackedInto && graph_.nodes[e.to].reach != Reach::kCarrier)) {
        has_upstream[e.to] = true;
      }
      if (e.relation == Relation::kUnpackedFrom) has_upstream[e.to] = true;
    }
    for (size_t i = 0; i < graph_.nodes.size(); ++i) {
      const Node& n = graph_.nodes[i];
      const auto it = explored_.find(n.id);
      if (it == explored_.end() || !(it->second & kBack)) continue;
      if (n.kind != NodeKind::kObject && n.kind != NodeKind::kLot) continue;
      if (n.origin_event || has_upstream[i] || n.withheld || n.truncated || n.depth_limited) {
        continue;
      }
      Finding f;
      f.kind = Finding::Kind::kNoOrigin;
      f.nodes = {i};
      graph_.findings.push_back(std::move(f));
    }
  }

  // Cycles among transformations (an output that is also, further
  // downstream, an input of its own inputs): reported once each, nodes in
  // flow order.
  void FindCycles() {
    const size_t count = graph_.nodes.size();
    std::vector<std::vector<size_t>> out(count);
    for (const Edge& e : graph_.edges) {
      if (e.relation == Relation::kTransformedInto) out[e.from].push_back(e.to);
    }
    for (auto& targets : out) {
      std::sort(targets.begin(), targets.end());
      targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    }
    enum class Mark { kNew, kOnPath, kDone };
    std::vector<Mark> mark(count, Mark::kNew);
    std::vector<size_t> path;
    std::set<std::vector<size_t>> reported;
    // Iterative depth-first search: (node, next target index).
    for (size_t start = 0; start < count; ++start) {
      if (mark[start] != Mark::kNew) continue;
      std::vector<std::pair<size_t, size_t>> stack{{start, 0}};
      mark[start] = Mark::kOnPath;
      path.push_back(start);
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next < out[node].size()) {
          const size_t to = out[node][next++];
          if (mark[to] == Mark::kNew) {
            mark[to] = Mark::kOnPath;
            path.push_back(to);
            stack.push_back({to, 0});
          } else if (mark[to] == Mark::kOnPath) {
            std::vector<size_t> cycle(std::find(path.begin(), path.end(), to), path.end());
            std::vector<size_t> key = cycle;
            std::rotate(key.begin(), std::min_element(key.begin(), key.end()), key.end());
            if (reported.insert(key).second) {
              Finding f;
              f.kind = Finding::Kind::kCycle;
              f.nodes = std::move(cycle);
              graph_.findings.push_back(std::move(f));
            }
          }
        } else {
          mark[node] = Mark::kDone;
          path.pop_back();
          stack.pop_back();
        }
      }
    }
  }

  LineageSource& source_;
  const TraceRequest& r_;
  const size_t budget_;
  Graph graph_;
  bool cut_ = false;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<int64_t, size_t> event_index_;
  std::set<std::tuple<size_t, size_t, Relation, size_t, std::string>> edge_seen_;
  std::deque<LineageEvent> held_;  // stable addresses for cache_
  std::unordered_map<std::string, std::vector<const LineageEvent*>> cache_;
  std::unordered_set<std::string> withheld_, truncated_;
  std::unordered_map<std::string, unsigned> explored_;
  std::unordered_map<std::string, std::vector<Window>> carried_;
};

Status Validate(const TraceRequest& r) {
  if (r.root.empty()) return Status::InvalidArgument("an identifier to trace is required", "id");
  if (r.max_depth < 0 || r.max_depth > kMaxDepth) {
    return Status::InvalidArgument("depth must be 0.." + std::to_string(kMaxDepth), "depth");
  }
  if (r.limit < 1 || r.limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be 1.." + std::to_string(kMaxLimit), "limit");
  }
  if (r.offset < 0 || r.offset > kMaxNodes - r.limit) {
    return Status::InvalidArgument("offset must be 0.." + std::to_string(kMaxNodes) +
                                       " minus the limit: a trace answers at most " +
                                       std::to_string(kMaxNodes) + " nodes",
                                   "offset");
  }
  if (r.max_events_per_id < 1) {
    return Status::InvalidArgument("max_events_per_id must be at least 1", "max_events_per_id");
  }
  return Status::Ok();
}

}  // namespace

Result<Graph> Trace(LineageSource& source, const TraceRequest& r) {
  TXNG_RETURN_IF_ERROR(Validate(r));
  return Walker(source, r).Run();
}

}  // namespace txng::trace
