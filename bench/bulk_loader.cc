#include "bench/bulk_loader.h"

#include <libpq-fe.h>

#include <cstdio>

#include "epcis/event_hash.h"
#include "epcis/timestamp.h"
#include "store/events_internal.h"

namespace txng::bench {

namespace {

constexpr std::string_view kTables =
    "('epcis_events', 'epcis_event_epcs', 'epcis_event_quantities', 'epcis_event_links')";
constexpr std::string_view kEventColumns =
    "id, event_id, hash_id, event_type, action, event_time, event_time_zone_offset, "
    "record_time, biz_step, disposition, read_point, biz_location, transformation_id, "
    "declares_error, org_id, review_status, document";

// One slice's rows, per table, in column order.
struct Rows {
  std::vector<std::vector<SqlValue>> events, epcs, quantities, links;
};

void AddRows(Rows& rows, int64_t id, const epcis::Event& in, int64_t org_id, int64_t now,
             const std::string& record_time) {
  epcis::Event e = in;
  e.record_time = record_time;
  const int64_t event_time = epcis::ToUnixMillis(*epcis::ParseTimestamp(e.event_time));
  std::string hash_id = epcis::EventHashId(in);
  // Capture's key: the eventID, or the hash ID of an event without one.
  std::string key = e.event_id.empty() ? hash_id : e.event_id;
  rows.events.push_back(
      {id, std::move(key), std::move(hash_id), std::string(epcis::EventTypeName(e.type)),
       std::string(epcis::ActionName(e.action)), event_time, e.event_time_zone_offset, now,
       e.biz_step, e.disposition, e.read_point ? e.read_point->id : std::string(),
       e.biz_location ? e.biz_location->id : std::string(), e.transformation_id, int64_t{0}, org_id,
       std::string("approved"), store_internal::EventDocument(e)});
  // The order of IndexRows::Add in store_events.cc.
  auto ids = [&](const char* role, const std::vector<std::string>& list) {
    for (const std::string& v : list) rows.epcs.push_back({id, std::string(role), v});
  };
  auto quantities = [&](const char* role, const std::vector<epcis::QuantityElement>& list) {
    for (const epcis::QuantityElement& q : list) {
      rows.quantities.push_back(
          {id, std::string(role), q.epc_class, SqlNullable(q.quantity), q.uom});
    }
  };
  auto links = [&](const char* kind, const std::vector<epcis::TypedId>& list) {
    for (const epcis::TypedId& l : list)
      rows.links.push_back({id, std::string(kind), l.type, l.id});
  };
  ids("epc", e.epc_list);
  if (!e.parent_id.empty()) ids("parent", {e.parent_id});
  ids("child", e.child_epcs);
  ids("input", e.input_epc_list);
  ids("output", e.output_epc_list);
  quantities("quantity", e.quantity_list);
  quantities("child", e.child_quantity_list);
  quantities("input", e.input_quantity_list);
  quantities("output", e.output_quantity_list);
  links("bizTransaction", e.biz_transactions);
  links("source", e.sources);
  links("destination", e.destinations);
}

// A value in COPY's text format.
void AppendCopyValue(std::string& out, const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "\\N";
  } else if (const int64_t* i = std::get_if<int64_t>(&v)) {
    out += std::to_string(*i);
  } else if (const double* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    out += buf;
  } else {
    for (char c : std::get<std::string>(v)) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += c;
      }
    }
  }
}

std::string CopyText(const std::vector<std::vector<SqlValue>>& rows) {
  std::string out;
  for (const std::vector<SqlValue>& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += '\t';
      AppendCopyValue(out, row[i]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace

struct BulkLoader::Impl {
  PGconn* pg = nullptr;  // PostgreSQL only

  ~Impl() {
    if (pg != nullptr) PQfinish(pg);
  }

  Status Exec(const std::string& sql) {
    PGresult* r = PQexec(pg, sql.c_str());
    const ExecStatusType status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return Status::Internal(sql + ": " + PQerrorMessage(pg));
    }
    return Status::Ok();
  }

  Status Copy(const std::string& table, std::string_view columns,
              const std::vector<std::vector<SqlValue>>& rows) {
    if (rows.empty()) return Status::Ok();
    const std::string sql = "COPY " + table + " (" + std::string(columns) + ") FROM STDIN";
    PGresult* r = PQexec(pg, sql.c_str());
    const bool in_copy = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!in_copy) return Status::Internal(sql + ": " + PQerrorMessage(pg));
    const std::string text = CopyText(rows);
    if (PQputCopyData(pg, text.data(), static_cast<int>(text.size())) != 1 ||
        PQputCopyEnd(pg, nullptr) != 1) {
      return Status::Internal(sql + ": " + PQerrorMessage(pg));
    }
    Status status = Status::Ok();
    while (PGresult* done = PQgetResult(pg)) {
      if (PQresultStatus(done) != PGRES_COMMAND_OK) {
        status = Status::Internal(sql + ": " + PQresultErrorMessage(done));
      }
      PQclear(done);
    }
    return status;
  }
};

BulkLoader::BulkLoader(Store& store, int64_t org_id, std::unique_ptr<Impl> impl)
    : store_(store), org_id_(org_id), impl_(std::move(impl)) {}

BulkLoader::~BulkLoader() = default;

Result<std::unique_ptr<BulkLoader>> BulkLoader::Open(Store& store, const std::string& url,
                                                     int64_t org_id) {
  auto impl = std::make_unique<Impl>();
  if (store.db().dialect() == Dialect::kPostgres) {
    impl->pg = PQconnectdb(url.c_str());
    if (PQstatus(impl->pg) != CONNECTION_OK) {
      return Status::Internal("connect for COPY: " + std::string(PQerrorMessage(impl->pg)));
    }
    TXNG_RETURN_IF_ERROR(impl->Exec("SET session_replication_role = replica"));
    TXNG_RETURN_IF_ERROR(impl->Exec("SET maintenance_work_mem = '512MB'"));
  }
  auto loader = std::unique_ptr<BulkLoader>(new BulkLoader(store, org_id, std::move(impl)));
  // New rows follow those already there (e.g. the demo province's events).
  TXNG_RETURN_IF_ERROR(store.db().Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(SqlResult max, c.Run("SELECT COALESCE(MAX(id), 0) FROM epcis_events"));
    loader->last_id_ = max.rows.at(0).Int(0);
    return Status::Ok();
  }));
  return loader;
}

