// Store: API keys.
#include "store/audit_detail.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace txng {
namespace {

using store_internal::CreationTime;
using store_internal::InsertAudit;
using store_internal::InTransaction;
using store_internal::OnDuplicate;
using store_internal::OnMissingReference;

constexpr std::string_view kSelectApiKeys =
    "SELECT id, key_id, secret_hash, org_id, label, created_by, created_at, revoked_at, "
    "last_used_at FROM api_keys ORDER BY id";
constexpr std::string_view kSelectApiKeysOfOrg =
    "SELECT id, key_id, secret_hash, org_id, label, created_by, created_at, revoked_at, "
    "last_used_at FROM api_keys WHERE org_id = $1 ORDER BY id";
constexpr std::string_view kSelectApiKeyByKeyId =
    "SELECT id, key_id, secret_hash, org_id, label, created_by, created_at, revoked_at, "
    "last_used_at FROM api_keys WHERE key_id = $1";
constexpr std::string_view kInsertApiKey =
    "INSERT INTO api_keys (key_id, secret_hash, org_id, label, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kRevokeApiKey =
    "UPDATE api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL "
    "RETURNING id";
constexpr std::string_view kCountApiKeysWithKeyId =
    "SELECT COUNT(*) FROM api_keys WHERE key_id = $1";
constexpr std::string_view kTouchApiKey = "UPDATE api_keys SET last_used_at = $2 WHERE id = $1";

ApiKey ApiKeyFromRow(const SqlRow& row) {
  ApiKey k;
  k.id = row.Int(0);
  k.key_id = row.Text(1);
  k.secret_hash = row.Text(2);
  k.org_id = row.Int(3);
  k.label = row.Text(4);
  k.created_by = row.OptInt(5);
  k.created_at = row.Int(6);
  k.revoked_at = row.OptInt(7);
  k.last_used_at = row.OptInt(8);
  return k;
}

}  // namespace

Result<ApiKey> Store::CreateApiKey(const ApiKey& k, const Actor& actor) {
  return InTransaction<ApiKey>(*db_, TxMode::kWrite, [&](SqlConnection& c) -> Result<ApiKey> {
    ApiKey out = k;
    const UnixMillis now = NowMillis();
    out.created_at = CreationTime(k.created_at, now);
    out.revoked_at.reset();
    out.last_used_at.reset();
    Result<SqlResult> inserted = c.Run(kInsertApiKey, {k.key_id, k.secret_hash, k.org_id, k.label,
                                                       SqlNullable(k.created_by), out.created_at});
    if (!inserted.ok()) {
      Status s =
          OnDuplicate(inserted.status(), "an API key with id '" + k.key_id + "' exists", "key_id");
      return OnMissingReference(
          s, "organisation " + std::to_string(k.org_id) + " or the creating user not found");
    }
    out.id = inserted->rows.at(0).Int(0);
    TXNG_RETURN_IF_ERROR(InsertAudit(c, actor, "apikey.create", "api_key", std::to_string(out.id),
                                     AuditDetail()
                                         .Text("key_id", k.key_id)
                                         .Int("org_id", k.org_id)
                                         .Text("label", k.label)
                                         .ToJson(),
                                     now));
    return out;
  });
}

Result<ApiKey> Store::GetApiKeyByKeyId(const std::string& key_id) {
  return InTransaction<ApiKey>(*db_, TxMode::kRead, [&](SqlConnection& c) -> Result<ApiKey> {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kSelectApiKeyByKeyId, {key_id}));
    if (r.rows.empty()) return Status::NotFound("API key '" + key_id + "' not found");
    return ApiKeyFromRow(r.rows[0]);
  });
}

Result<std::vector<ApiKey>> Store::ListApiKeys(std::optional<int64_t> org_id) {
  return InTransaction<std::vector<ApiKey>>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<std::vector<ApiKey>> {
        TXNG_ASSIGN_OR_RETURN(
            SqlResult r, org_id ? c.Run(kSelectApiKeysOfOrg, {*org_id}) : c.Run(kSelectApiKeys));
        std::vector<ApiKey> out;
        out.reserve(r.rows.size());
        for (const SqlRow& row : r.rows) out.push_back(ApiKeyFromRow(row));
        return out;
      });
}

Status Store::RevokeApiKey(const std::string& key_id, const Actor& actor) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    const UnixMillis now = NowMillis();
    TXNG_ASSIGN_OR_RETURN(SqlResult revoked, c.Run(kRevokeApiKey, {key_id, now}));
    if (revoked.rows.empty()) {
      TXNG_ASSIGN_OR_RETURN(SqlResult exists, c.Run(kCountApiKeysWithKeyId, {key_id}));
      if (exists.rows.at(0).Int(0) == 0) {
        return Status::NotFound("API key '" + key_id + "' not found");
      }
      return Status::FailedPrecondition("API key '" + key_id + "' is already revoked");
    }
    return InsertAudit(c, actor, "apikey.revoke", "api_key", std::to_string(revoked.rows[0].Int(0)),
                       AuditDetail().Text("key_id", key_id).ToJson(), now);
  });
}

Status Store::TouchApiKey(int64_t id, UnixMillis now) {
  return db_->Transact(TxMode::kWrite, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(SqlResult r, c.Run(kTouchApiKey, {id, now}));
    if (r.affected == 0) return store_internal::NotFound("API key", id);
    return Status::Ok();
  });
}

}  // namespace txng
