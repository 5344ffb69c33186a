// Capture of EPCIS documents and events into the store, for the REST
// bindings and the command line: decode (JSON-LD or XML), validate, hash,
// store for an organisation. A document is stored whole or not at all.
#ifndef TXNG_SERVICE_EPCIS_CAPTURE_H_
#define TXNG_SERVICE_EPCIS_CAPTURE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "epcis/event_error.h"
#include "epcis/model.h"
#include "service/principal.h"
#include "store/events.h"
#include "store/store.h"

namespace txng {

enum class EpcisSyntax { kJsonLd, kXml };

struct CaptureOptions {
  // The organisation the events belong to: required for administrators,
  // who capture on an organisation's behalf; others capture for their own
  // and may leave it unset.
  std::optional<int64_t> org_id;
  // Stored as already reviewed (approved): an administrator's import of
  // data reviewed elsewhere, recorded as such in the audit log.
  bool approved = false;
};

struct CaptureReport {
  std::vector<CapturedEvent> events;  // in document order
  int stored = 0;
  int duplicates = 0;
};

// Decodes `body`, an EPCISDocument or a single event. kInvalidArgument (a
// ValidationError naming the event, pointer and rule) when anything is
// invalid: then nothing is stored.
Result<epcis::Document> DecodeEpcis(std::string_view body, EpcisSyntax syntax);
// As DecodeEpcis, except that invalid events are left out and reported in
// `rejected` (GS1-Capture-Error-Behaviour: proceed); an error outside the
// events still refuses the whole document.
Result<epcis::Document> DecodeEpcis(std::string_view body, EpcisSyntax syntax,
                                    std::vector<epcis::EventError>* rejected);

// Stores the events and the master data of `document` for `who`, audited as `actor` (the
// principal's own, or the command line's). kPermissionDenied when `who` may
// not write for the organisation, or asks `approved` without being an
// administrator; kInvalidArgument when an administrator names no
// organisation; kInvalidArgument when its master data is malformed.
Result<CaptureReport> CaptureDocument(Store& store, const epcis::Document& document,
                                      const Principal& who, const CaptureOptions& options,
                                      const Actor& actor);

}  // namespace txng

#endif  // TXNG_SERVICE_EPCIS_CAPTURE_H_
