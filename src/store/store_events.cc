// Capture and retrieval of EPCIS events. Queries are in store_events_query.cc.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "epcis/json_decode.h"
#include "epcis/json_encode.h"
#include "epcis/timestamp.h"
#include "store/events_internal.h"
#include "store/events_sensor_internal.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

using store_internal::InTransaction;

namespace {

// The multi-row inserts of capture (InsertRows): "<head> VALUES (…), …<tail>".
constexpr std::string_view kInsertEvent =
    "INSERT INTO epcis_events (event_id, hash_id, event_type, action, event_time, "
    "event_time_zone_offset, record_time, biz_step, disposition, read_point, biz_location, "
    "transformation_id, declares_error, org_id, review_status, document)";
// Which rows were inserted is told by their keys: RETURNING answers in no
// particular order.
constexpr size_t kEventRowValues = 16;
constexpr std::string_view kInsertEventTail =
    " ON CONFLICT (event_id, declares_error) DO NOTHING RETURNING id, event_id, declares_error";
constexpr std::string_view kSelectEventIdByKey =
    "SELECT id FROM epcis_events WHERE event_id = $1 AND declares_error = $2";
constexpr std::string_view kInsertEventEpc = "INSERT INTO epcis_event_epcs (event_row, role, epc)";
constexpr std::string_view kInsertEventQuantity =
    "INSERT INTO epcis_event_quantities (event_row, role, epc_class, quantity, uom)";
constexpr std::string_view kInsertEventLink =
    "INSERT INTO epcis_event_links (event_row, kind, type, value)";
constexpr std::string_view kInsertEventField =
    "INSERT INTO epcis_event_fields (event_row, scope, nested, name, text_value, num_value, "
    "time_value)";

// Rows per multi-row statement. A statement of many rows is parsed, planned
// and (on PostgreSQL) executed once instead of once per row; 64 rows of the
// widest table (epcis_sensor_reports, 31 columns) stay far below both
// backends' parameter limits (SQLite 32,766, PostgreSQL 65,535).
constexpr size_t kRowsPerStatement = 64;

// "<head> VALUES ($1, …, $columns), (…), … <tail>" for `count` rows.
std::string MultiRowSql(std::string_view head, std::string_view tail, size_t columns,
                        size_t count) {
  std::string sql(head);
  sql += " VALUES ";
  size_t n = 0;
  for (size_t r = 0; r < count; ++r) {
    sql += r ? ", (" : "(";
    for (size_t k = 0; k < columns; ++k) sql += (k ? ", $" : "$") + std::to_string(++n);
    sql += ')';
  }
  sql += tail;
  return sql;
}

// Inserts `rows` (each of `columns` values), in order, with multi-row
// statements: full statements of kRowsPerStatement rows in one RunBatch
// (pipelined on PostgreSQL), then the rest in statements of 32, 16, …, 1
// rows, so that a table has at most seven statement texts in the drivers'
// caches. Returns what the statements returned, in no particular order.
Result<std::vector<SqlRow>> InsertRows(SqlConnection& c, std::string_view head,
                                       std::string_view tail, size_t columns,
                                       const std::vector<std::vector<SqlValue>>& rows) {
  std::vector<SqlRow> out;
  // One statement's parameters: rows [first, first + count) flattened.
  auto params = [&](size_t first, size_t count) {
    std::vector<SqlValue> values;
    values.reserve(count * columns);
    for (size_t r = first; r < first + count; ++r) {
      values.insert(values.end(), rows[r].begin(), rows[r].end());
    }
    return values;
  };
  auto keep = [&](std::vector<SqlResult>& results) {
    for (SqlResult& result : results) {
      for (SqlRow& row : result.rows) out.push_back(std::move(row));
    }
  };
  const size_t full = rows.size() / kRowsPerStatement;
  if (full > 0) {
    std::vector<std::vector<SqlValue>> statements;
    statements.reserve(full);
    for (size_t s = 0; s < full; ++s) {
      statements.push_back(params(s * kRowsPerStatement, kRowsPerStatement));
    }
    TXNG_ASSIGN_OR_RETURN(
        std::vector<SqlResult> results,
        c.RunBatch(MultiRowSql(head, tail, columns, kRowsPerStatement), statements));
    keep(results);
  }
  size_t first = full * kRowsPerStatement;
  for (size_t count = kRowsPerStatement / 2; count > 0; count /= 2) {
    if (rows.size() - first < count) continue;
    std::vector<std::vector<SqlValue>> statement{params(first, count)};
    TXNG_ASSIGN_OR_RETURN(std::vector<SqlResult> results,
                          c.RunBatch(MultiRowSql(head, tail, columns, count), statement));
    keep(results);
    first += count;
  }
  return out;
}

// The erroneous event keeps its row; the mark is the only change ever made
// to a captured event's content columns.
constexpr std::string_view kMarkDeclaredInError =
    "UPDATE epcis_events SET declared_in_error_at = $2 "
    "WHERE event_id = $1 AND declares_error = 0 AND declared_in_error_at IS NULL AND org_id = $3";
constexpr std::string_view kSelectErrorDeclaration =
    "SELECT document FROM epcis_events WHERE event_id = $1 AND declares_error = 1 AND org_id = $2";

Result<UnixMillis> Millis(std::string_view timestamp) {
  TXNG_ASSIGN_OR_RETURN(epcis::Instant instant, epcis::ParseTimestamp(timestamp));
  return epcis::ToUnixMillis(instant);
}

std::string RecordTime(UnixMillis now) {
  epcis::Instant instant;
  instant.seconds = now / 1000;
  instant.micros = static_cast<int>(now % 1000) * 1000;
  return epcis::FormatUtcMillis(instant);
}

// The index rows of one document, a batch per table, written with
// multi-row statements (InsertRows) once the document's events have their
// rows.
struct IndexRows {
  std::vector<std::vector<SqlValue>> epcs, quantities, links, fields, sensor_reports;

