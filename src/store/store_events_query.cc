// EPCIS event queries: EventQuery (events.h) as one SQL statement over
// epcis_events and its index tables, with keyset pagination so that a page
// boundary stays put while new events are captured.
#include <algorithm>
#include <string>
#include <vector>

#include "store/events_internal.h"
#include "store/events_master_data_internal.h"
#include "store/events_sensor_internal.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

namespace {

// Collects conditions and their parameters ($1, $2, … in order of use).
class QueryBuilder {
 public:
  explicit QueryBuilder(Dialect dialect) : dialect_(dialect) {}

  std::string Param(SqlValue value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(params_.size());
  }

  void Where(std::string condition) { conditions_.push_back(std::move(condition)); }

  // column IN ($a, $b, …); nothing when `values` is empty.
  void In(std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string sql = std::string(column) + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) sql += (i ? ", " : "") + Param(values[i]);
    Where(sql + ")");
  }

  // `column` equal to one of `matches`, or matching one of the patterns.
  std::string Matches(std::string_view column, const std::vector<IdMatch>& matches) {
    std::string sql = "(";
    for (std::size_t i = 0; i < matches.size(); ++i) {
      if (i) sql += " OR ";
      sql += std::string(column);
      if (!matches[i].is_pattern) {
        sql += " = " + Param(matches[i].value);
      } else if (dialect_ == Dialect::kSqlite) {
        // GLOB is case-sensitive (LIKE is not, in SQLite) and uses the index.
        sql += " GLOB " + Param(Glob(matches[i].value));
      } else {
        sql += " LIKE " + Param(Like(matches[i].value));
      }
    }
    return sql + ")";
  }

  // The events with a row in an index table, for the given roles.
  // Written as "e.id IN (SELECT event_row …)" rather than a correlated
  // EXISTS: SQLite then starts from the identifier index (EXPLAIN QUERY
  // PLAN showed a scan of every event, probing per row, for EXISTS);
  // PostgreSQL plans both as the same semi-join.
  void InIndexTable(std::string_view table, std::string_view column,
                    const std::vector<std::string_view>& roles,
                    const std::vector<IdMatch>& matches) {
    if (matches.empty()) return;
    std::string sql =
        "e.id IN (SELECT x.event_row FROM " + std::string(table) + " x WHERE x.role IN (";
    for (std::size_t i = 0; i < roles.size(); ++i) {
      sql += (i ? ", '" : "'") + std::string(roles[i]) + "'";  // constants of this file
    }
    Where(sql + ") AND " + Matches("x." + std::string(column), matches) + ")");
  }

  std::string WhereSql() const {
    std::string sql;
    for (std::size_t i = 0; i < conditions_.size(); ++i) {
      sql += (i ? " AND " : " WHERE ") + conditions_[i];
    }
    return sql;
  }

  const std::vector<SqlValue>& params() const { return params_; }
  Dialect dialect() const { return dialect_; }

 private:
  // IdMatch patterns as GLOB and LIKE patterns: their wildcards kept,
  // other characters literal.
  static std::string Glob(const std::string& pattern) {
    std::string out;
    for (char ch : pattern) {
      if (ch == '[') {
        out += "[[]";
      } else {
        out += ch;
      }
    }
    return out;
  }

  static std::string Like(const std::string& pattern) {
    std::string out;
    for (char ch : pattern) {
      if (ch == '*') {
        out += '%';
      } else if (ch == '?') {
        out += '_';
      } else {
        if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
        out += ch;
      }
    }
    return out;
  }

  Dialect dialect_;
  std::vector<std::string> conditions_;
  std::vector<SqlValue> params_;
};

std::string_view SortColumn(EventOrder order) {
  switch (order) {
    case EventOrder::kEventTime:
      return "e.event_time";
    case EventOrder::kRecordTime:
      return "e.record_time";
    case EventOrder::kCapture:
    case EventOrder::kField:  // SortExpressions
      break;
  }
  return "e.id";
}

