#include "store/sensor_units.h"

#include <numbers>

namespace txng {
namespace {

struct Unit {
  std::string_view code;
  SiConversion to_si;
};

// Exact factors from the units' definitions (the international yard and
// pound, the US and imperial gallons, the standard atmosphere).
constexpr Unit kUnits[] = {
    // Temperature.
    {"KEL", {"KEL", 1, 0}},
    {"CEL", {"KEL", 1, 273.15}},
    {"FAH", {"KEL", 5.0 / 9.0, 459.67 * 5.0 / 9.0}},
    {"A48", {"KEL", 5.0 / 9.0, 0}},  // degree Rankine
    // Mass.
    {"KGM", {"KGM", 1, 0}},
    {"GRM", {"KGM", 1e-3, 0}},
    {"MGM", {"KGM", 1e-6, 0}},
    {"MC", {"KGM", 1e-9, 0}},  // microgram
    {"HGM", {"KGM", 0.1, 0}},
    {"DTN", {"KGM", 100, 0}},  // decitonne
    {"TNE", {"KGM", 1000, 0}},
    {"LBR", {"KGM", 0.45359237, 0}},
    {"ONZ", {"KGM", 0.028349523125, 0}},
    // Length.
    {"MTR", {"MTR", 1, 0}},
    {"KMT", {"MTR", 1000, 0}},
    {"DMT", {"MTR", 0.1, 0}},
    {"CMT", {"MTR", 0.01, 0}},
    {"MMT", {"MTR", 1e-3, 0}},
    {"4H", {"MTR", 1e-6, 0}},  // micrometre
    {"INH", {"MTR", 0.0254, 0}},
    {"FOT", {"MTR", 0.3048, 0}},
    {"YRD", {"MTR", 0.9144, 0}},
    {"SMI", {"MTR", 1609.344, 0}},
    {"NMI", {"MTR", 1852, 0}},
    // Area.
    {"MTK", {"MTK", 1, 0}},
    {"CMK", {"MTK", 1e-4, 0}},
    {"MMK", {"MTK", 1e-6, 0}},
    {"KMK", {"MTK", 1e6, 0}},
    {"DAA", {"MTK", 1e3, 0}},  // decare
    {"HAR", {"MTK", 1e4, 0}},
    {"FTK", {"MTK", 0.09290304, 0}},
    {"INK", {"MTK", 0.00064516, 0}},
    {"ACR", {"MTK", 4046.8564224, 0}},
    // Volume.
    {"MTQ", {"MTQ", 1, 0}},
    {"HLT", {"MTQ", 0.1, 0}},
    {"LTR", {"MTQ", 1e-3, 0}},
    {"DMQ", {"MTQ", 1e-3, 0}},
    {"DLT", {"MTQ", 1e-4, 0}},
    {"CLT", {"MTQ", 1e-5, 0}},
    {"MLT", {"MTQ", 1e-6, 0}},
    {"CMQ", {"MTQ", 1e-6, 0}},
    {"MMQ", {"MTQ", 1e-9, 0}},
    {"GLL", {"MTQ", 0.003785411784, 0}},  // US gallon
    {"GLI", {"MTQ", 0.00454609, 0}},      // imperial gallon
    {"FTQ", {"MTQ", 0.028316846592, 0}},
    {"INQ", {"MTQ", 0.000016387064, 0}},
    // Speed.
    {"MTS", {"MTS", 1, 0}},
    {"KMH", {"MTS", 1 / 3.6, 0}},
    {"2M", {"MTS", 0.01, 0}},     // centimetre per second
    {"FS", {"MTS", 0.3048, 0}},   // foot per second
    {"HM", {"MTS", 0.44704, 0}},  // mile per hour
    {"KNT", {"MTS", 1852.0 / 3600.0, 0}},
    // Time.
    {"SEC", {"SEC", 1, 0}},
    {"C26", {"SEC", 1e-3, 0}},  // millisecond
    {"MIN", {"SEC", 60, 0}},
    {"HUR", {"SEC", 3600, 0}},
    {"DAY", {"SEC", 86400, 0}},
    {"WEE", {"SEC", 604800, 0}},
    // Pressure.
    {"PAL", {"PAL", 1, 0}},
    {"A97", {"PAL", 100, 0}},  // hectopascal
    {"KPA", {"PAL", 1e3, 0}},
    {"MPA", {"PAL", 1e6, 0}},
    {"MBR", {"PAL", 100, 0}},
    {"BAR", {"PAL", 1e5, 0}},
    {"ATM", {"PAL", 101325, 0}},
    {"UA", {"PAL", 101325.0 / 760.0, 0}},  // torr
    {"HN", {"PAL", 133.322387415, 0}},     // millimetre of mercury
    {"PS", {"PAL", 6894.757293168, 0}},    // pound-force per square inch
    // Mass concentration, density, absolute humidity.
    {"KMQ", {"KMQ", 1, 0}},
    {"A93", {"KMQ", 1e-3, 0}},  // gram per cubic metre
    {"GP", {"KMQ", 1e-6, 0}},   // milligram per cubic metre
    {"GQ", {"KMQ", 1e-9, 0}},   // microgram per cubic metre
    {"GL", {"KMQ", 1, 0}},      // gram per litre
    {"F23", {"KMQ", 1, 0}},     // gram per cubic decimetre
    {"M1", {"KMQ", 1e-3, 0}},   // milligram per litre
    {"H29", {"KMQ", 1e-6, 0}},  // microgram per litre
    {"23", {"KMQ", 1e3, 0}},    // gram per cubic centimetre
    {"GJ", {"KMQ", 1e3, 0}},    // gram per millilitre
    {"B35", {"KMQ", 1e3, 0}},   // kilogram per litre
    {"D41", {"KMQ", 1e3, 0}},   // tonne per cubic metre
    // Illuminance.
    {"LUX", {"LUX", 1, 0}},
    {"KLX", {"LUX", 1e3, 0}},
    // Plane angle.
    {"C81", {"C81", 1, 0}},  // radian
    {"DD", {"C81", std::numbers::pi / 180, 0}},
    // Energy.
    {"JOU", {"JOU", 1, 0}},
    {"KJO", {"JOU", 1e3, 0}},
    {"3B", {"JOU", 1e6, 0}},  // megajoule
    {"WHR", {"JOU", 3600, 0}},
    {"KWH", {"JOU", 3.6e6, 0}},
    {"MWH", {"JOU", 3.6e9, 0}},
    // Power.
    {"WTT", {"WTT", 1, 0}},
    {"C31", {"WTT", 1e-3, 0}},  // milliwatt
    {"KWT", {"WTT", 1e3, 0}},
    {"MAW", {"WTT", 1e6, 0}},
    // Electric potential and current.
    {"VLT", {"VLT", 1, 0}},
    {"2Z", {"VLT", 1e-3, 0}},  // millivolt
    {"KVT", {"VLT", 1e3, 0}},
    {"AMP", {"AMP", 1, 0}},
    {"4K", {"AMP", 1e-3, 0}},  // milliampere
    // Frequency.
    {"HTZ", {"HTZ", 1, 0}},
    {"KHZ", {"HTZ", 1e3, 0}},
    {"MHZ", {"HTZ", 1e6, 0}},
    {"A86", {"HTZ", 1e9, 0}},  // gigahertz
};

}  // namespace

std::optional<SiConversion> SiConversionOf(std::string_view uom) {
  for (const Unit& unit : kUnits) {
    if (unit.code == uom) return unit.to_si;
  }
  return std::nullopt;
}

}  // namespace txng
