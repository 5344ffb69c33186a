// Capture and retrieval of EPCIS events. Queries are in store_events_query.cc.
#include <charconv>
#include <cmath>
#include <string>
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

constexpr std::string_view kInsertEvent =
    "INSERT INTO epcis_events (event_id, hash_id, event_type, action, event_time, "
    "event_time_zone_offset, record_time, biz_step, disposition, read_point, biz_location, "
    "transformation_id, declares_error, org_id, review_status, document) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
    "ON CONFLICT (event_id, declares_error) DO NOTHING RETURNING id";
constexpr std::string_view kSelectEventIdByKey =
    "SELECT id FROM epcis_events WHERE event_id = $1 AND declares_error = $2";
constexpr std::string_view kInsertEventEpc =
    "INSERT INTO epcis_event_epcs (event_row, role, epc) VALUES ($1, $2, $3)";
constexpr std::string_view kInsertEventQuantity =
    "INSERT INTO epcis_event_quantities (event_row, role, epc_class, quantity, uom) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kInsertEventLink =
    "INSERT INTO epcis_event_links (event_row, kind, type, value) VALUES ($1, $2, $3, $4)";
// The erroneous event keeps its row; the mark is the only change ever made
// to a captured event's content columns.
constexpr std::string_view kMarkDeclaredInError =
    "UPDATE epcis_events SET declared_in_error_at = $2 "
    "WHERE event_id = $1 AND declares_error = 0 AND declared_in_error_at IS NULL";
constexpr std::string_view kSelectErrorDeclaration =
    "SELECT document FROM epcis_events WHERE event_id = $1 AND declares_error = 1";

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

Status InsertIds(SqlConnection& c, int64_t row, std::string_view role,
                 const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    TXNG_RETURN_IF_ERROR(c.Run(kInsertEventEpc, {row, std::string(role), id}).status());
  }
  return Status::Ok();
}

Status InsertQuantities(SqlConnection& c, int64_t row, std::string_view role,
                        const std::vector<epcis::QuantityElement>& quantities) {
  for (const epcis::QuantityElement& q : quantities) {
    TXNG_RETURN_IF_ERROR(c.Run(kInsertEventQuantity, {row, std::string(role), q.epc_class,
                                                      SqlNullable(q.quantity), q.uom})
                             .status());
  }
  return Status::Ok();
}

Status InsertLinks(SqlConnection& c, int64_t row, std::string_view kind,
                   const std::vector<epcis::TypedId>& links) {
  for (const epcis::TypedId& link : links) {
    TXNG_RETURN_IF_ERROR(
        c.Run(kInsertEventLink, {row, std::string(kind), link.type, link.id}).status());
  }
  return Status::Ok();
}

// The rows that make an event findable by what it names.
Status InsertIndexRows(SqlConnection& c, int64_t row, const epcis::Event& e) {
  TXNG_RETURN_IF_ERROR(InsertIds(c, row, "epc", e.epc_list));
  if (!e.parent_id.empty()) TXNG_RETURN_IF_ERROR(InsertIds(c, row, "parent", {e.parent_id}));
  TXNG_RETURN_IF_ERROR(InsertIds(c, row, "child", e.child_epcs));
  TXNG_RETURN_IF_ERROR(InsertIds(c, row, "input", e.input_epc_list));
  TXNG_RETURN_IF_ERROR(InsertIds(c, row, "output", e.output_epc_list));
  TXNG_RETURN_IF_ERROR(InsertQuantities(c, row, "quantity", e.quantity_list));
  TXNG_RETURN_IF_ERROR(InsertQuantities(c, row, "child", e.child_quantity_list));
  TXNG_RETURN_IF_ERROR(InsertQuantities(c, row, "input", e.input_quantity_list));
  TXNG_RETURN_IF_ERROR(InsertQuantities(c, row, "output", e.output_quantity_list));
  TXNG_RETURN_IF_ERROR(InsertLinks(c, row, "bizTransaction", e.biz_transactions));
  TXNG_RETURN_IF_ERROR(InsertLinks(c, row, "source", e.sources));
  return InsertLinks(c, row, "destination", e.destinations);
}

