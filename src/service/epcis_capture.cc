#include "service/epcis_capture.h"

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "epcis/master_data.h"
#include "epcis/xml_decode.h"

namespace txng {

Result<epcis::Document> DecodeEpcis(std::string_view body, EpcisSyntax syntax) {
  return DecodeEpcis(body, syntax, nullptr);
}

Result<epcis::Document> DecodeEpcis(std::string_view body, EpcisSyntax syntax,
                                    std::vector<epcis::EventError>* rejected) {
  TXNG_ASSIGN_OR_RETURN(epcis::Document doc, syntax == EpcisSyntax::kXml
                                                 ? epcis::DecodeXmlDocument(body, rejected)
                                                 : epcis::DecodeJsonDocument(body, rejected));
  // Malformed master data refuses the document before anything is queued.
  TXNG_RETURN_IF_ERROR(epcis::MasterDataOf(doc).status());
  return doc;
}

Result<CaptureReport> CaptureDocument(Store& store, const epcis::Document& document,
                                      const Principal& who, const CaptureOptions& options,
                                      const Actor& actor) {
  if (who.anonymous())
    return Status::Unauthenticated("capturing events needs a sign-in or API key");
  if (options.approved && !who.is(Role::kAdmin)) {
    return Status::PermissionDenied("only an administrator may import events as approved");
  }
  std::optional<int64_t> org = options.org_id ? options.org_id : who.org_id;
  if (!org) {
    return Status::InvalidArgument("name the organisation the events belong to", "organisation");
  }
  if (!CanWrite(who, *org)) {
    return Status::PermissionDenied("you may capture events only for your own organisation");
  }
  const epcis::EventHashOptions hash_options = epcis::HashOptionsOf(document);
  std::vector<NewEvent> events;
  events.reserve(document.events.size());
  for (const epcis::Event& event : document.events) {
    NewEvent e;
    e.event = event;
    e.hash_id = epcis::EventHashId(event, hash_options);
    events.push_back(std::move(e));
  }
  CaptureContext ctx;
  TXNG_ASSIGN_OR_RETURN(ctx.master_data, epcis::MasterDataOf(document));
  ctx.org_id = *org;
  ctx.review_status = options.approved ? ReviewStatus::kApproved : ReviewStatus::kPending;
  CaptureReport report;
  TXNG_ASSIGN_OR_RETURN(report.events, store.CaptureEvents(events, ctx, actor));
  for (const CapturedEvent& e : report.events) {
    (e.result == CaptureResult::kStored ? report.stored : report.duplicates) += 1;
  }
  return report;
}

}  // namespace txng