int64_t SortValue(EventOrder order, const StoredEvent& e, int64_t event_time, int64_t record_time) {
  switch (order) {
    case EventOrder::kEventTime:
      return event_time;
    case EventOrder::kRecordTime:
      return record_time;
    case EventOrder::kCapture:
    case EventOrder::kField:  // the cursor's FieldSortKey
      break;
  }
  return e.id;
}

void AddFilters(QueryBuilder& b, const EventQuery& q) {
  std::vector<std::string> types;
  for (epcis::EventType t : q.event_types) types.emplace_back(epcis::EventTypeName(t));
  b.In("e.event_type", types);
  if (q.ge_event_time) b.Where("e.event_time >= " + b.Param(*q.ge_event_time));
  if (q.lt_event_time) b.Where("e.event_time < " + b.Param(*q.lt_event_time));
  if (q.ge_record_time) b.Where("e.record_time >= " + b.Param(*q.ge_record_time));
  if (q.lt_record_time) b.Where("e.record_time < " + b.Param(*q.lt_record_time));
  std::vector<std::string> actions;
  for (epcis::Action a : q.actions) actions.emplace_back(epcis::ActionName(a));
  b.In("e.action", actions);
  b.In("e.biz_step", q.biz_steps);
  b.In("e.disposition", q.dispositions);
  b.In("e.read_point", q.read_points);
  b.In("e.biz_location", q.biz_locations);
  b.In("e.transformation_id", q.transformation_ids);
  b.In("e.event_id", q.event_ids);
  b.InIndexTable("epcis_event_epcs", "epc", {"epc", "child"}, q.match_epc);
  b.InIndexTable("epcis_event_epcs", "epc", {"parent"}, q.match_parent_id);
  b.InIndexTable("epcis_event_epcs", "epc", {"input"}, q.match_input_epc);
  b.InIndexTable("epcis_event_epcs", "epc", {"output"}, q.match_output_epc);
  b.InIndexTable("epcis_event_epcs", "epc", {"epc", "parent", "child", "input", "output"},
                 q.match_any_epc);
  b.InIndexTable("epcis_event_quantities", "epc_class", {"quantity", "child"}, q.match_epc_class);
  b.InIndexTable("epcis_event_quantities", "epc_class", {"input"}, q.match_input_epc_class);
  b.InIndexTable("epcis_event_quantities", "epc_class", {"output"}, q.match_output_epc_class);
  b.InIndexTable("epcis_event_quantities", "epc_class", {"quantity", "child", "input", "output"},
                 q.match_any_epc_class);
  for (const LinkMatch& m : q.link_matches) {
    static constexpr std::string_view kKinds[] = {"bizTransaction", "source", "destination"};
    std::string sql =
        "EXISTS (SELECT 1 FROM epcis_event_links x WHERE x.event_row = e.id AND "
        "x.kind = '" +
        std::string(kKinds[static_cast<int>(m.kind)]) + "' AND x.type = " + b.Param(m.type) +
        " AND x.value IN (";
    for (std::size_t i = 0; i < m.values.size(); ++i) {
      sql += (i ? ", " : "") + b.Param(m.values[i]);
    }
    b.Where(sql + "))");
  }
  auto param = [&b](SqlValue v) { return b.Param(std::move(v)); };
  if (std::string sensor = store_internal::SensorCondition(q.sensor, param); !sensor.empty()) {
    b.Where(std::move(sensor));
  }
  if (std::string md = store_internal::MasterDataCondition(q.master_data, param); !md.empty()) {
    b.Where(std::move(md));
  }
  if (q.approved_only) {
    b.Where("e.review_status = 'approved'");
  } else if (q.visible_to_org) {
    b.Where("(e.review_status = 'approved' OR e.org_id = " + b.Param(*q.visible_to_org) + ")");
  }
}

std::string_view ComparisonSql(Comparison op) {
  switch (op) {
    case Comparison::kGt:
      return " > ";
    case Comparison::kGe:
      return " >= ";
    case Comparison::kLt:
      return " < ";
    case Comparison::kLe:
      return " <= ";
    case Comparison::kEq:
      break;
  }
  return " = ";
}