  void AddIds(int64_t row, std::string_view role, const std::vector<std::string>& ids) {
    for (const std::string& id : ids) epcs.push_back({row, std::string(role), id});
  }

  void AddQuantities(int64_t row, std::string_view role,
                     const std::vector<epcis::QuantityElement>& list) {
    for (const epcis::QuantityElement& q : list) {
      quantities.push_back({row, std::string(role), q.epc_class, SqlNullable(q.quantity), q.uom});
    }
  }

  void AddLinks(int64_t row, std::string_view kind, const std::vector<epcis::TypedId>& list) {
    for (const epcis::TypedId& link : list) {
      links.push_back({row, std::string(kind), link.type, link.id});
    }
  }

  // The rows that make an event findable by what it names.
  void Add(int64_t row, const epcis::Event& e) {
    AddIds(row, "epc", e.epc_list);
    if (!e.parent_id.empty()) AddIds(row, "parent", {e.parent_id});
    AddIds(row, "child", e.child_epcs);
    AddIds(row, "input", e.input_epc_list);
    AddIds(row, "output", e.output_epc_list);
    AddQuantities(row, "quantity", e.quantity_list);
    AddQuantities(row, "child", e.child_quantity_list);
    AddQuantities(row, "input", e.input_quantity_list);
    AddQuantities(row, "output", e.output_quantity_list);
    AddLinks(row, "bizTransaction", e.biz_transactions);
    AddLinks(row, "source", e.sources);
    AddLinks(row, "destination", e.destinations);
  }

  void AddField(int64_t row, std::string_view scope, bool nested, const std::string& name,
                const std::optional<FieldValue>& value) {
    SqlValue text, number, time;
    if (value) {
      text = value->text;
      number = SqlNullable(value->number);
      time = SqlNullable(value->time);
    }
    fields.push_back({row, std::string(scope), int64_t{nested}, name, text, number, time});
  }

  // One row per value of extension member `name`: an array gives a row per
  // element, an object a row without a value and rows for its members
  // (nested).
  void AddExtensionValue(int64_t row, std::string_view scope, bool nested, const std::string& name,
                         const nlohmann::json& value) {
    if (value.is_array()) {
      for (const nlohmann::json& element : value) {
        AddExtensionValue(row, scope, nested, name, element);
      }
      return;
    }
    if (value.is_object()) {
      AddField(row, scope, nested, name, std::nullopt);
      for (const auto& [member, member_value] : value.items()) {
        AddExtensionValue(row, scope, true, ExtensionFieldName(member), member_value);
      }
      return;
    }
    if (value.is_null()) return AddField(row, scope, nested, name, std::nullopt);
    FieldValue typed = TypedFieldValue(value.is_string() ? value.get<std::string>() : value.dump());
    if (value.is_number()) typed.number = value.get<double>();
    AddField(row, scope, nested, name, typed);
  }

