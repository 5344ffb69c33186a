// Helpers shared by the libFuzzer targets: options drawn from an input byte,
// and a check that stops the run when a round-trip property fails, so that
// the fuzzer reports a logic bug the way it reports a crash.
#ifndef TXNG_FUZZ_FUZZ_SUPPORT_H_
#define TXNG_FUZZ_FUZZ_SUPPORT_H_

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "gs1/ai_value.h"
#include "gs1/digital_link.h"
#include "gs1/element_string.h"

namespace txng::fuzz {

// Prints `what` and `detail` and aborts, which libFuzzer reports as a crash
// with the reproducer's path.
[[noreturn]] inline void Fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "property failed: %.*s\n  %.*s\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Input bytes, the first of which may be taken for options.
class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  // The first byte (0 when there is none); the rest stays.
  std::uint8_t TakeByte() {
    if (rest_.empty()) return 0;
    auto byte = static_cast<std::uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    return byte;
  }

  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// Byte 0 gives the defaults; each bit switches one option away from them.
inline gs1::DigitalLinkOptions DigitalLinkOptionsOf(std::uint8_t bits) {
  gs1::DigitalLinkOptions options;
  options.permit_convenience_alphas = (bits & 0x01) != 0;
  options.permit_zero_suppressed_gtin = (bits & 0x02) != 0;
  options.permit_unknown_ais = (bits & 0x04) != 0;
  options.unknown_ai_not_dl_attribute = (bits & 0x08) == 0;
  options.validate_requisites = (bits & 0x10) == 0;
  return options;
}

inline gs1::ElementStringOptions ElementStringOptionsOf(std::uint8_t bits) {
  gs1::ElementStringOptions options;
  options.permit_unknown_ais = (bits & 0x01) != 0;
  options.validate_requisites = (bits & 0x02) == 0;
  options.validate_exclusions = (bits & 0x04) == 0;
  return options;
}

// The distinct (AI, value) pairs of `ais`, sorted: what a Digital Link
// carries regardless of the order and repeats of the AIs it was made from.
inline std::vector<gs1::AiValue> DistinctSorted(std::vector<gs1::AiValue> ais) {
  std::sort(ais.begin(), ais.end(), [](const gs1::AiValue& a, const gs1::AiValue& b) {
    return a.ai != b.ai ? a.ai < b.ai : a.value < b.value;
  });
  ais.erase(std::unique(ais.begin(), ais.end()), ais.end());
  return ais;
}

// Checks that the Digital Link generated from `ais` (when generation
// succeeds) parses back to the same distinct AIs.
inline void CheckDigitalLinkRoundTrip(const std::vector<gs1::AiValue>& ais, std::string_view stem,
                                      const gs1::DigitalLinkOptions& options) {
  auto uri = gs1::ToDigitalLink(ais, stem, options);
  if (!uri.ok()) return;
  auto reparsed = gs1::ParseDigitalLink(*uri, options);
  if (!reparsed.ok()) {
    Fail("a generated Digital Link parses",
         *uri + " from " + gs1::ToBracketed(ais) + ": " + reparsed.status().message());
  }
  if (DistinctSorted(reparsed->ais) != DistinctSorted(ais)) {
    Fail("a generated Digital Link gives back its AIs",
         *uri + " from " + gs1::ToBracketed(ais) + " gives " + gs1::ToBracketed(reparsed->ais));
  }
}

}  // namespace txng::fuzz

#endif  // TXNG_FUZZ_FUZZ_SUPPORT_H_
