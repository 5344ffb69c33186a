// The EPCIS 2.0 sensor query parameters (GE_time, EQ_type, EQ_deviceID,
// GE_value_CEL, LT_percRank, EXISTS_sensorElementList, ...) read into a
// SensorQuery.
#ifndef TXNG_SERVICE_EPCIS_QUERY_SENSOR_H_
#define TXNG_SERVICE_EPCIS_QUERY_SENSOR_H_

#include <string>

#include "common/status.h"
#include "store/events.h"

namespace txng {

// Reads parameter `name` into `q` when it is a sensor parameter (true), or
// leaves `q` alone (false). Fails with kInvalidArgument naming the parameter
// for a malformed value, a unit that is not a UN/ECE Rec 20 code, or an
// operator the standard does not define for the attribute (EQ_minValue_CEL).
Result<bool> ReadSensorParameter(const std::string& name, const std::string& value, SensorQuery& q);

}  // namespace txng

#endif  // TXNG_SERVICE_EPCIS_QUERY_SENSOR_H_
