// The demo province as records: every organisation, user, location, product
// and lot that `txng demo` writes, computed in memory from a Province and a
// seed before the first write, so that a bad configuration changes nothing
// and the same seed always gives the same province.
#ifndef TXNG_SERVICE_DEMO_PLAN_H_
#define TXNG_SERVICE_DEMO_PLAN_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/status.h"
#include "service/demo_province.h"
#include "store/model.h"

namespace txng::demo {

// Records refer to each other by index into the plan's vectors; the writer
// maps indices to the ids the store assigns. `review_status` (and
// `review_reason`) of each record is the state it must end in.

struct PlannedUser {
  User record;                // password_hash and org_id are left empty
  std::optional<size_t> org;  // index into Plan::organisations
};

struct PlannedLocation {
  Location record;  // org_id is left empty
  size_t org = 0;
};

struct PlannedProduct {
  Product record;  // org_id is left empty
  size_t org = 0;
};

struct PlannedLot {
  Lot record;  // org_id, product_id and location_id are left empty
  size_t org = 0;
  size_t product = 0;
  std::optional<size_t> location;
};

struct Plan {
  std::vector<Organisation> organisations;  // authorities first, then producers
  std::vector<PlannedUser> users;           // staff first, then one per producer
  std::vector<PlannedLocation> locations;
  std::vector<PlannedProduct> products;
  std::vector<PlannedLot> lots;
  size_t reviewer = 0;  // index into users of the account that reviews the records
};

// Producer accounts are named kProducerUsernamePrefix + a zero-padded number.
inline constexpr char kProducerUsernamePrefix[] = "producer";

// Lots are made in the province's last lot_max_age_days before `today`, in
// their template's harvest months.
// InvalidArgument when a staff username of the province clashes with a
// generated producer username.
Result<Plan> PlanProvince(const Province& province, uint64_t seed, std::chrono::sys_days today);

}  // namespace txng::demo

#endif  // TXNG_SERVICE_DEMO_PLAN_H_