  void AddExtensions(int64_t row, std::string_view scope, const epcis::Extensions& extensions) {
    for (const epcis::Extension& x : extensions) {
      AddExtensionValue(row, scope, false, ExtensionFieldName(x.name), x.value);
    }
  }

  void AddStandardFields(int64_t row, const std::string& name,
                         const std::vector<std::string>& values) {
    for (const std::string& value : values) {
      AddField(row, "standard", false, name, FieldValue{value, {}, {}});
    }
  }

  // The epcis_event_fields rows (migration 0004) of an event.
  Status AddFieldRows(int64_t row, const epcis::Event& e) {
    if (e.persistent_disposition) {
      AddStandardFields(row, "persistentDisposition.set", e.persistent_disposition->set);
      AddStandardFields(row, "persistentDisposition.unset", e.persistent_disposition->unset);
    }
    if (e.error_declaration) {
      const epcis::ErrorDeclaration& d = *e.error_declaration;
      TXNG_ASSIGN_OR_RETURN(UnixMillis at, Millis(d.declaration_time));
      AddField(row, "standard", false, "errorDeclaration.declarationTime",
               FieldValue{d.declaration_time, {}, at});
      if (!d.reason.empty()) AddStandardFields(row, "errorDeclaration.reason", {d.reason});
      AddStandardFields(row, "errorDeclaration.correctiveEventID", d.corrective_event_ids);
      AddExtensions(row, "errorExtension", d.extensions);
    }
    if (e.ilmd) AddExtensions(row, "ilmd", *e.ilmd);
    AddExtensions(row, "extension", e.extensions);
    return Status::Ok();
  }

  Status Write(SqlConnection& c) const {
    TXNG_RETURN_IF_ERROR(InsertRows(c, kInsertEventEpc, "", 3, epcs).status());
    TXNG_RETURN_IF_ERROR(InsertRows(c, kInsertEventQuantity, "", 5, quantities).status());
    TXNG_RETURN_IF_ERROR(InsertRows(c, kInsertEventField, "", 7, fields).status());
    TXNG_RETURN_IF_ERROR(InsertRows(c, kInsertEventLink, "", 4, links).status());
    return InsertRows(c, store_internal::kInsertSensorReport, "",
                      store_internal::kSensorReportColumns, sensor_reports)
        .status();
  }
};

// Marks the events that the stored events of a document declare erroneous,
// and the stored events that a declaration captured before names. Run once
// the document's events are all in: a declaration then also finds the
// events after it in the document, which ends as capturing one event at a
// time would (the one declaration of a key marks its event, whichever
// comes first). `stored[i]` says whether events[i] was stored under keys[i].
// Only an organisation's own declarations mark its events: another
// organisation's declaration is kept as an event of its own but retracts
// nothing.
Status ApplyErrorDeclarations(SqlConnection& c, const std::vector<NewEvent>& events,
                              const std::vector<std::string>& keys, const std::vector<bool>& stored,
                              int64_t org_id) {
  std::vector<std::vector<SqlValue>> lookups;
  for (size_t i = 0; i < events.size(); ++i) {
    if (stored[i] && !events[i].event.error_declaration) lookups.push_back({keys[i], org_id});
  }
  TXNG_ASSIGN_OR_RETURN(std::vector<SqlResult> found, c.RunBatch(kSelectErrorDeclaration, lookups));
  std::vector<std::vector<SqlValue>> marks;
  size_t lookup = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    if (!stored[i]) continue;
    std::string declaration_time;
    if (events[i].event.error_declaration) {
      declaration_time = events[i].event.error_declaration->declaration_time;
    } else {
      const SqlResult& declarations = found[lookup++];
      if (declarations.rows.empty()) continue;
      TXNG_ASSIGN_OR_RETURN(epcis::Event declaration,
                            store_internal::EventFromDocument(declarations.rows[0].Text(0)));
      declaration_time = declaration.error_declaration->declaration_time;
    }
    TXNG_ASSIGN_OR_RETURN(UnixMillis at, Millis(declaration_time));
    marks.push_back({keys[i], at, org_id});
  }
  return c.RunBatch(kMarkDeclaredInError, marks).status();
}

