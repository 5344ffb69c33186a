// The UN/ECE Recommendation 20 unit codes whose sensor values TXNG compares
// across units: each converts linearly to the SI unit of its quantity, so
// that GE_value_KEL=280 finds a report of 26 CEL (GS1's EPCIS test case
// TCR-53 asks for exactly this). Codes not listed are compared only with
// values given in the very same code.
//
// Stored reports keep their converted values (epcis_sensor_reports.*_si),
// so a conversion changed here needs a migration that recomputes them.
#ifndef TXNG_STORE_SENSOR_UNITS_H_
#define TXNG_STORE_SENSOR_UNITS_H_

#include <optional>
#include <string_view>

namespace txng {

// si = value * factor + offset. Differences (a standard deviation) convert
// with the factor alone.
struct SiConversion {
  std::string_view si_unit;  // Rec 20 code of the SI unit: KEL, KGM, MTR, ...
  double factor = 1;
  double offset = 0;
};

// The conversion of `uom` (a Rec 20 code), or nullopt when TXNG does not
// convert it.
std::optional<SiConversion> SiConversionOf(std::string_view uom);

}  // namespace txng

#endif  // TXNG_STORE_SENSOR_UNITS_H_
