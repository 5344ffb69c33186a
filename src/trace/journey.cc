#include "trace/journey.h"

#include <algorithm>
#include <map>

namespace txng::trace {

std::vector<JourneyStep> JourneySteps(const Graph& g) {
  // Each event once, about the first node on the way here that read it.
  std::map<size_t, JourneyStep> by_event;
  for (const Node& n : g.nodes) {
    if (n.reach != Reach::kRoot && n.reach != Reach::kUpstream && n.reach != Reach::kCarrier) {
      continue;
    }
    for (size_t event : n.events) {
      auto [it, inserted] = by_event.try_emplace(event);
      if (!inserted) continue;
      const LineageEvent& ev = g.events[event];
      JourneyStep& step = it->second;
      step.event = event;
      step.subject = n.id;
      step.place = ev.biz_location.empty() ? ev.read_point : ev.biz_location;
      for (const epcis::TypedId& s : ev.sources) step.from.push_back(s.id);
      for (const epcis::TypedId& d : ev.destinations) step.to.push_back(d.id);
      for (const NamedObject& o : ev.objects) {
        if (o.id == n.id && o.quantity) {
          step.quantity = o.quantity;
          step.uom = o.uom;
          break;
        }
      }
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
