// SHA-256 (FIPS 180-4), kept in the pure epcis layer so that the event hash
// needs no crypto library.
#ifndef TXNG_EPCIS_SHA256_H_
#define TXNG_EPCIS_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace txng::epcis {

std::array<std::uint8_t, 32> Sha256(std::string_view data);

// Lower-case hex of Sha256(data).
std::string Sha256Hex(std::string_view data);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_SHA256_H_
