// The OpenAPI document and the router must describe the same API.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "http/api_fixture.hpp"
#include "http/openapi_document.hpp"

namespace lumbung::http {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

TEST_F(ApiTest, EveryRouteIsInTheOpenApiDocument) {
  auto document = nlohmann::json::parse(OpenApiDocument());
  ASSERT_EQ(document["openapi"], "3.1.0");
  const auto& paths = document["paths"];
  for (const auto& route : api_.router().routes()) {
    std::string method = Lower(MethodName(route.method));
    EXPECT_TRUE(paths.contains(route.pattern) && paths[route.pattern].contains(method))
        << MethodName(route.method) << " " << route.pattern << " is missing from openapi.json";
  }
}

TEST_F(ApiTest, EveryDocumentedOperationHasARoute) {
  auto document = nlohmann::json::parse(OpenApiDocument());
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      bool found = std::any_of(
          api_.router().routes().begin(), api_.router().routes().end(), [&](const Route& route) {
            return route.pattern == path && Lower(MethodName(route.method)) == method;
          });
      EXPECT_TRUE(found) << method << " " << path << " is documented but not routed";
    }
  }
}

TEST_F(ApiTest, ServesTheDocument) {
  auto response = Call(Method::kGet, "/api/openapi.json");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Body(), OpenApiDocument());
}

}  // namespace
}  // namespace lumbung::http
