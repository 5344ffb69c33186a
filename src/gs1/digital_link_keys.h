// GS1 Digital Link primary keys and the qualifiers that may follow them in
// a URI path.
#ifndef TXNG_GS1_DIGITAL_LINK_KEYS_H_
#define TXNG_GS1_DIGITAL_LINK_KEYS_H_

#include <string>
#include <vector>

namespace txng::gs1 {

// True when `path_ais` is a primary key followed by qualifiers in an order
// one of its qualifier sequences allows (each qualifier optional), e.g.
// {"01", "22", "21"}; false for {"01", "21", "10"} or {"10"}.
bool IsDigitalLinkPathSequence(const std::vector<std::string>& path_ais);

}  // namespace txng::gs1

#endif  // TXNG_GS1_DIGITAL_LINK_KEYS_H_
