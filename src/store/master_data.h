// EPCIS master data as the store keeps it: vocabulary elements per
// organisation, linked to TXNG's own locations, products and lots.
#ifndef TXNG_STORE_MASTER_DATA_H_
#define TXNG_STORE_MASTER_DATA_H_

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.h"
#include "epcis/master_data.h"

namespace txng {

struct StoredVocabularyElement {
  int64_t id = 0;
  int64_t org_id = 0;                // the organisation whose document described it
  epcis::VocabularyElement element;  // children sorted
  // TXNG's own records it names (by GLN and extension, GTIN, GTIN and lot),
  // when they existed at capture.
  std::optional<int64_t> location_id, product_id, lot_id;
  UnixMillis updated_at = 0;
};

struct MasterDataFilter {
  std::string vocabulary_type;  // empty: all
  std::string element_id;       // internal form; empty: all
  std::optional<int64_t> org_id;
};

}  // namespace txng

#endif  // TXNG_STORE_MASTER_DATA_H_
