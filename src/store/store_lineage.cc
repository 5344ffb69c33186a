// StoreLineageSource: one read transaction per EventsNaming call — which
// events name the identifiers (bounded per identifier by a window
// function), which identifiers have events the caller may not see, then
// the chosen events' columns and index rows. Identifier and row lists are
// bound in chunks whose sizes are powers of two (padded with their last
// value), so that few distinct statement texts reach the statement caches.
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "store/lineage_source.h"
#include "store/store_internal.h"

namespace txng {

namespace {

using store_internal::InTransaction;

constexpr size_t kChunk = 512;

// Parameters of one statement, and "$i, $j, …" lists of them.
class Params {
 public:
  std::string Add(SqlValue v) {
    values_.push_back(std::move(v));
    return "$" + std::to_string(values_.size());
  }
  template <typename T>
  std::string List(const std::vector<T>& items) {
    size_t width = 1;
    while (width < items.size()) width *= 2;
    std::string out;
    for (size_t i = 0; i < width; ++i) {
      if (i > 0) out += ", ";
      out += Add(SqlValue(items[std::min(i, items.size() - 1)]));
    }
    return out;
  }
  const std::vector<SqlValue>& values() const { return values_; }

 private:
  std::vector<SqlValue> values_;
};

template <typename T>
std::vector<std::vector<T>> Chunks(const std::vector<T>& all) {
  std::vector<std::vector<T>> out;
  for (size_t i = 0; i < all.size(); i += kChunk) {
    out.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(i),
                     all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), i + kChunk)));
  }
  return out;
}

// The rows (aliased x: id_value, event_row) that name one of `ids` in any
// role, instance or class-level.
std::string Naming(Params& p, const std::vector<std::string>& ids) {
  const std::string list = p.List(ids);
  return "(SELECT epc AS id_value, event_row FROM epcis_event_epcs WHERE epc IN (" + list +
         ") UNION SELECT epc_class, event_row FROM epcis_event_quantities WHERE epc_class IN (" +
         list + "))";
}

// Events that count at all: not declared in error, not declarations, not
// after as_of.
std::string Current(Params& p, const trace::SourceQuery& q) {
  return "e.declares_error = 0 AND e.declared_in_error_at IS NULL AND e.event_time <= " +
         p.Add(q.as_of.value_or(std::numeric_limits<int64_t>::max()));
}

// The caller's view, or "" when it sees everything.
std::string Visible(Params& p, const trace::Visibility& v) {
  if (v.approved_only) return "e.review_status = 'approved'";
  if (v.visible_to_org) {
    return "(e.review_status = 'approved' OR e.org_id = " + p.Add(*v.visible_to_org) + ")";
  }
  return "";
}

trace::Role RoleFromName(std::string_view role) {
  if (role == "parent") return trace::Role::kParent;
  if (role == "child") return trace::Role::kChild;
  if (role == "input") return trace::Role::kInput;
  if (role == "output") return trace::Role::kOutput;
  return trace::Role::kEpc;  // "epc", "quantity"
}

