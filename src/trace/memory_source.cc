#include "trace/memory_source.h"

#include <algorithm>
#include <map>
#include <set>

#include "epcis/timestamp.h"

namespace txng::trace {

namespace {

void AddObjects(const std::vector<std::string>& ids, Role role, std::vector<NamedObject>& out) {
  for (const std::string& id : ids) out.push_back({id, role, false, std::nullopt, ""});
}

void AddQuantities(const std::vector<epcis::QuantityElement>& list, Role role,
                   std::vector<NamedObject>& out) {
  for (const epcis::QuantityElement& q : list)
    out.push_back({q.epc_class, role, true, q.quantity, q.uom});
}

bool Visible(const Visibility& v, int64_t org_id, bool approved) {
  if (approved) return true;
  if (v.approved_only) return false;
  return !v.visible_to_org || *v.visible_to_org == org_id;
}

}  // namespace

Result<LineageEvent> ToLineageEvent(const epcis::Event& e, int64_t row, int64_t org_id,
                                    std::string_view hash_id) {
  TXNG_ASSIGN_OR_RETURN(epcis::Instant at, epcis::ParseTimestamp(e.event_time));
  LineageEvent out;
  out.row = row;
  out.event_id = e.event_id.empty() ? std::string(hash_id) : e.event_id;
  out.type = e.type;
  out.action = e.action;
  out.event_time = epcis::ToUnixMillis(at);
  out.biz_step = e.biz_step;
  out.disposition = e.disposition;
  if (e.read_point) out.read_point = e.read_point->id;
  if (e.biz_location) out.biz_location = e.biz_location->id;
  AddObjects(e.epc_list, Role::kEpc, out.objects);
  if (!e.parent_id.empty())
    out.objects.push_back({e.parent_id, Role::kParent, false, std::nullopt, ""});
  AddObjects(e.child_epcs, Role::kChild, out.objects);
  AddObjects(e.input_epc_list, Role::kInput, out.objects);
  AddObjects(e.output_epc_list, Role::kOutput, out.objects);
  AddQuantities(e.quantity_list, Role::kEpc, out.objects);
  AddQuantities(e.child_quantity_list, Role::kChild, out.objects);
  AddQuantities(e.input_quantity_list, Role::kInput, out.objects);
  AddQuantities(e.output_quantity_list, Role::kOutput, out.objects);
  out.sources = e.sources;
  out.destinations = e.destinations;
  out.biz_transactions = e.biz_transactions;
  out.org_id = org_id;
  return out;
}

void MemorySource::Add(LineageEvent e, bool approved, bool declared_in_error) {
  events_.push_back({std::move(e), approved, declared_in_error});
}

Result<NamingAnswer> MemorySource::EventsNaming(const SourceQuery& q) {
  ++calls_;
  const std::set<std::string> wanted(q.ids.begin(), q.ids.end());
  std::map<std::string, int> per_id;
  std::set<std::string> withheld, truncated;
  std::vector<const Held*> sorted;
  for (const Held& h : events_) sorted.push_back(&h);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Held* a, const Held* b) {
    return std::pair(a->event.event_time, a->event.row) <
           std::pair(b->event.event_time, b->event.row);
  });
  NamingAnswer answer;
  for (const Held* h : sorted) {
    if (h->declared_in_error) continue;
    if (q.as_of && h->event.event_time > *q.as_of) continue;
    std::set<std::string> named;
    for (const NamedObject& o : h->event.objects) {
      if (wanted.contains(o.id)) named.insert(o.id);
    }
    if (named.empty()) continue;
    if (!Visible(q.visibility, h->event.org_id, h->approved)) {
      withheld.insert(named.begin(), named.end());
      continue;
    }
    bool keep = false;
    for (const std::string& id : named) {
      if (++per_id[id] > q.max_events_per_id) {
        truncated.insert(id);
      } else {
        keep = true;
      }
    }
    if (keep) answer.events.push_back(h->event);
  }
  answer.withheld.assign(withheld.begin(), withheld.end());
  answer.truncated.assign(truncated.begin(), truncated.end());
  return answer;
}

}  // namespace txng::trace
