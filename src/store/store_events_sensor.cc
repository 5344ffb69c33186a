// Capture of sensor data: the epcis_sensor_reports rows of an event.
#include <cctype>
#include <optional>
#include <string>

#include "epcis/timestamp.h"
#include "store/events_sensor_internal.h"
#include "store/sensor_units.h"

namespace txng::store_internal {

const std::string_view kInsertSensorReport =
    "INSERT INTO epcis_sensor_reports (event_row, element_index, report_index, sensor_time, "
    "start_time, end_time, type, device_id, data_processing_method, biz_rules, microorganism, "
    "chemical_substance, string_value, hex_binary_value, uri_value, boolean_value, uom, value, "
    "min_value, max_value, mean_value, s_dev, perc_rank, perc_value, si_unit, value_si, "
    "min_value_si, max_value_si, mean_value_si, s_dev_si, perc_value_si)";

namespace {

// UTC milliseconds of a validated timestamp; NULL when absent.
Result<SqlValue> Millis(const std::string& timestamp) {
  if (timestamp.empty()) return SqlValue();
  TXNG_ASSIGN_OR_RETURN(epcis::Instant instant, epcis::ParseTimestamp(timestamp));
  return SqlValue(epcis::ToUnixMillis(instant));
}

// The report's own attribute, else its element's metadata's.
const std::string& Own(const std::string& report, const std::string& metadata) {
  return report.empty() ? metadata : report;
}

std::string Upper(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return text;
}

// `value` in the SI unit; NULL when absent or not converted. A difference
// (`with_offset` false) scales without the offset.
SqlValue Si(const std::optional<double>& value, const std::optional<SiConversion>& to_si,
            bool with_offset = true) {
  if (!value || !to_si) return SqlValue();
  return *value * to_si->factor + (with_offset ? to_si->offset : 0);
}

}  // namespace

Status AddSensorReportRows(int64_t event_row, const epcis::Event& event,
                           std::vector<std::vector<SqlValue>>& rows) {
  static const epcis::SensorMetadata kNoMetadata;
  for (std::size_t e = 0; e < event.sensor_elements.size(); ++e) {
    const epcis::SensorElement& element = event.sensor_elements[e];
    const epcis::SensorMetadata& m = element.metadata ? *element.metadata : kNoMetadata;
    TXNG_ASSIGN_OR_RETURN(SqlValue start_time, Millis(m.start_time));
    TXNG_ASSIGN_OR_RETURN(SqlValue end_time, Millis(m.end_time));
    for (std::size_t r = 0; r < element.reports.size(); ++r) {
      const epcis::SensorReport& report = element.reports[r];
      TXNG_ASSIGN_OR_RETURN(SqlValue time, Millis(Own(report.time, m.time)));
      const std::optional<SiConversion> to_si = SiConversionOf(report.uom);
      SqlValue boolean;
      if (report.boolean_value) boolean = int64_t{*report.boolean_value ? 1 : 0};
      rows.push_back({event_row,
                      static_cast<int64_t>(e),
                      static_cast<int64_t>(r),
                      time,
                      start_time,
                      end_time,
                      report.type,
                      Own(report.device_id, m.device_id),
                      Own(report.data_processing_method, m.data_processing_method),
                      Own(report.biz_rules, m.biz_rules),
                      report.microorganism,
                      report.chemical_substance,
                      report.string_value,
                      Upper(report.hex_binary_value),
                      report.uri_value,
                      boolean,
                      report.uom,
                      SqlNullable(report.value),
                      SqlNullable(report.min_value),
                      SqlNullable(report.max_value),
                      SqlNullable(report.mean_value),
                      SqlNullable(report.s_dev),
                      SqlNullable(report.perc_rank),
                      SqlNullable(report.perc_value),
                      std::string(to_si ? to_si->si_unit : ""),
                      Si(report.value, to_si),
                      Si(report.min_value, to_si),
                      Si(report.max_value, to_si),
                      Si(report.mean_value, to_si),
                      Si(report.s_dev, to_si, false),
                      Si(report.perc_value, to_si)});
    }
  }
  return Status::Ok();
}

}  // namespace txng::store_internal
