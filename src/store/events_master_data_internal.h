// The master-data part of event queries (store_events_query_master_data.cc):
// WD_, HASATTR_ and EQATTR_ over epcis_vocabulary_elements and its tables.
#ifndef TXNG_STORE_EVENTS_MASTER_DATA_INTERNAL_H_
#define TXNG_STORE_EVENTS_MASTER_DATA_INTERNAL_H_

#include <string>

#include "store/events.h"
#include "store/events_sensor_internal.h"

namespace txng::store_internal {

// The condition on epcis_events row "e" that `q` asks for, or "" when it
// asks nothing.
std::string MasterDataCondition(const MasterDataQuery& q, const SqlParamAdder& param);

}  // namespace txng::store_internal

#endif  // TXNG_STORE_EVENTS_MASTER_DATA_INTERNAL_H_
