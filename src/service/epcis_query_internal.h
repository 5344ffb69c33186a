// Readers of query parameter values shared by the files that parse EPCIS
// query parameters (epcis_query.cc and its families). Each fails with
// kInvalidArgument naming the parameter.
#ifndef TXNG_SERVICE_EPCIS_QUERY_INTERNAL_H_
#define TXNG_SERVICE_EPCIS_QUERY_INTERNAL_H_

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "epcis/cbv.h"

namespace txng::epcis_query_internal {

// "query parameter NAME: WHY", with NAME as the field.
Status BadValue(const std::string& name, const std::string& why);
// The '|'-separated values of a parameter; none may be empty.
Result<std::vector<std::string>> Values(const std::string& name, const std::string& text);
Result<int> PositiveInt(const std::string& name, const std::string& text);
// A timestamp with a time zone, as UTC milliseconds.
Result<UnixMillis> Time(const std::string& name, const std::string& text);
// '|'-separated CBV values (bare words, URNs or URIs) as Web URIs.
Result<std::vector<std::string>> CbvValues(const std::string& name, const std::string& text,
                                           epcis::Vocabulary vocabulary);
// '|'-separated identifiers in the form captured events are stored in.
Result<std::vector<std::string>> Identifiers(const std::string& name, const std::string& text);

}  // namespace txng::epcis_query_internal

#endif  // TXNG_SERVICE_EPCIS_QUERY_INTERNAL_H_
