#include "trace/one_step.h"

#include <algorithm>
#include <map>
#include <set>

namespace txng::trace {

namespace {

struct Sets {
  std::set<std::string> suppliers, customers, received, sent;
};

std::vector<std::string> Sorted(const std::set<std::string>& s) { return {s.begin(), s.end()}; }

}  // namespace

OneStep OneStepView(const Graph& g) {
  OneStep out;
  std::set<std::string> inputs, outputs;
  for (const Edge& e : g.edges) {
    const bool flow = e.relation == Relation::kTransformedInto ||
                      e.relation == Relation::kPackedInto || e.relation == Relation::kUnpackedFrom;
    if (!flow) continue;
    const Node& from = g.nodes[e.from];
    const Node& to = g.nodes[e.to];
    if (e.to == 0 && from.reach == Reach::kUpstream) inputs.insert(from.id);
    if (e.from == 0 && to.reach == Reach::kDownstream) outputs.insert(to.id);
  }
  out.inputs = Sorted(inputs);
  out.outputs = Sorted(outputs);

  std::map<std::string, Sets> actors;
  for (const LineageEvent& e : g.events) {
    for (const epcis::TypedId& s : e.sources) {
      for (const epcis::TypedId& d : e.destinations) {
        if (s.type != d.type || s.id == d.id) continue;
        Sets& from = actors[s.id];
        Sets& to = actors[d.id];
        from.customers.insert(d.id);
        to.suppliers.insert(s.id);
        for (const NamedObject& o : e.objects) {
          from.sent.insert(o.id);
          to.received.insert(o.id);
        }
      }
    }
  }
  for (const auto& [party, sets] : actors) {
    out.actors.push_back({party, Sorted(sets.suppliers), Sorted(sets.customers),
                          Sorted(sets.received), Sorted(sets.sent)});
  }
  return out;
}

}  // namespace txng::trace