// The epcis_events row of `in` (kInsertEvent's kEventRowValues values),
// captured at `now`.
Result<std::vector<SqlValue>> EventRow(const NewEvent& in, const std::string& key,
                                       const CaptureContext& ctx, UnixMillis now,
                                       const std::string& record_time) {
  epcis::Event e = in.event;
  e.record_time = record_time;
  TXNG_ASSIGN_OR_RETURN(UnixMillis event_time, Millis(e.event_time));
  const int64_t declares = e.error_declaration ? 1 : 0;
  const std::string location_id = e.read_point ? e.read_point->id : std::string();
  const std::string biz_location = e.biz_location ? e.biz_location->id : std::string();
  return std::vector<SqlValue>{key,
                               in.hash_id,
                               std::string(epcis::EventTypeName(e.type)),
                               std::string(epcis::ActionName(e.action)),
                               event_time,
                               e.event_time_zone_offset,
                               now,
                               e.biz_step,
                               e.disposition,
                               location_id,
                               biz_location,
                               e.transformation_id,
                               declares,
                               ctx.org_id,
                               std::string(ToString(ctx.review_status)),
                               store_internal::EventDocument(e)};
}

// Captures a document's events: their rows in multi-row inserts (each new or a
// duplicate by its key, in document order, so a repeat within the document
// is a duplicate of the first), then the index and sensor rows of the new
// ones, then their error declarations.
Result<std::vector<CapturedEvent>> CaptureAll(SqlConnection& c, const std::vector<NewEvent>& events,
                                              const CaptureContext& ctx, UnixMillis now) {
  const std::string record_time = RecordTime(now);
  std::vector<std::string> keys;
  std::vector<std::vector<SqlValue>> rows;
  keys.reserve(events.size());
  rows.reserve(events.size());
  for (const NewEvent& in : events) {
    keys.push_back(in.event.event_id.empty() ? in.hash_id : in.event.event_id);
    TXNG_ASSIGN_OR_RETURN(std::vector<SqlValue> row,
                          EventRow(in, keys.back(), ctx, now, record_time));
    rows.push_back(std::move(row));
  }
  TXNG_ASSIGN_OR_RETURN(std::vector<SqlRow> inserted,
                        InsertRows(c, kInsertEvent, kInsertEventTail, kEventRowValues, rows));
  // The row id of each inserted key. Rows are inserted in document order, so
  // of two events with one key the first is stored and the second conflicts.
  std::unordered_map<std::string, int64_t> inserted_ids[2];  // by declares_error
  for (const SqlRow& row : inserted) {
    inserted_ids[row.Int(2) != 0 ? 1 : 0].emplace(row.Text(1), row.Int(0));
  }
  std::vector<CapturedEvent> out(events.size());
  std::vector<bool> stored(events.size(), false);
  std::vector<size_t> duplicates;
  std::vector<std::vector<SqlValue>> duplicate_keys;
  IndexRows index;
  for (size_t i = 0; i < events.size(); ++i) {
    const int64_t declares = events[i].event.error_declaration ? 1 : 0;
    auto& ids = inserted_ids[declares];
    auto it = ids.find(keys[i]);
    if (it == ids.end()) {
      out[i].result = CaptureResult::kDuplicate;
      duplicates.push_back(i);
      duplicate_keys.push_back({keys[i], declares});
      continue;
    }
    out[i].id = it->second;
    ids.erase(it);  // a later event with this key is a duplicate of this one
    stored[i] = true;
    index.Add(out[i].id, events[i].event);
    TXNG_RETURN_IF_ERROR(index.AddFieldRows(out[i].id, events[i].event));
    TXNG_RETURN_IF_ERROR(
        store_internal::AddSensorReportRows(out[i].id, events[i].event, index.sensor_reports));
  }
  TXNG_ASSIGN_OR_RETURN(std::vector<SqlResult> existing,
                        c.RunBatch(kSelectEventIdByKey, duplicate_keys));
  for (size_t d = 0; d < duplicates.size(); ++d) {
    out[duplicates[d]].id = existing[d].rows.at(0).Int(0);
  }
  TXNG_RETURN_IF_ERROR(index.Write(c));
  TXNG_RETURN_IF_ERROR(ApplyErrorDeclarations(c, events, keys, stored, ctx.org_id));
  return out;
}

}  // namespace

