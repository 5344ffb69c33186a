// Internal: reads the unbracketed GS1 element strings that the GS1 encoders
// take (see encoders.h) into what the symbol needs.
#ifndef TXNG_BARCODE_GS1_INPUT_H_
#define TXNG_BARCODE_GS1_INPUT_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace txng::barcode {

struct Gs1Input {
  // AIs and values with GS (0x1D) separators where FNC1 is needed, without
  // the leading FNC1: what a scanner transmits.
  std::string data;
  // The bracketed form, "(01)09501101530003(10)ABC".
  std::string bracketed;
  // Number of AI and value characters (separators not counted).
  int data_characters = 0;
};

// Parses and validates `element_string` with the gs1 layer (values, check
// digits, dates, AI combinations); errors are its words.
Result<Gs1Input> ReadGs1Input(std::string_view element_string);

}  // namespace txng::barcode

#endif  // TXNG_BARCODE_GS1_INPUT_H_
