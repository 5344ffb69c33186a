// StoreLineageSource: one read transaction per EventsNaming call — the
// events that name the identifiers with their columns (bounded per
// identifier by a window function), which identifiers have events the
// caller may not see, then the chosen events' index rows in one statement. Identifier and row lists
// are bound in chunks whose sizes are powers of two (padded with their last value), so that few
// distinct statement texts reach the statement caches.
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

// epcis_events as the lineage reads it: on SQLite through the index that
// holds the lineage's columns (migration 0014), which the planner would
// not choose over the table's rowid.
std::string_view EventsTable(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "epcis_events e INDEXED BY epcis_events_lineage_idx"
                                     : "epcis_events e";
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

// The columns of an event row as the lineage reads them, from column
// `first` on: id, event_id, event_type, action, event_time, biz_step,
// disposition, read_point, biz_location, org_id.
constexpr std::string_view kEventColumns =
    "e.id, e.event_id, e.event_type, e.action, e.event_time, e.biz_step, e.disposition, "
    "e.read_point, e.biz_location, e.org_id";

trace::LineageEvent EventFromRow(const SqlRow& r, size_t first) {
  trace::LineageEvent e;
  e.row = r.Int(first);
  e.event_id = r.Text(first + 1);
  e.type = epcis::EventTypeFromName(r.Text(first + 2)).value_or(epcis::EventType::kObject);
  e.action = epcis::ActionFromName(r.Text(first + 3)).value_or(epcis::Action::kNone);
  e.event_time = r.Int(first + 4);
  e.biz_step = r.Text(first + 5);
  e.disposition = r.Text(first + 6);
  e.read_point = r.Text(first + 7);
  e.biz_location = r.Text(first + 8);
  e.org_id = r.Int(first + 9);
  return e;
}

// Adds the index rows of the events in `by_row` (identifiers, quantities,
// sources, destinations, bizTransactions) with one statement per chunk:
// the three index tables in one UNION ALL, in value order so that both
// databases give the same answer.
Status LoadIndexRows(SqlConnection& c, const std::vector<int64_t>& rows,
                     std::unordered_map<int64_t, trace::LineageEvent>& by_row) {
  for (const std::vector<int64_t>& chunk : Chunks(rows)) {
    Params p;
    const std::string list = p.List(chunk);
    TXNG_ASSIGN_OR_RETURN(
        SqlResult index,
        c.Run("SELECT event_row, 0 AS source, role, epc AS value, CAST(NULL AS DOUBLE PRECISION) "
              "AS quantity, '' AS uom FROM epcis_event_epcs WHERE event_row IN (" +
                  list +
                  ") UNION ALL SELECT event_row, 1, role, epc_class, quantity, uom FROM "
                  "epcis_event_quantities WHERE event_row IN (" +
                  list +
                  ") UNION ALL SELECT event_row, 2, kind, value, NULL, type FROM "
                  "epcis_event_links WHERE event_row IN (" +
                  list + ") ORDER BY 1, 2, 3, 4, 6",
              p.values()));
    for (const SqlRow& r : index.rows) {
      auto it = by_row.find(r.Int(0));
      if (it == by_row.end()) continue;
      trace::LineageEvent& e = it->second;
      switch (r.Int(1)) {
        case 0:
          e.objects.push_back({r.Text(3), RoleFromName(r.Text(2)), false, std::nullopt, ""});
          break;
        case 1:
          e.objects.push_back(
              {r.Text(3), RoleFromName(r.Text(2)), true, r.OptDouble(4), r.Text(5)});
          break;
        default: {
          // Links: kind in the role column, type in the uom column.
          const std::string kind = r.Text(2);
          epcis::TypedId link{r.Text(5), r.Text(3)};
          if (kind == "source") {
            e.sources.push_back(std::move(link));
          } else if (kind == "destination") {
            e.destinations.push_back(std::move(link));
          } else {
            e.biz_transactions.push_back(std::move(link));
          }
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<trace::NamingAnswer> StoreLineageSource::EventsNaming(const trace::SourceQuery& q) {
  return InTransaction<trace::NamingAnswer>(
      store_.db(), TxMode::kRead, [&](SqlConnection& c) -> Result<trace::NamingAnswer> {
        trace::NamingAnswer answer;
        // The chosen events by row, and (event_time, row) for their order.
        std::unordered_map<int64_t, trace::LineageEvent> by_row;
        std::set<std::pair<int64_t, int64_t>> order;
        std::set<std::string> truncated, withheld;
        const std::string events(EventsTable(store_.db().dialect()));
        for (const std::vector<std::string>& ids : Chunks(q.ids)) {
          Params p;
          const std::string naming = Naming(p, ids);
          const std::string current = Current(p, q);
          const std::string visible = Visible(p, q.visibility);
          const std::string limit = p.Add(static_cast<int64_t>(q.max_events_per_id) + 1);
          // One more than the bound per identifier says it was cut; the
          // event columns come along so that only the index rows remain.
          TXNG_ASSIGN_OR_RETURN(
              SqlResult rows,
              c.Run("SELECT t.id_value, t.rn, " + std::string(kEventColumns) +
                        " FROM (SELECT x.id_value, x.event_row, ROW_NUMBER() OVER (PARTITION BY "
                        "x.id_value ORDER BY e.event_time, e.id) AS rn FROM " +
                        naming + " x JOIN " + events + " ON e.id = x.event_row WHERE " + current +
                        (visible.empty() ? "" : " AND " + visible) + ") t JOIN " + events +
                        " ON e.id = t.event_row WHERE t.rn <= " + limit,
                    p.values()));
          for (const SqlRow& r : rows.rows) {
            if (r.Int(1) > q.max_events_per_id) {
              truncated.insert(r.Text(0));
              continue;
            }
            trace::LineageEvent e = EventFromRow(r, 2);
            order.emplace(e.event_time, e.row);
            by_row.try_emplace(e.row, std::move(e));
          }
          if (visible.empty()) continue;
          Params h;
          const std::string hidden_naming = Naming(h, ids);
          const std::string hidden_current = Current(h, q);
          const std::string hidden_visible = Visible(h, q.visibility);
          TXNG_ASSIGN_OR_RETURN(SqlResult hidden,
                                c.Run("SELECT DISTINCT x.id_value FROM " + hidden_naming +
                                          " x JOIN " + events + " ON e.id = x.event_row WHERE " +
                                          hidden_current + " AND NOT " + hidden_visible,
                                      h.values()));
          for (const SqlRow& r : hidden.rows) withheld.insert(r.Text(0));
        }
        std::vector<int64_t> rows;
        rows.reserve(order.size());
        for (const auto& [time, row] : order) rows.push_back(row);
        TXNG_RETURN_IF_ERROR(LoadIndexRows(c, rows, by_row));
        answer.events.reserve(rows.size());
        for (int64_t row : rows) answer.events.push_back(std::move(by_row.at(row)));
        answer.truncated.assign(truncated.begin(), truncated.end());
        answer.withheld.assign(withheld.begin(), withheld.end());
        return answer;
      });
}

}  // namespace txng
