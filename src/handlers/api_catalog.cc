// /api/v1/products, /locations, /lots and /organisations.
//
// Each of the three publishable resources has the same seven routes:
//   GET    /api/v1/<plural>               list (query: limit, offset, status, and filters)
//   POST   /api/v1/<plural>               create a draft (201, Location)
//   GET    /api/v1/<plural>/{id}          read
//   PATCH  /api/v1/<plural>/{id}          change the given fields of a draft or rejected record
//   POST   /api/v1/<plural>/{id}/submit   send to review (draft|rejected → pending)
//   POST   /api/v1/<plural>/{id}/review   {"decision": "approve"|"reject", "reason"} (reviewers)
// Organisations: GET list and one, POST {id}/submit and {id}/review.
#include "handlers/api_catalog.h"

#include "handlers/api_handler.h"
#include "handlers/consumer_pages.h"
#include "handlers/entity_json.h"
#include "handlers/json_body.h"
#include "service/review.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

Result<ProductFilter> ProductFilterFromQuery(const http::Request& r) {
  ProductFilter f;
  TXNG_ASSIGN_OR_RETURN(f.org_id, IntQuery(r, "organisationId"));
  TXNG_ASSIGN_OR_RETURN(f.review_status, ReviewStatusQuery(r));
  f.category = r.Query("category").value_or("");
  return f;
}

Result<LocationFilter> LocationFilterFromQuery(const http::Request& r) {
  LocationFilter f;
  TXNG_ASSIGN_OR_RETURN(f.org_id, IntQuery(r, "organisationId"));
  TXNG_ASSIGN_OR_RETURN(f.review_status, ReviewStatusQuery(r));
  if (auto k = r.Query("kind")) {
    f.kind = ParseLocationKind(*k);
    if (!f.kind) {
      return Status::InvalidArgument(
          "kind must be one of farm, growing_area, packing_house, factory, warehouse, shop",
          "kind");
    }
  }
  return f;
}

Result<LotFilter> LotFilterFromQuery(const http::Request& r) {
  LotFilter f;
  TXNG_ASSIGN_OR_RETURN(f.org_id, IntQuery(r, "organisationId"));
  TXNG_ASSIGN_OR_RETURN(f.product_id, IntQuery(r, "productId"));
  TXNG_ASSIGN_OR_RETURN(f.review_status, ReviewStatusQuery(r));
  return f;
}

// The service functions and codecs of one resource.
template <typename T, typename Fields, typename Filter>
struct Resource {
  const char* plural;    // "products": the path segment
  const char* singular;  // "product": for messages
  Result<Fields> (*decode)(const json&);
  Result<Filter> (*filter)(const http::Request&);
  Result<T> (CatalogService::*create)(const Principal&, const Fields&);
  Result<T> (CatalogService::*get)(const Principal&, int64_t);
  Result<Page<T>> (CatalogService::*list)(const Principal&, Filter, PageRequest);
  Result<T> (CatalogService::*update)(const Principal&, int64_t, const Fields&);
  Result<T> (CatalogService::*submit)(const Principal&, int64_t);
  Result<T> (CatalogService::*review)(const Principal&, int64_t, const ReviewDecision&);
  // Answers the list when the query has `q` (products: the public search).
  Result<ApiReply> (*search)(AppContext&, http::Request&, const Principal&);
};

template <typename T>
Result<ApiReply> Reply(const Result<T>& r) {
  if (!r.ok()) return r.status();
  return ApiReply{ToJson(*r)};
}