// Reads the chosen events (columns and index rows) into `out`, in the
// order of `rows`.
Status LoadEvents(SqlConnection& c, const std::vector<int64_t>& rows,
                  std::vector<trace::LineageEvent>& out) {
  std::unordered_map<int64_t, trace::LineageEvent> by_row;
  for (const std::vector<int64_t>& chunk : Chunks(rows)) {
    Params p;
    const std::string list = p.List(chunk);
    TXNG_ASSIGN_OR_RETURN(
        SqlResult events,
        c.Run("SELECT id, event_id, event_type, action, event_time, biz_step, disposition, "
              "read_point, biz_location, org_id FROM epcis_events WHERE id IN (" +
                  list + ")",
              p.values()));
    for (const SqlRow& r : events.rows) {
      trace::LineageEvent e;
      e.row = r.Int(0);
      e.event_id = r.Text(1);
      e.type = epcis::EventTypeFromName(r.Text(2)).value_or(epcis::EventType::kObject);
      e.action = epcis::ActionFromName(r.Text(3)).value_or(epcis::Action::kNone);
      e.event_time = r.Int(4);
      e.biz_step = r.Text(5);
      e.disposition = r.Text(6);
      e.read_point = r.Text(7);
      e.biz_location = r.Text(8);
      e.org_id = r.Int(9);
      by_row.emplace(e.row, std::move(e));
    }
    // Index rows in value order: the same answer from both databases.
    TXNG_ASSIGN_OR_RETURN(SqlResult epcs, c.Run("SELECT event_row, role, epc FROM epcis_event_epcs "
                                                "WHERE event_row IN (" +
                                                    list + ") ORDER BY event_row, role, epc",
                                                p.values()));
    for (const SqlRow& r : epcs.rows) {
      auto it = by_row.find(r.Int(0));
      if (it == by_row.end()) continue;
      it->second.objects.push_back({r.Text(2), RoleFromName(r.Text(1)), false, std::nullopt, ""});
    }
    TXNG_ASSIGN_OR_RETURN(SqlResult quantities,
                          c.Run("SELECT event_row, role, epc_class, quantity, uom "
                                "FROM epcis_event_quantities WHERE event_row IN (" +
                                    list + ") ORDER BY event_row, role, epc_class",
                                p.values()));
    for (const SqlRow& r : quantities.rows) {
      auto it = by_row.find(r.Int(0));
      if (it == by_row.end()) continue;
      it->second.objects.push_back(
          {r.Text(2), RoleFromName(r.Text(1)), true, r.OptDouble(3), r.Text(4)});
    }
    TXNG_ASSIGN_OR_RETURN(SqlResult links,
                          c.Run("SELECT event_row, kind, type, value FROM epcis_event_links "
                                "WHERE event_row IN (" +
                                    list + ") ORDER BY event_row, kind, type, value",
                                p.values()));
    for (const SqlRow& r : links.rows) {
      auto it = by_row.find(r.Int(0));
      if (it == by_row.end()) continue;
      const std::string kind = r.Text(1);
      epcis::TypedId link{r.Text(2), r.Text(3)};
      if (kind == "source") {
        it->second.sources.push_back(std::move(link));
      } else if (kind == "destination") {
        it->second.destinations.push_back(std::move(link));
      } else {
        it->second.biz_transactions.push_back(std::move(link));
      }
    }
  }
  for (int64_t row : rows) {
    auto it = by_row.find(row);
    if (it != by_row.end()) out.push_back(std::move(it->second));
  }
  return Status::Ok();
}

}  // namespace

Result<trace::NamingAnswer> StoreLineageSource::EventsNaming(const trace::SourceQuery& q) {
  return InTransaction<trace::NamingAnswer>(
      store_.db(), TxMode::kRead, [&](SqlConnection& c) -> Result<trace::NamingAnswer> {
        trace::NamingAnswer answer;
        // (event_time, row) of every chosen event, and how many per id.
        std::set<std::pair<int64_t, int64_t>> chosen;
        std::set<std::string> truncated, withheld;
        for (const std::vector<std::string>& ids : Chunks(q.ids)) {
          Params p;
          const std::string naming = Naming(p, ids);
          const std::string current = Current(p, q);
          const std::string visible = Visible(p, q.visibility);
          const std::string limit = p.Add(static_cast<int64_t>(q.max_events_per_id) + 1);
          TXNG_ASSIGN_OR_RETURN(
              SqlResult rows,
              c.Run("SELECT t.id_value, t.event_row, t.event_time, t.rn FROM (SELECT x.id_value, "
                    "x.event_row, e.event_time, ROW_NUMBER() OVER (PARTITION BY x.id_value "
                    "ORDER BY e.event_time, e.id) AS rn FROM " +
                        naming + " x JOIN epcis_events e ON e.id = x.event_row WHERE " + current +
                        (visible.empty() ? "" : " AND " + visible) + ") t WHERE t.rn <= " + limit,
                    p.values()));
          for (const SqlRow& r : rows.rows) {
            if (r.Int(3) > q.max_events_per_id) {
              truncated.insert(r.Text(0));
            } else {
              chosen.emplace(r.Int(2), r.Int(1));
            }
          }
          if (visible.empty()) continue;
          Params h;
          const std::string hidden_naming = Naming(h, ids);
          const std::string hidden_current = Current(h, q);
          const std::string hidden_visible = Visible(h, q.visibility);
          TXNG_ASSIGN_OR_RETURN(SqlResult hidden,
                                c.Run("SELECT DISTINCT x.id_value FROM " + hidden_naming +
                                          " x JOIN epcis_events e ON e.id = x.event_row WHERE " +
                                          hidden_current + " AND NOT " + hidden_visible,
                                      h.values()));
          for (const SqlRow& r : hidden.rows) withheld.insert(r.Text(0));
        }
        std::vector<int64_t> rows;
        rows.reserve(chosen.size());
        for (const auto& [time, row] : chosen) rows.push_back(row);
        TXNG_RETURN_IF_ERROR(LoadEvents(c, rows, answer.events));
        answer.truncated.assign(truncated.begin(), truncated.end());
        answer.withheld.assign(withheld.begin(), withheld.end());
        return answer;
      });
}

}  // namespace txng
