#include "trace/journey.h"

#include <algorithm>
#include <map>

namespace txng::trace {

std::vector<JourneyStep> JourneySteps(const Graph& g) {
  // The first edge of each event whose identifier end is on the way here.
  std::map<size_t, JourneyStep> by_event;
  auto on_the_way = [&](size_t n) {
    const Reach r = g.nodes[n].reach;
    return r == Reach::kRoot || r == Reach::kUpstream || r == Reach::kCarrier;
  };
  auto is_place = [&](size_t n) { return g.nodes[n].reach == Reach::kContext; };
  for (const Edge& e : g.edges) {
    // The identifier the edge is about: the object end of a context edge,
    // the end a flow edge leads to (what was made or filled).
    size_t subject = e.to;
    if (is_place(e.to)) subject = e.from;
    if (e.relation == Relation::kFrom) subject = e.to;
    if (e.relation == Relation::kTransformedInto || e.relation == Relation::kPackedInto) {
      subject = e.from;
    }
    if (is_place(subject) || !on_the_way(subject)) continue;
    auto [it, inserted] = by_event.try_emplace(e.event);
    JourneyStep& step = it->second;
    if (inserted) {
      const LineageEvent& ev = g.events[e.event];
      step.event = e.event;
      step.subject = g.nodes[subject].id;
      step.place = ev.biz_location.empty() ? ev.read_point : ev.biz_location;
      for (const epcis::TypedId& s : ev.sources) step.from.push_back(s.id);
      for (const epcis::TypedId& d : ev.destinations) step.to.push_back(d.id);
      for (const NamedObject& o : ev.objects) {
        if (o.id == step.subject && o.quantity) {
          step.quantity = o.quantity;
          step.uom = o.uom;
          break;
        }
      }
    }
  }
  // Events only named as origin (a commissioning with no place) still count.
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    if (!g.nodes[n].origin_event || !on_the_way(n)) continue;
    auto [it, inserted] = by_event.try_emplace(*g.nodes[n].origin_event);
    if (inserted) {
      it->second.event = *g.nodes[n].origin_event;
      it->second.subject = g.nodes[n].id;
    }
  }
  std::vector<JourneyStep> steps;
  for (auto& [event, step] : by_event) steps.push_back(std::move(step));
  std::sort(steps.begin(), steps.end(), [&](const JourneyStep& a, const JourneyStep& b) {
    const LineageEvent& x = g.events[a.event];
    const LineageEvent& y = g.events[b.event];
    return std::pair(x.event_time, x.row) < std::pair(y.event_time, y.row);
  });
  return steps;
}

}  // namespace txng::trace
