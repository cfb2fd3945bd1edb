// The OpenAPI 3.1 document of the HTTP API, embedded from src/http/openapi.json.
#pragma once

#include <string_view>

namespace lumbung::http {

std::string_view OpenApiDocument();

}  // namespace lumbung::http
