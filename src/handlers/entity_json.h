// JSON representations of TXNG's records in the /api/v1 interface
// (camelCase members, ISO 8601 UTC timestamps, null for absent values), and
// the decoding of the fields a client may send.
#ifndef TXNG_HANDLERS_ENTITY_JSON_H_
#define TXNG_HANDLERS_ENTITY_JSON_H_

#include <nlohmann/json.hpp>

#include "service/catalog.h"
#include "service/principal.h"
#include "store/model.h"
#include "store/store.h"

namespace txng::handlers {

nlohmann::json ToJson(const Organisation& o);
nlohmann::json ToJson(const Product& p);
nlohmann::json ToJson(const Location& l);
nlohmann::json ToJson(const Lot& l);
nlohmann::json ToJson(const Principal& p);
nlohmann::json ToJson(const EventSubmission& e);

template <typename T>
nlohmann::json PageToJson(const Page<T>& page, const PageRequest& req) {
  nlohmann::json items = nlohmann::json::array();
  for (const T& t : page.items) items.push_back(ToJson(t));
  return {{"items", std::move(items)},
          {"total", page.total},
          {"limit", req.limit},
          {"offset", req.offset}};
}

Result<ProductFields> ProductFieldsFromJson(const nlohmann::json& body);
Result<LocationFields> LocationFieldsFromJson(const nlohmann::json& body);
Result<LotFields> LotFieldsFromJson(const nlohmann::json& body);
// {"decision": "approve"|"reject", "reason": "..."}
Result<ReviewDecision> ReviewDecisionFromJson(const nlohmann::json& body);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_ENTITY_JSON_H_
