// The sensor part of the event store: the epcis_sensor_reports rows written
// at capture (store_events_sensor.cc) and the SQL condition that answers a
// SensorQuery over them (store_events_query_sensor.cc).
#ifndef TXNG_STORE_EVENTS_SENSOR_INTERNAL_H_
#define TXNG_STORE_EVENTS_SENSOR_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "epcis/model.h"
#include "store/database.h"
#include "store/events.h"

namespace txng::store_internal {

// The head of an epcis_sensor_reports insert ("INSERT INTO … (columns)")
// and its number of columns, for the rows AddSensorReportRows makes.
extern const std::string_view kInsertSensorReport;
inline constexpr size_t kSensorReportColumns = 31;

// Appends to `rows` one epcis_sensor_reports row (kInsertSensorReport's
// columns) per sensorReport of `event`, stored as epcis_events row
// `event_row`.
Status AddSensorReportRows(int64_t event_row, const epcis::Event& event,
                           std::vector<std::vector<SqlValue>>& rows);

// Adds a parameter to the statement and returns its placeholder ($n).
using SqlParamAdder = std::function<std::string(SqlValue)>;

// The condition on epcis_events row "e" that `q` asks for (one EXISTS over
// epcis_sensor_reports), or "" when `q` asks nothing.
std::string SensorCondition(const SensorQuery& q, const SqlParamAdder& param);

}  // namespace txng::store_internal

#endif  // TXNG_STORE_EVENTS_SENSOR_INTERNAL_H_
