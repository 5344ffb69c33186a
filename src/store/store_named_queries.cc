// EPCIS named queries: an organisation's saved event queries.
#include <algorithm>
#include <string>
#include <vector>

#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {

using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::OnDuplicate;
using store_internal::OnMissingReference;

namespace {

constexpr std::string_view kColumns = "id, org_id, name, query, created_by, created_at";
constexpr std::string_view kInsert =
    "INSERT INTO epcis_named_queries (org_id, name, query, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kDelete =
    "DELETE FROM epcis_named_queries WHERE org_id = $1 AND name = $2 RETURNING id";

NamedQuery FromRow(const SqlRow& row) {
  NamedQuery q;
  q.id = row.Int(0);
  q.org_id = row.Int(1);
  q.name = row.Text(2);
  q.query_json = row.Text(3);
  q.created_by = row.Text(4);
  q.created_at = row.Int(5);
  return q;
}

Status NotFound(int64_t org_id, const std::string& name) {
  return Status::NotFound("organisation " + std::to_string(org_id) + " has no query named \"" +
                          name + "\"");
}

}  // namespace

Result<NamedQuery> Store::CreateNamedQuery(const NamedQuery& q, const Actor& actor) {
  return InTransaction<NamedQuery>(
      *db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<NamedQuery> {
        NamedQuery out = q;
        out.created_at = NowMillis();
        out.created_by = actor.label;
        Result<SqlResult> inserted =
            c.Run(kInsert, {q.org_id, q.name, q.query_json, out.created_by, out.created_at});
        if (!inserted.ok()) {
          Status s = OnDuplicate(inserted.status(),
                                 "a query named \"" + q.name + "\" exists already", "name");
          return OnMissingReference(s, "organisation " + std::to_string(q.org_id) + " not found");
        }
        out.id = inserted->rows.at(0).Int(0);
        TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "epcis_query.create", "epcis_named_query",
                                         std::to_string(out.id),
                                         AuditDetail()
                                             .Int("org_id", q.org_id)
                                             .Text("name", q.name)
                                             .Text("query", q.query_json)
                                             .ToJson(),
                                         out.created_at));
        return out;
      });
}

Result<NamedQuery> Store::GetNamedQuery(int64_t org_id, const std::string& name) {
  return InTransaction<NamedQuery>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<NamedQuery> {
        static const std::string sql = "SELECT " + std::string(kColumns) +
                                       " FROM epcis_named_queries WHERE org_id = $1 AND name = $2";
        TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, {org_id, name}));
        if (r.rows.empty()) return NotFound(org_id, name);
        return FromRow(r.rows[0]);
      });
}

Result<std::vector<NamedQuery>> Store::ListNamedQueries(int64_t org_id, const std::string& after,
                                                        int limit) {
  limit = std::clamp(limit, 1, 1000);
  return InTransaction<std::vector<NamedQuery>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<NamedQuery>> {
        const std::string sql = "SELECT " + std::string(kColumns) +
                                " FROM epcis_named_queries WHERE org_id = $1 AND name > $2 "
                                "ORDER BY name LIMIT " +
                                std::to_string(limit + 1);
        TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(sql, {org_id, after}));
        std::vector<NamedQuery> out;
        out.reserve(r.rows.size());
        for (const SqlRow& row : r.rows) out.push_back(FromRow(row));
        return out;
      });
}

Status Store::DeleteNamedQuery(int64_t org_id, const std::string& name, const Actor& actor) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kDelete, {org_id, name}));
    if (r.rows.empty()) return NotFound(org_id, name);
    return InsertAudit(
        c, actor, "epcis_query.delete", "epcis_named_query", std::to_string(r.rows[0].Int(0)),
        AuditDetail().Int("org_id", org_id).Text("name", name).ToJson(), NowMillis());
  });
}

}  // namespace txng
