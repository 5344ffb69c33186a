// The distinct values of one event field, for the EPCIS browse endpoints
// (/epcis/epcs, /epcis/bizSteps, …): keyset pages by value, so a page
// boundary stays put while events are captured.
#include <algorithm>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

namespace {

// The column holding the field, and the FROM clause that reaches it; both
// constants of this file.
struct FieldSource {
  std::string_view column;
  std::string_view from;
};

FieldSource SourceOf(EventField field) {
  switch (field) {
    case EventField::kEpc:
      return {"x.epc", "epcis_event_epcs x JOIN epcis_events e ON e.id = x.event_row"};
    case EventField::kBizStep:
      return {"e.biz_step", "epcis_events e"};
    case EventField::kDisposition:
      return {"e.disposition", "epcis_events e"};
    case EventField::kReadPoint:
      return {"e.read_point", "epcis_events e"};
    case EventField::kBizLocation:
      break;
  }
  return {"e.biz_location", "epcis_events e"};
}

}  // namespace

Result<EventValuesPage> Store::ListEventValues(const EventValuesQuery& q) {
  const int limit = std::clamp(q.limit, 1, 1000);
  const FieldSource source = SourceOf(q.field);
  // "> $1" also leaves out absent values, stored as empty text.
  std::string sql = "SELECT DISTINCT " + std::string(source.column) + " FROM " +
                    std::string(source.from) + " WHERE " + std::string(source.column) + " > $1";
  std::vector<SqlValue> params;
  params.emplace_back(q.after);
  if (q.approved_only) {
    sql += " AND e.review_status = 'approved'";
  } else if (q.visible_to_org) {
    sql += " AND (e.review_status = 'approved' OR e.org_id = $2)";
    params.emplace_back(*q.visible_to_org);
  }
  // One more row than asked tells whether another page follows.
  sql += " ORDER BY " + std::string(source.column) + " LIMIT " + std::to_string(limit + 1);
  return store_internal::InTransaction<EventValuesPage>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<EventValuesPage> {
        TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, params));
        EventValuesPage page;
        for (const SqlRow& row : r.rows) {
          if (page.values.size() == static_cast<std::size_t>(limit)) {
            page.more = true;
            break;
          }
          page.values.push_back(row.Text(0));
        }
        return page;
      });
}

}  // namespace txng