constexpr std::string_view kInsertEventField =
    "INSERT INTO epcis_event_fields (event_row, scope, nested, name, text_value, num_value, "
    "time_value) VALUES ($1, $2, $3, $4, $5, $6, $7)";

Status InsertField(SqlConnection& c, int64_t row, std::string_view scope, bool nested,
                   const std::string& name, const std::optional<FieldValue>& value) {
  SqlValue text, number, time;
  if (value) {
    text = value->text;
    number = SqlNullable(value->number);
    time = SqlNullable(value->time);
  }
  return c
      .Run(kInsertEventField, {row, std::string(scope), int64_t{nested}, name, text, number, time})
      .status();
}

// One row per value of extension member `name`: an array gives a row per
// element, an object a row without a value and rows for its members
// (nested).
Status InsertExtensionValue(SqlConnection& c, int64_t row, std::string_view scope, bool nested,
                            const std::string& name, const nlohmann::json& value) {
  if (value.is_array()) {
    for (const nlohmann::json& element : value) {
      TXNG_RETURN_IF_ERROR(InsertExtensionValue(c, row, scope, nested, name, element));
    }
    return Status::Ok();
  }
  if (value.is_object()) {
    TXNG_RETURN_IF_ERROR(InsertField(c, row, scope, nested, name, std::nullopt));
    for (const auto& [member, member_value] : value.items()) {
      TXNG_RETURN_IF_ERROR(
          InsertExtensionValue(c, row, scope, true, ExtensionFieldName(member), member_value));
    }
    return Status::Ok();
  }
  if (value.is_null()) return InsertField(c, row, scope, nested, name, std::nullopt);
  FieldValue typed = TypedFieldValue(value.is_string() ? value.get<std::string>() : value.dump());
  if (value.is_number()) typed.number = value.get<double>();
  return InsertField(c, row, scope, nested, name, typed);
}

Status InsertExtensions(SqlConnection& c, int64_t row, std::string_view scope,
                        const epcis::Extensions& extensions) {
  for (const epcis::Extension& x : extensions) {
    TXNG_RETURN_IF_ERROR(
        InsertExtensionValue(c, row, scope, false, ExtensionFieldName(x.name), x.value));
  }
  return Status::Ok();
}

Status InsertStandardFields(SqlConnection& c, int64_t row, const std::string& name,
                            const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    TXNG_RETURN_IF_ERROR(InsertField(c, row, "standard", false, name, FieldValue{value, {}, {}}));
  }
  return Status::Ok();
}

// The epcis_event_fields rows (migration 0004) of an event.
Status InsertFieldRows(SqlConnection& c, int64_t row, const epcis::Event& e) {
  if (e.persistent_disposition) {
    TXNG_RETURN_IF_ERROR(
        InsertStandardFields(c, row, "persistentDisposition.set", e.persistent_disposition->set));
    TXNG_RETURN_IF_ERROR(InsertStandardFields(c, row, "persistentDisposition.unset",
                                              e.persistent_disposition->unset));
  }
  if (e.error_declaration) {
    const epcis::ErrorDeclaration& d = *e.error_declaration;
    TXNG_ASSIGN_OR_RETURN(UnixMillis at, Millis(d.declaration_time));
    TXNG_RETURN_IF_ERROR(InsertField(c, row, "standard", false, "errorDeclaration.declarationTime",
                                     FieldValue{d.declaration_time, {}, at}));
    if (!d.reason.empty()) {
      TXNG_RETURN_IF_ERROR(InsertStandardFields(c, row, "errorDeclaration.reason", {d.reason}));
    }
    TXNG_RETURN_IF_ERROR(
        InsertStandardFields(c, row, "errorDeclaration.correctiveEventID", d.corrective_event_ids));
    TXNG_RETURN_IF_ERROR(InsertExtensions(c, row, "errorExtension", d.extensions));
  }
  if (e.ilmd) TXNG_RETURN_IF_ERROR(InsertExtensions(c, row, "ilmd", *e.ilmd));
  return InsertExtensions(c, row, "extension", e.extensions);
}