Status BulkLoader::DropIndexes() {
  const bool pg = store_.db().dialect() == Dialect::kPostgres;
  // Constraint indexes (primary and unique keys) stay.
  const std::string sql =
      pg ? "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN " + std::string(kTables) +
               " AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname"
         : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
           "tbl_name IN " +
               std::string(kTables) + " ORDER BY name";
  return store_.db().Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(SqlResult indexes, c.Run(sql));
    for (const SqlRow& r : indexes.rows) {
      TXNG_RETURN_IF_ERROR(c.Run("DROP INDEX " + r.Text(0)).status());
      dropped_.push_back(r.Text(1));
    }
    return Status::Ok();
  });
}

Status BulkLoader::Write(const std::vector<epcis::Event>& events) {
  Rows rows;
  const int64_t now = NowMillis();
  epcis::Instant instant;
  instant.seconds = now / 1000;
  instant.micros = static_cast<int>(now % 1000) * 1000;
  const std::string record_time = epcis::FormatUtcMillis(instant);
  for (const epcis::Event& e : events) AddRows(rows, ++last_id_, e, org_id_, now, record_time);
  if (impl_->pg != nullptr) {
    TXNG_RETURN_IF_ERROR(impl_->Exec("BEGIN"));
    TXNG_RETURN_IF_ERROR(impl_->Copy("epcis_events", kEventColumns, rows.events));
    TXNG_RETURN_IF_ERROR(impl_->Copy("epcis_event_epcs", "event_row, role, epc", rows.epcs));
    TXNG_RETURN_IF_ERROR(impl_->Copy("epcis_event_quantities",
                                     "event_row, role, epc_class, quantity, uom", rows.quantities));
    TXNG_RETURN_IF_ERROR(
        impl_->Copy("epcis_event_links", "event_row, kind, type, value", rows.links));
    return impl_->Exec("COMMIT");
  }
  return store_.db().Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_RETURN_IF_ERROR(c.RunBatch("INSERT INTO epcis_events (" + std::string(kEventColumns) +
                                        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                                        "$11, $12, $13, $14, $15, $16, $17)",
                                    rows.events)
                             .status());
    TXNG_RETURN_IF_ERROR(
        c.RunBatch("INSERT INTO epcis_event_epcs (event_row, role, epc) VALUES ($1, $2, $3)",
                   rows.epcs)
            .status());
    TXNG_RETURN_IF_ERROR(c.RunBatch("INSERT INTO epcis_event_quantities (event_row, role, "
                                    "epc_class, quantity, uom) VALUES ($1, $2, $3, $4, $5)",
                                    rows.quantities)
                             .status());
    return c
        .RunBatch(
            "INSERT INTO epcis_event_links (event_row, kind, type, value) VALUES ($1, $2, "
            "$3, $4)",
            rows.links)
        .status();
  });
}

Status BulkLoader::Finish() {
  if (impl_->pg != nullptr) {
    for (const std::string& definition : dropped_) TXNG_RETURN_IF_ERROR(impl_->Exec(definition));
    TXNG_RETURN_IF_ERROR(
        impl_->Exec("SELECT setval(pg_get_serial_sequence('epcis_events', 'id'), "
                    "(SELECT COALESCE(MAX(id), 0) + 1 FROM epcis_events), false)"));
    return impl_->Exec("VACUUM ANALYZE");
  }
  return store_.db().Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    for (const std::string& definition : dropped_) TXNG_RETURN_IF_ERROR(c.Run(definition).status());
    return Status::Ok();
  });
}

}  // namespace txng::bench
