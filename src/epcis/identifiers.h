// Identifiers in EPCIS events: EPC URNs and GS1 Digital Link URIs are both
// accepted and reduced to one internal form, the canonical Digital Link URI
// under https://id.gs1.org; they are written back in either form.
#ifndef TXNG_EPCIS_IDENTIFIERS_H_
#define TXNG_EPCIS_IDENTIFIERS_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "gs1/epc_uri.h"

namespace txng::epcis {

// The internal form of an identifier:
// - an EPC pure identity or class URN of a GS1 key (urn:epc:id:sgtin:…,
//   urn:epc:class:lgtin:…, also pgln and upui) becomes the canonical Digital
//   Link URI of its AIs, check digits computed;
// - a GS1 Digital Link URI (any host, convenience alphas allowed) becomes
//   the canonical Digital Link URI of its AIs under https://id.gs1.org;
//   non-AI query parameters are dropped;
// - an EPC pattern whose only wildcard is the serial
//   (urn:epc:idpat:sgtin:4012345.066666.*, EPCIS 1.x's way to name a class)
//   becomes the Digital Link URI of its key alone (…/01/04012345666663);
// - any other URI (urn:epcglobal:cbv:bt:…, EPC URNs of non-GS1 schemes,
//   other patterns, web addresses that carry no GS1 key) is returned
//   unchanged.
// Fails, naming the rule, when the text is meant as a GS1 key but breaks a
// GS1 rule (wrong check digit, bad length, bad characters) — an EPC URN of a
// GS1 scheme, or an http(s) URI whose path holds a primary-key AI segment.
//
// In the canonical form an apostrophe stays unescaped, as the CBV 2.0 event
// hash vectors write it; other reserved characters are percent-encoded.
Result<std::string> NormalizeIdentifier(std::string_view text);

// True when `text` (already normalised) is a canonical GS1 Digital Link URI.
bool IsCanonicalDigitalLink(std::string_view text);

enum class EpcFormat { kDigitalLink, kEpcUrn };

// `canonical` (from NormalizeIdentifier) in the form asked for. EPC URNs need
// the company prefix length, looked up in `prefixes`; an identifier whose
// prefix is not registered there, or that is no GS1 key, is returned as it is.
std::string FormatIdentifier(std::string_view canonical, EpcFormat format,
                             const gs1::CompanyPrefixLengths& prefixes);

}  // namespace txng::epcis

#endif  // TXNG_EPCIS_IDENTIFIERS_H_
