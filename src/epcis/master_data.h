// Master data carried in an EPCIS document's header (epcisHeader /
// epcisMasterData / vocabularyList in JSON-LD; EPCISHeader / extension /
// EPCISMasterData / VocabularyList in XML, also EPCIS 1.2): vocabulary
// elements — business locations, read points, EPC classes, parties — with
// their attributes and children.
#ifndef TXNG_EPCIS_MASTER_DATA_H_
#define TXNG_EPCIS_MASTER_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "epcis/model.h"

namespace txng::epcis {

namespace vtype {
inline constexpr std::string_view kBusinessLocation = "urn:epcglobal:epcis:vtype:BusinessLocation";
inline constexpr std::string_view kReadPoint = "urn:epcglobal:epcis:vtype:ReadPoint";
inline constexpr std::string_view kEpcClass = "urn:epcglobal:epcis:vtype:EPCClass";
}  // namespace vtype

struct MasterDataAttribute {
  std::string id;     // full URI, e.g. urn:epcglobal:cbv:mda:sst
  std::string value;  // JSON text: a string, number or object (XML: its text, or its XML)

  bool operator==(const MasterDataAttribute&) const = default;
};

struct VocabularyElement {
  std::string type;  // vocabulary type URI, e.g. urn:epcglobal:epcis:vtype:ReadPoint
  std::string id;    // internal form (NormalizeIdentifier): Digital Link for GS1 keys
  std::vector<MasterDataAttribute> attributes;
  std::vector<std::string> children;  // internal form, in document order

  bool operator==(const VocabularyElement&) const = default;
};

// The vocabulary elements of `document`'s header, in document order; none
// when it carries no master data. CURIEs (cbvmda:, gs1:, prefixes the
// document declared) are expanded. kInvalidArgument (a ValidationError with
// the JSON pointer or XPath) when an element has no id or type, or an id or
// child that is a GS1 key breaks a GS1 rule.
Result<std::vector<VocabularyElement>> MasterDataOf(const Document& document);

// The GS1 keys an identifier (internal form) names, as TXNG's own records
// hold them: a location's GLN (AI 414) and extension (254), a product's
// GTIN (01) and a lot (10). Empty members when it names none.
struct Gs1Keys {
  std::string gln, gln_extension, gtin, lot;
};
Gs1Keys Gs1KeysOf(std::string_view id);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_MASTER_DATA_H_