// EXISTS over the epcis_event_fields rows of the event in `scope` named by
// the SQL text `name`, where `condition` (if any) holds.
std::string FieldExists(std::string_view scope, bool nested, const std::string& name,
                        const std::string& condition) {
  return "EXISTS (SELECT 1 FROM epcis_event_fields f WHERE f.event_row = e.id AND f.scope = '" +
         std::string(scope) + "' AND f.nested = " + (nested ? "1" : "0") + " AND f.name = " + name +
         (condition.empty() ? "" : " AND " + condition) + ")";
}

// A standard member (scope 'standard') equal to one of `values`.
void StandardFieldIn(QueryBuilder& b, std::string_view name,
                     const std::vector<std::string>& values) {
  if (values.empty()) return;
  std::string in = "f.text_value IN (";
  for (std::size_t i = 0; i < values.size(); ++i) in += (i ? ", " : "") + b.Param(values[i]);
  b.Where(FieldExists("standard", false, "'" + std::string(name) + "'", in + ")"));
}

// f.text_value / num_value / time_value compared with `v`: as a number or a
// time when `v` is one (EQ also accepts the same text), else as text in
// byte order.
std::string FieldComparison(QueryBuilder& b, Comparison op, const FieldValue& v) {
  const std::string_view cmp = ComparisonSql(op);
  if (op == Comparison::kEq) {
    std::string sql = "(f.text_value = " + b.Param(v.text);
    if (v.number) sql += " OR f.num_value = " + b.Param(*v.number);
    if (v.time) sql += " OR f.time_value = " + b.Param(*v.time);
    return sql + ")";
  }
  if (v.number) return "f.num_value" + std::string(cmp) + b.Param(*v.number);
  if (v.time) return "f.time_value" + std::string(cmp) + b.Param(*v.time);
  const std::string_view collate = b.dialect() == Dialect::kPostgres ? " COLLATE \"C\"" : "";
  return "f.text_value" + std::string(collate) + std::string(cmp) + b.Param(v.text);
}

void AddFieldMatch(QueryBuilder& b, const FieldMatch& m) {
  static constexpr std::string_view kScopes[] = {"extension", "ilmd", "errorExtension"};
  std::string condition;
  if (m.op) {
    for (std::size_t i = 0; i < m.values.size(); ++i) {
      condition += (i ? " OR " : "(") + FieldComparison(b, *m.op, m.values[i]);
    }
    // No value to compare with: nothing matches.
    condition = m.values.empty() ? "1 = 0" : condition + ")";
  }
  b.Where(FieldExists(kScopes[static_cast<int>(m.scope)], m.nested, b.Param(m.name), condition));
}

// The second group of EventQuery's conditions (events.h).
void AddFieldFilters(QueryBuilder& b, const EventQuery& q) {
  StandardFieldIn(b, "persistentDisposition.set", q.persistent_disposition_set);
  StandardFieldIn(b, "persistentDisposition.unset", q.persistent_disposition_unset);
  if (!q.quantity_bounds.empty()) {
    std::string sql =
        "EXISTS (SELECT 1 FROM epcis_event_quantities x WHERE x.event_row = e.id AND "
        "x.quantity IS NOT NULL";
    for (const QuantityBound& bound : q.quantity_bounds) {
      sql += " AND x.quantity" + std::string(ComparisonSql(bound.op)) + b.Param(bound.value);
    }
    b.Where(sql + ")");
  }
  // An error declaration is stored as an event of its own beside the event it
  // declares erroneous (store_events.cc): the events that "contain an
  // ErrorDeclaration" are those rows; the erroneous event is not changed.
  if (q.error_declaration) b.Where("e.declares_error = 1");
  if (q.ge_error_declaration_time) {
    b.Where(FieldExists("standard", false, "'errorDeclaration.declarationTime'",
                        "f.time_value >= " + b.Param(*q.ge_error_declaration_time)));
  }
  if (q.lt_error_declaration_time) {
    b.Where(FieldExists("standard", false, "'errorDeclaration.declarationTime'",
                        "f.time_value < " + b.Param(*q.lt_error_declaration_time)));
  }
  StandardFieldIn(b, "errorDeclaration.reason", q.error_reasons);
  StandardFieldIn(b, "errorDeclaration.correctiveEventID", q.corrective_event_ids);
  for (const FieldMatch& m : q.field_matches) AddFieldMatch(b, m);
}

