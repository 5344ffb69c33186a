// gs1::ParseBracketed on arbitrary bytes, options from the first byte. AIs
// that parse must survive both written forms: bracketed and encoded element
// string give back the same AIs.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "gs1/ai_table.h"
#include "gs1/element_string.h"

using txng::fuzz::Fail;
using txng::gs1::ToBracketed;

namespace {

// An unknown AI whose first two digits give no length (GS1's engine accepts
// "(89)ABC" with unknown AIs permitted) cannot be read back from an element
// string, where the AI's length must follow from those digits.
bool ReadableAsElementString(const std::vector<txng::gs1::AiValue>& ais) {
  return std::all_of(ais.begin(), ais.end(), [](const txng::gs1::AiValue& pair) {
    auto length = txng::gs1::AiLengthByPrefix(std::string_view(pair.ai).substr(0, 2));
    return txng::gs1::FindAi(pair.ai) != nullptr ||
           (length && *length == static_cast<int>(pair.ai.size()));
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  txng::fuzz::Input input(data, size);
  auto options = txng::fuzz::ElementStringOptionsOf(input.TakeByte());
  auto ais = txng::gs1::ParseBracketed(input.rest(), options);
  if (!ais.ok()) return 0;
  std::string bracketed = txng::gs1::ToBracketed(*ais);
  auto again = txng::gs1::ParseBracketed(bracketed, options);
  if (!again.ok() || *again != *ais) {
    Fail("ToBracketed gives back the AIs",
         bracketed +
             (again.ok() ? " gives " + ToBracketed(*again) : ": " + again.status().message()));
  }
  if (!ReadableAsElementString(*ais)) return 0;
  std::string encoded = txng::gs1::ToElementString(*ais);
  auto decoded = txng::gs1::ParseElementString(encoded, options);
  if (!decoded.ok() || *decoded != *ais) {
    Fail(
        "ToElementString gives back the AIs",
        bracketed + " -> " + encoded +
            (decoded.ok() ? " gives " + ToBracketed(*decoded) : ": " + decoded.status().message()));
  }
  return 0;
}