Result<std::vector<CapturedEvent>> Store::CaptureEvents(const std::vector<NewEvent>& events,
                                                        const CaptureContext& ctx,
                                                        const Actor& actor) {
  return InTransaction<std::vector<CapturedEvent>>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<std::vector<CapturedEvent>> {
        const UnixMillis now = NowMillis();
        TXNG_ASSIGN_OR_RETURN(std::vector<CapturedEvent> out, CaptureAll(c, events, ctx, now));
        int64_t stored = 0;
        for (const CapturedEvent& captured : out) {
          if (captured.result == CaptureResult::kStored) ++stored;
        }
        TXNG_RETURN_IF_ERROR(store_internal::UpsertMasterData(c, ctx.master_data, ctx.org_id, now));
        const std::string detail =
            "{\"organisation\":" + std::to_string(ctx.org_id) +
            ",\"stored\":" + std::to_string(stored) +
            ",\"duplicates\":" + std::to_string(static_cast<int64_t>(events.size()) - stored) +
            ",\"reviewStatus\":\"" + std::string(ToString(ctx.review_status)) + "\"}";
        TXNG_RETURN_IF_ERROR(
            store_internal::InsertAudit(c, actor, "epcis.capture", "epcis_event", "", detail, now));
        return out;
      });
}

Result<StoredEvent> Store::GetEvent(int64_t id) {
  return InTransaction<StoredEvent>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<StoredEvent> {
        static const std::string sql = "SELECT " + std::string(store_internal::kEventColumns) +
                                       " FROM epcis_events e WHERE e.id = $1";
        TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, {id}));
        if (r.rows.empty()) {
          return store_internal::NotFound("event", id);
        }
        return store_internal::StoredEventFromRow(r.rows[0]);
      });
}

Result<std::vector<StoredEvent>> Store::GetEvents(const std::vector<int64_t>& ids) {
  constexpr size_t kMaxIds = 500;
  if (ids.size() > kMaxIds) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxIds) + " events at once", "ids");
  }
  std::vector<SqlValue> keys;
  {
    std::vector<int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    keys.assign(sorted.begin(), sorted.end());
  }
  static const std::string head = "SELECT " + std::string(store_internal::kEventColumns) +
                                  " FROM epcis_events e WHERE e.id IN ";
  return InTransaction<std::vector<StoredEvent>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<StoredEvent>> {
        std::vector<StoredEvent> found;
        found.reserve(keys.size());
        TXNG_RETURN_IF_ERROR(store_internal::ForEachRowIn(
            c, head, " ORDER BY e.id", {}, keys, [&](const SqlRow& row) -> Status {
              TXNG_ASSIGN_OR_RETURN(StoredEvent e, store_internal::StoredEventFromRow(row));
              found.push_back(std::move(e));
              return Status::Ok();
            }));
        return found;
      });
}

FieldValue TypedFieldValue(std::string text) {
  FieldValue out;
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (!text.empty() && ec == std::errc() && end == text.data() + text.size() &&
      std::isfinite(number)) {
    out.number = number;
  }
  if (Result<epcis::Instant> instant = epcis::ParseTimestamp(text); instant.ok()) {
    out.time = epcis::ToUnixMillis(*instant);
  }
  out.text = std::move(text);
  return out;
}

std::string ExtensionFieldName(std::string_view clark) {
  const std::size_t close = clark.find('}');
  if (clark.empty() || clark[0] != '{' || close == std::string_view::npos) {
    return std::string(clark);
  }
  std::string name(clark.substr(1, close - 1));
  if (!name.empty() && name.find_last_of("/#:") != name.size() - 1) name += '#';
  return name + std::string(clark.substr(close + 1));
}

namespace store_internal {

std::string EventDocument(const epcis::Event& event) {
  epcis::Document document;
  document.kind = epcis::DocumentKind::kSingleEvent;
  document.events.push_back(event);
  return epcis::EncodeJsonDocument(document).dump();
}

Result<epcis::Event> EventFromDocument(const std::string& text) {
  Result<epcis::Document> document = epcis::DecodeJsonDocument(text);
  if (!document.ok() || document->events.size() != 1) {
    return Status::Internal(
        "a stored event does not decode: " +
        (document.ok() ? std::string("not one event") : document.status().message()));
  }
  return std::move(document->events[0]);
}

Result<StoredEvent> StoredEventFromRow(const SqlRow& row) {
  StoredEvent out;
  out.id = row.Int(0);
  TXNG_ASSIGN_OR_RETURN(out.event, EventFromDocument(row.Text(1)));
  out.hash_id = row.Text(2);
  out.org_id = row.Int(3);
  out.review_status = ParseReviewStatus(row.Text(4)).value_or(ReviewStatus::kPending);
  out.declared_in_error_at = row.OptInt(5);
  return out;
}

}  // namespace store_internal

}  // namespace txng