// Marks the event(s) that `key` names as declared in error: by `e` when it
// is the declaration, else by a declaration captured before the event.
Status ApplyErrorDeclaration(SqlConnection& c, const std::string& key, const epcis::Event& e) {
  std::string declaration_time;
  if (e.error_declaration) {
    declaration_time = e.error_declaration->declaration_time;
  } else {
    TXNG_ASSIGN_OR_RETURN(SqlResult found, c.Run(kSelectErrorDeclaration, {key}));
    if (found.rows.empty()) return Status::Ok();
    TXNG_ASSIGN_OR_RETURN(epcis::Event declaration,
                          store_internal::EventFromDocument(found.rows[0].Text(0)));
    declaration_time = declaration.error_declaration->declaration_time;
  }
  TXNG_ASSIGN_OR_RETURN(UnixMillis at, Millis(declaration_time));
  return c.Run(kMarkDeclaredInError, {key, at}).status();
}

Result<CapturedEvent> CaptureOne(SqlConnection& c, const NewEvent& in, const CaptureContext& ctx,
                                 UnixMillis now) {
  epcis::Event e = in.event;
  e.record_time = RecordTime(now);
  TXNG_ASSIGN_OR_RETURN(UnixMillis event_time, Millis(e.event_time));
  const std::string key = e.event_id.empty() ? in.hash_id : e.event_id;
  const int64_t declares = e.error_declaration ? 1 : 0;
  const std::string location_id = e.read_point ? e.read_point->id : std::string();
  const std::string biz_location = e.biz_location ? e.biz_location->id : std::string();
  TXNG_ASSIGN_OR_RETURN(
      SqlResult inserted,
      c.Run(kInsertEvent,
            {key, in.hash_id, std::string(epcis::EventTypeName(e.type)),
             std::string(epcis::ActionName(e.action)), event_time, e.event_time_zone_offset, now,
             e.biz_step, e.disposition, location_id, biz_location, e.transformation_id, declares,
             ctx.org_id, std::string(ToString(ctx.review_status)),
             store_internal::EventDocument(e)}));
  CapturedEvent out;
  if (inserted.rows.empty()) {
    TXNG_ASSIGN_OR_RETURN(SqlResult existing, c.Run(kSelectEventIdByKey, {key, declares}));
    out.id = existing.rows.at(0).Int(0);
    out.result = CaptureResult::kDuplicate;
    return out;
  }
  out.id = inserted.rows[0].Int(0);
  TXNG_RETURN_IF_ERROR(InsertIndexRows(c, out.id, e));
  TXNG_RETURN_IF_ERROR(store_internal::InsertSensorReports(c, out.id, e));
  TXNG_RETURN_IF_ERROR(InsertFieldRows(c, out.id, e));
  TXNG_RETURN_IF_ERROR(ApplyErrorDeclaration(c, key, e));
  return out;
}

}  // namespace

Result<std::vector<CapturedEvent>> Store::CaptureEvents(const std::vector<NewEvent>& events,
                                                        const CaptureContext& ctx,
                                                        const Actor& actor) {
  return InTransaction<std::vector<CapturedEvent>>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<std::vector<CapturedEvent>> {
        const UnixMillis now = NowMillis();
        std::vector<CapturedEvent> out;
        out.reserve(events.size());
        int stored = 0;
        for (const NewEvent& event : events) {
          TXNG_ASSIGN_OR_RETURN(CapturedEvent captured, CaptureOne(c, event, ctx, now));
          if (captured.result == CaptureResult::kStored) ++stored;
          out.push_back(captured);
        }
        TXNG_RETURN_IF_ERROR(store_internal::UpsertMasterData(c, ctx.master_data, ctx.org_id, now));
        const std::string detail = "{\"organisation\":" + std::to_string(ctx.org_id) +
                                   ",\"stored\":" + std::to_string(stored) +
                                   ",\"duplicates\":" + std::to_string(events.size() - stored) +
                                   ",\"reviewStatus\":\"" +
                                   std::string(ToString(ctx.review_status)) + "\"}";
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
