// The records that name the identifiers of a trace answer, an export or a
// journey: what to look up, and what was found, read in one transaction so
// that naming a thousand identifiers costs a handful of statements rather
// than a round trip each.
#ifndef TXNG_STORE_NAMING_H_
#define TXNG_STORE_NAMING_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/master_data.h"
#include "store/model.h"

namespace txng {

struct NamingKeys {
  std::set<std::string> gtins;                           // products, GTIN-14
  std::set<std::pair<std::string, std::string>> lots;    // (GTIN-14, lot code)
  std::set<std::pair<std::string, std::string>> places;  // locations, (GLN, extension or "")
  std::set<std::string> party_glns;                      // organisations by GLN
  std::set<std::string> element_ids;                     // master data, internal form
};

// Every record found, whatever its review status (visibility is the
// caller's), each list ordered by id.
struct NamingRecords {
  std::vector<Product> products;
  std::vector<Lot> lots;  // of the products found
  std::vector<Location> locations;
  // Those with a GLN asked for, and those the other records belong to.
  std::vector<Organisation> organisations;
  std::vector<StoredVocabularyElement> master_data;
};

}  // namespace txng

#endif  // TXNG_STORE_NAMING_H_