// The sort expressions of `q`'s order, most significant first (then e.id).
std::vector<std::string> SortExpressions(QueryBuilder& b, const EventQuery& q) {
  if (q.order != EventOrder::kField) return {std::string(SortColumn(q.order))};
  const std::string rows =
      " FROM epcis_event_fields f WHERE f.event_row = e.id AND f.scope = 'extension' AND "
      "f.nested = 0 AND f.name = " +
      b.Param(q.order_field);
  // Byte order for text, as the standard asks (PostgreSQL's default
  // collation is the locale's).
  const std::string text =
      b.dialect() == Dialect::kPostgres ? "f.text_value COLLATE \"C\"" : "f.text_value";
  return {"COALESCE((SELECT MIN(COALESCE(f.num_value, f.time_value, 1e307))" + rows + "), 1e308)",
          "COALESCE((SELECT MIN(" + text + ")" + rows + "), '')"};
}

}  // namespace

Result<EventPage> Store::QueryEvents(const EventQuery& q) {
  const int limit = std::clamp(q.limit, 1, 10000);
  QueryBuilder b(db_->dialect());
  AddFilters(b, q);
  AddFieldFilters(b, q);
  const std::vector<std::string> sort = SortExpressions(b, q);
  const std::string direction = q.descending ? " DESC" : " ASC";
  std::string keys, order_by;
  for (const std::string& expression : sort) {
    keys += expression + ", ";
    order_by += expression + direction + ", ";
  }
  if (q.after) {
    // Row values compare lexicographically: (sort…, id) strictly past the cursor.
    std::string cursor;
    if (q.after->field) {
      cursor = b.Param(q.after->field->number) + ", " + b.Param(q.after->field->text);
    } else {
      cursor = b.Param(q.after->sort_value);
    }
    b.Where("(" + keys + "e.id) " + (q.descending ? "<" : ">") + " (" + cursor + ", " +
            b.Param(q.after->id) + ")");
  }
  // One more row than asked tells whether another page follows. The page's
  // ids are chosen first, from the columns and indexes the conditions name,
  // and only those rows are read whole: ordering and limiting the matches
  // themselves sorted every matching row, stored document included (an
  // EQ_bizStep + eventTime week at 1M events: ~2,400 rows sorted to keep
  // 100). SQLite answers the inner query from a covering index when the
  // conditions allow (EXPLAIN QUERY PLAN: "SEARCH e USING COVERING INDEX
  // epcis_events_biz_step_idx", then a temporary B-tree of ids only).
  // Parameters used twice (an extension-field order) are the same $n.
  const std::string order = " ORDER BY " + order_by + "e.id" + direction;
  const std::string sql =
      "SELECT " + std::string(store_internal::kEventColumns) + ", e.event_time, e.record_time" +
      (q.order == EventOrder::kField ? ", " + sort[0] + ", " + sort[1] : "") +
      " FROM epcis_events e WHERE e.id IN (SELECT e.id FROM epcis_events e" + b.WhereSql() + order +
      " LIMIT " + std::to_string(limit + 1) + ")" + order;
  return store_internal::InTransaction<EventPage>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<EventPage> {
        TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, b.params()));
        EventPage page;
        const std::size_t n = std::min(r.rows.size(), static_cast<std::size_t>(limit));
        page.events.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
          TXNG_ASSIGN_OR_RETURN(StoredEvent e, store_internal::StoredEventFromRow(r.rows[i]));
          page.events.push_back(std::move(e));
        }
        if (r.rows.size() > n) {
          const SqlRow& last = r.rows[n - 1];
          EventCursor next;
          next.id = last.Int(0);
          if (q.order == EventOrder::kField) {
            next.field = FieldSortKey{last.Double(8), last.Text(9)};
          } else {
            next.sort_value = SortValue(q.order, page.events.back(), last.Int(6), last.Int(7));
          }
          page.next = next;
        }
        return page;
      });
}

}  // namespace txng
