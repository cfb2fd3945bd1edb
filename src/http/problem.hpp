// Turning domain errors into application/problem+json responses (RFC 9457). This is the one
// place that maps an ErrorCode to an HTTP status.
#pragma once

#include "domain/result.hpp"
#include "http/message.hpp"

namespace lumbung::http {

int StatusOf(ErrorCode code);

// A problem+json response for `error`, in the language the request asked for.
Response Problem(const Request& request, const Error& error);

// Common problems the HTTP layer finds itself.
Error MalformedJson(const std::string& detail_en, const std::string& detail_id);
Error NotJson();
Error BodyTooLarge();
Error NoRoute();
Error MethodNotAllowed();
Error Internal();

}  // namespace lumbung::http
