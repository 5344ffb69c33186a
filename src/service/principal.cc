#include "service/principal.h"

namespace txng {

Principal Principal::Anonymous(std::string remote_addr) {
  Principal p;
  p.remote_addr = std::move(remote_addr);
  return p;
}

Actor Principal::ToActor() const {
  Actor a;
  a.user_id = user_id;
  a.api_key_id = api_key_id;
  a.remote_addr = remote_addr;
  switch (kind) {
    case Kind::kAnonymous:
      a.label = "anonymous";
      break;
    case Kind::kUser:
      a.label = "user:" + name;
      break;
    case Kind::kApiKey:
      a.label = "apikey:" + name;
      break;
  }
  return a;
}

bool CanRead(const Principal& p, int64_t org_id, ReviewStatus status, const Organisation* org) {
  if (status == ReviewStatus::kApproved) return true;
  if (p.anonymous()) return false;
  switch (p.role) {
    case Role::kAdmin:
    case Role::kReviewer:
      return true;
    case Role::kProducer:
      return p.org_id == org_id;
    case Role::kOfficer:
      if (org == nullptr || org->id != org_id) return false;
      if (!p.scope_sector.empty() && org->sector != p.scope_sector) return false;
      if (!p.scope_district.empty() && org->district != p.scope_district) return false;
      return !p.scope_sector.empty() || !p.scope_district.empty();
  }
  return false;
}

bool CanWrite(const Principal& p, int64_t org_id) {
  if (p.anonymous()) return false;
  if (p.kind == Principal::Kind::kUser && p.role == Role::kAdmin) return true;
  if (p.kind == Principal::Kind::kApiKey) return p.org_id == org_id;
  return p.role == Role::kProducer && p.org_id == org_id;
}

bool CanReview(const Principal& p) {
  return p.kind == Principal::Kind::kUser && (p.role == Role::kReviewer || p.role == Role::kAdmin);
}

}  // namespace txng
