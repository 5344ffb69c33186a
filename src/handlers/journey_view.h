// A traced identifier's journey (trace/journey.h) as the page templates
// show it: [{name, place, actor, time, quantity}] in the page's language.
#ifndef TXNG_HANDLERS_JOURNEY_VIEW_H_
#define TXNG_HANDLERS_JOURNEY_VIEW_H_

#include <nlohmann/json.hpp>

#include "http/i18n.h"
#include "http/templates.h"
#include "service/trace.h"

namespace txng::handlers {

// name: the stage in plain words (catalogue "stage.<CBV bizStep word>", or
// from the event type when the event names no bizStep); place: the place's
// name (its growing-area or packing-house code after it) or its
// identifier; actor: who handed over or received; time: DateTimeValue.
nlohmann::json JourneyStages(const http::Renderer& r, http::Lang lang, const TraceAnswer& a);

}  // namespace txng::handlers

#endif  // TXNG_HANDLERS_JOURNEY_VIEW_H_
