#include "handlers/entity_json.h"

#include "common/clock.h"
#include "handlers/json_body.h"
#include "http/message.h"

namespace txng::handlers {

using nlohmann::json;

namespace {

template <typename T>
json Nullable(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json Time(const std::optional<UnixMillis>& t) {
  return t ? json(FormatIso8601(*t)) : json(nullptr);
}

json TextOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// The review members every publishable record carries.
void AddReview(json& j, ReviewStatus status, const std::string& reason,
               const std::optional<UnixMillis>& reviewed_at, UnixMillis created,
               UnixMillis updated) {
  j["reviewStatus"] = ToString(status);
  j["reviewReason"] = TextOrNull(reason);
  j["reviewedAt"] = Time(reviewed_at);
  j["createdAt"] = FormatIso8601(created);
  j["updatedAt"] = FormatIso8601(updated);
}

}  // namespace

json ToJson(const Organisation& o) {
  json j = {{"id", o.id},
            {"name", o.name},
            {"taxCode", TextOrNull(o.tax_code)},
            {"kind", ToString(o.kind)},
            {"sector", TextOrNull(o.sector)},
            {"district", TextOrNull(o.district)},
            {"address", TextOrNull(o.address)},
            {"gs1CompanyPrefix", TextOrNull(o.gs1_company_prefix)},
            {"gln", TextOrNull(o.gln)},
            {"reviewStatus", ToString(o.review_status)},
            {"createdAt", FormatIso8601(o.created_at)},
            {"updatedAt", FormatIso8601(o.updated_at)}};
  return j;
}

json ToJson(const Product& p) {
  json j = {{"id", p.id},
            {"organisationId", p.org_id},
            {"gtin", p.gtin},
            {"nameVi", p.name_vi},
            {"nameEn", TextOrNull(p.name_en)},
            {"category", TextOrNull(p.category)},
            {"brand", TextOrNull(p.brand)},
            {"description", TextOrNull(p.description)},
            {"standards", TextOrNull(p.standards)},
            {"shelfLifeDays", Nullable(p.shelf_life_days)},
            {"ocopStars", p.ocop_stars == 0 ? json(nullptr) : json(p.ocop_stars)},
            {"priority", TextOrNull(p.priority)},
            {"imageUrl", TextOrNull(p.image_url)},
            {"digitalLink", "/01/" + p.gtin}};
  AddReview(j, p.review_status, p.review_reason, p.reviewed_at, p.created_at, p.updated_at);
  return j;
}

json ToJson(const Location& l) {
  json j = {{"id", l.id},
            {"organisationId", l.org_id},
            {"gln", l.gln},
            {"glnExtension", TextOrNull(l.gln_extension)},
            {"name", l.name},
            {"kind", ToString(l.kind)},
            {"address", TextOrNull(l.address)},
            {"district", TextOrNull(l.district)},
            {"areaCode", TextOrNull(l.area_code)},
            {"latitude", Nullable(l.latitude)},
            {"longitude", Nullable(l.longitude)}};
  AddReview(j, l.review_status, l.review_reason, l.reviewed_at, l.created_at, l.updated_at);
  return j;
}

json ToJson(const Lot& l) {
  json j = {{"id", l.id},
            {"organisationId", l.org_id},
            {"productId", l.product_id},
            {"lotCode", l.lot_code},
            {"productionDate", TextOrNull(l.production_date)},
            {"expiryDate", TextOrNull(l.expiry_date)},
            {"quantity", Nullable(l.quantity)},
            {"unit", TextOrNull(l.unit)},
            {"locationId", Nullable(l.location_id)}};
  AddReview(j, l.review_status, l.review_reason, l.reviewed_at, l.created_at, l.updated_at);
  return j;
}

json ToJson(const Principal& p) {
  if (p.anonymous()) return {{"authenticated", false}};
  return {{"authenticated", true},
          {"kind", p.kind == Principal::Kind::kUser ? "user" : "apikey"},
          {"name", p.name},
          {"displayName", p.display_name},
          {"role", ToString(p.role)},
          {"organisationId", Nullable(p.org_id)},
          {"scopeSector", TextOrNull(p.scope_sector)},
          {"scopeDistrict", TextOrNull(p.scope_district)},
          {"csrfToken", TextOrNull(p.csrf_token)},
          {"mustChangePassword", p.must_change_password}};
}

json ToJson(const EventSubmission& e) {
  return {{"id", e.id},
          {"eventID", e.event_id},
          {"href", "/epcis/events/" + http::PercentEncode(e.event_id)},
          {"eventType", e.event_type},
          {"eventTime", FormatIso8601(e.event_time)},
          {"recordTime", FormatIso8601(e.record_time)},
          {"bizStep", TextOrNull(e.biz_step)},
          {"disposition", TextOrNull(e.disposition)},
          {"readPoint", TextOrNull(e.read_point)},
          {"bizLocation", TextOrNull(e.biz_location)},
          {"declaresError", e.declares_error},
          {"declaredInErrorAt", Time(e.declared_in_error_at)},
          {"organisationId", e.org_id},
          {"reviewStatus", ToString(e.review_status)},
          {"reviewReason", TextOrNull(e.review_reason)},
          {"reviewedBy", Nullable(e.reviewed_by)},
          {"reviewedAt", Time(e.reviewed_at)}};
}

Result<ProductFields> ProductFieldsFromJson(const json& body) {
  ProductFields f;
  JsonFields r(body,
               {"organisationId", "gtin", "nameVi", "nameEn", "category", "brand", "description",
                "standards", "shelfLifeDays", "ocopStars", "priority", "imageUrl"});
  r.Int("organisationId", f.org_id);
  r.Text("gtin", f.gtin);
  r.Text("nameVi", f.name_vi);
  r.Text("nameEn", f.name_en);
  r.Text("category", f.category);
  r.Text("brand", f.brand);
  r.Text("description", f.description);
  r.Text("standards", f.standards);
  r.NullableInt32("shelfLifeDays", f.shelf_life_days);
  std::optional<std::optional<int32_t>> stars;
  r.NullableInt32("ocopStars", stars);
  if (stars) f.ocop_stars = stars->value_or(0);
  r.Text("priority", f.priority);
  r.Text("imageUrl", f.image_url);
  if (!r.status().ok()) return r.status();
  return f;
}

Result<LocationFields> LocationFieldsFromJson(const json& body) {
  LocationFields f;
  JsonFields r(body, {"organisationId", "gln", "glnExtension", "name", "kind", "address",
                      "district", "areaCode", "latitude", "longitude"});
  r.Int("organisationId", f.org_id);
  r.Text("gln", f.gln);
  r.Text("glnExtension", f.gln_extension);
  r.Text("name", f.name);
  r.Text("kind", f.kind);
  r.Text("address", f.address);
  r.Text("district", f.district);
  r.Text("areaCode", f.area_code);
  r.NullableNumber("latitude", f.latitude);
  r.NullableNumber("longitude", f.longitude);
  if (!r.status().ok()) return r.status();
  return f;
}

Result<LotFields> LotFieldsFromJson(const json& body) {
  LotFields f;
  JsonFields r(body, {"organisationId", "productId", "lotCode", "productionDate", "expiryDate",
                      "quantity", "unit", "locationId"});
  r.Int("organisationId", f.org_id);
  r.Int("productId", f.product_id);
  r.Text("lotCode", f.lot_code);
  r.Text("productionDate", f.production_date);
  r.Text("expiryDate", f.expiry_date);
  r.NullableNumber("quantity", f.quantity);
  r.Text("unit", f.unit);
  r.NullableInt("locationId", f.location_id);
  if (!r.status().ok()) return r.status();
  return f;
}

Result<ReviewDecision> ReviewDecisionFromJson(const json& body) {
  std::optional<std::string> decision, reason;
  JsonFields r(body, {"decision", "reason"});
  r.Text("decision", decision);
  r.Text("reason", reason);
  if (!r.status().ok()) return r.status();
  ReviewDecision d;
  if (decision == "approve") {
    d.status = ReviewStatus::kApproved;
  } else if (decision == "reject") {
    d.status = ReviewStatus::kRejected;
  } else {
    return Status::InvalidArgument("decision must be 'approve' or 'reject'", "decision");
  }
  d.reason = reason.value_or("");
  return d;
}

}  // namespace txng::handlers
