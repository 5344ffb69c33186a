#include "http/request_context.h"

namespace txng::http {
namespace {

thread_local std::string_view current_request_id;

}  // namespace

std::string_view CurrentRequestId() { return current_request_id; }

ScopedRequestId::ScopedRequestId(std::string_view id) : previous_(current_request_id) {
  current_request_id = id;
}

ScopedRequestId::~ScopedRequestId() { current_request_id = previous_; }

}  // namespace txng::http
