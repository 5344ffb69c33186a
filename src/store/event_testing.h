// Events for the store's tests, written as JSON-LD.
#ifndef TXNG_STORE_EVENT_TESTING_H_
#define TXNG_STORE_EVENT_TESTING_H_

#include <gtest/gtest.h>

#include <string>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "store/events.h"
#include "store/store_test_fixture.h"

namespace txng {

// One JSON-LD event — its members, without braces and without @context —
// as capture takes it, with its CBV 2.0 hash ID. A member list that does
// not decode fails the test and gives an empty event.
inline NewEvent DecodeTestEvent(const std::string& members) {
  const std::string text =
      "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], " +
      members + "}";
  Result<epcis::Document> document = epcis::DecodeJsonDocument(text);
  EXPECT_TRUE(IsOk(document)) << text;
  NewEvent out;
  if (!document.ok()) return out;
  out.event = document->events.at(0);
  out.hash_id = epcis::EventHashId(out.event);
  return out;
}

}  // namespace txng

#endif  // TXNG_STORE_EVENT_TESTING_H_