template <typename T, typename Fields, typename Filter>
void RegisterResource(http::Router& router, AppContext& app, Resource<T, Fields, Filter> res) {
  const std::string base = std::string("/api/v1/") + res.plural;
  CatalogService& catalog = app.catalog;

  router.Add(
      "GET", base,
      Api(app, [&app, &catalog, res](http::Request& r, const Principal& p) -> Result<ApiReply> {
        if (res.search && r.Query("q")) return res.search(app, r, p);
        TXNG_ASSIGN_OR_RETURN(PageRequest page, PageFromQuery(r));
        TXNG_ASSIGN_OR_RETURN(Filter filter, res.filter(r));
        TXNG_ASSIGN_OR_RETURN(Page<T> items, (catalog.*res.list)(p, filter, page));
        return ApiReply{PageToJson(items, page)};
      }));

  router.Add(
      "POST", base,
      Api(app, [&catalog, res, base](http::Request& r, const Principal& p) -> Result<ApiReply> {
        TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
        TXNG_ASSIGN_OR_RETURN(Fields fields, res.decode(body));
        TXNG_ASSIGN_OR_RETURN(T created, (catalog.*res.create)(p, fields));
        ApiReply reply{ToJson(created), 201};
        reply.headers.emplace_back("Location", base + "/" + std::to_string(created.id));
        return reply;
      }));

  router.Add("GET", base + "/{id}",
             Api(app, [&catalog, res](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", res.singular));
               return Reply((catalog.*res.get)(p, id));
             }));

  router.Add("PATCH", base + "/{id}",
             Api(app, [&catalog, res](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", res.singular));
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               TXNG_ASSIGN_OR_RETURN(Fields fields, res.decode(body));
               TXNG_ASSIGN_OR_RETURN(T updated, (catalog.*res.update)(p, id, fields));
               return ApiReply{ToJson(updated)};
             }));

  router.Add("POST", base + "/{id}/submit",
             Api(app, [&catalog, res](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", res.singular));
               TXNG_ASSIGN_OR_RETURN(T submitted, (catalog.*res.submit)(p, id));
               return ApiReply{ToJson(submitted)};
             }));

  router.Add("POST", base + "/{id}/review",
             Api(app, [&catalog, res](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", res.singular));
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               TXNG_ASSIGN_OR_RETURN(ReviewDecision decision, ReviewDecisionFromJson(body));
               TXNG_ASSIGN_OR_RETURN(T reviewed, (catalog.*res.review)(p, id, decision));
               return ApiReply{ToJson(reviewed)};
             }));
}

}  // namespace

void RegisterCatalogApi(http::Router& router, AppContext& app) {
  CatalogService& catalog = app.catalog;
  router.Add("GET", "/api/v1/organisations",
             Api(app, [&catalog](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(PageRequest page, PageFromQuery(r));
               OrganisationFilter f;
               TXNG_ASSIGN_OR_RETURN(f.review_status, ReviewStatusQuery(r));
               f.district = r.Query("district").value_or("");
               if (auto k = r.Query("kind")) {
                 f.kind = ParseOrgKind(*k);
                 if (!f.kind) {
                   return Status::InvalidArgument(
                       "kind must be enterprise, cooperative, household or authority", "kind");
                 }
               }
               TXNG_ASSIGN_OR_RETURN(Page<Organisation> orgs,
                                     catalog.ListOrganisations(p, f, page));
               return ApiReply{PageToJson(orgs, page)};
             }));
  router.Add("GET", "/api/v1/organisations/{id}",
             Api(app, [&catalog](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", "organisation"));
               return Reply(catalog.GetOrganisation(p, id));
             }));
  // An organisation's own review (service/review.h): its producers submit
  // its profile; reviewers decide it like any record.
  router.Add("POST", "/api/v1/organisations/{id}/submit",
             Api(app, [&app](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", "organisation"));
               TXNG_ASSIGN_OR_RETURN(Organisation submitted, SubmitOrganisation(app.store, p, id));
               return ApiReply{ToJson(submitted)};
             }));
  router.Add(
      "POST", "/api/v1/organisations/{id}/review",
      Api(app, [&app](http::Request& r, const Principal& p) -> Result<ApiReply> {
        TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", "organisation"));
        TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
        TXNG_ASSIGN_OR_RETURN(ReviewDecision decision, ReviewDecisionFromJson(body));
        TXNG_RETURN_IF_ERROR(
            DecideReviews(app.store, p, {{ReviewKind::kOrganisation, id}}, decision).status());
        return Reply(app.catalog.GetOrganisation(p, id));
      }));

  RegisterResource(
      router, app,
      Resource<Product, ProductFields, ProductFilter>{
          "products", "product", &ProductFieldsFromJson, &ProductFilterFromQuery,
          &CatalogService::CreateProduct, &CatalogService::GetProduct,
          &CatalogService::ListProducts, &CatalogService::UpdateProduct,
          &CatalogService::SubmitProduct, &CatalogService::ReviewProduct, &ProductSearchApi});
  RegisterResource(router, app,
                   Resource<Location, LocationFields, LocationFilter>{
                       "locations", "location", &LocationFieldsFromJson, &LocationFilterFromQuery,
                       &CatalogService::CreateLocation, &CatalogService::GetLocation,
                       &CatalogService::ListLocations, &CatalogService::UpdateLocation,
                       &CatalogService::SubmitLocation, &CatalogService::ReviewLocation, nullptr});
  RegisterResource(
      router, app,
      Resource<Lot, LotFields, LotFilter>{
          "lots", "lot", &LotFieldsFromJson, &LotFilterFromQuery, &CatalogService::CreateLot,
          &CatalogService::GetLot, &CatalogService::ListLots, &CatalogService::UpdateLot,
          &CatalogService::SubmitLot, &CatalogService::ReviewLot, nullptr});
}

}  // namespace txng::handlers
