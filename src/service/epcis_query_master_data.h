// The EPCIS query parameters answered from master data: WD_readPoint,
// WD_bizLocation, HASATTR_<field> and EQATTR_<field>_<attribute> (also
// spelled EQ_ATTR_ as in GS1's query schema), read into a MasterDataQuery.
#ifndef TXNG_SERVICE_EPCIS_QUERY_MASTER_DATA_H_
#define TXNG_SERVICE_EPCIS_QUERY_MASTER_DATA_H_

#include <string>

#include "common/status.h"
#include "store/events.h"

namespace txng {

// Reads parameter `name` into `q` when it is one of these (true), or leaves
// `q` alone (false). kInvalidArgument naming the parameter for a malformed
// value or a name without its field or attribute; kUnimplemented for a
// field other than readPoint and bizLocation.
Result<bool> ReadMasterDataParameter(const std::string& name, const std::string& value,
                                     MasterDataQuery& q);

}  // namespace txng

#endif  // TXNG_SERVICE_EPCIS_QUERY_MASTER_DATA_H_
