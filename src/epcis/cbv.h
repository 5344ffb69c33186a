// CBV 2.0 vocabularies used as values of event fields, and their three
// spellings: a bare word ("shipping", as JSON-LD writes it with the standard
// context), a CBV URN ("urn:epcglobal:cbv:bizstep:shipping", EPCIS 1.x XML)
// and a Web URI ("https://ref.gs1.org/cbv/BizStep-shipping"). The Web URI is
// the internal form.
#ifndef TXNG_EPCIS_CBV_H_
#define TXNG_EPCIS_CBV_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace txng::epcis {

enum class Vocabulary {
  kBizStep,             // cbv:BizStep-…
  kDisposition,         // cbv:Disp-…
  kBizTransactionType,  // cbv:BTT-…
  kSourceDestType,      // cbv:SDT-…
  kErrorReason,         // cbv:ER-…
  kSensorComponent,     // cbv:Comp-…
  kMeasurementType,     // gs1:… (sensorReport type)
  kSensorAlertType,     // gs1:… (sensorReport exception)
};

// The internal form of `value` (already CURIE-expanded by the codec): a bare
// word of the vocabulary or a CBV URN of it becomes its Web URI; any other
// URI is the user's own value and stays as it is. Fails for a bare word that
// is not in the vocabulary (the standard requires a URI for other values).
Result<std::string> NormalizeVocabulary(Vocabulary vocabulary, std::string_view value);

// The bare word of `value` when it is a Web URI of a standard term of the
// vocabulary (what JSON-LD with the standard context writes); otherwise
// `value` unchanged.
std::string CompactVocabulary(Vocabulary vocabulary, std::string_view value);

// The CBV URN of `value` when it is a Web URI of a standard term of a
// vocabulary that has URNs (bizStep, disposition, bizTransaction type,
// source/destination type, error reason); otherwise `value` unchanged.
std::string VocabularyUrn(Vocabulary vocabulary, std::string_view value);

// Replaces a CBV URN of any vocabulary with its Web URI; other text stays.
// The event hash applies it to every value, as CBV 2.0 requires.
std::string CbvUrnToWebUri(std::string_view value);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_CBV_H_
