// An API over a real SQLite database, called as plain functions without a socket.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/registry.hpp"
#include "http/api.hpp"
#include "support/test_support.hpp"

namespace lumbung::http {

class ApiTest : public ::testing::Test {
 protected:
  ApiTest() : pool_(db_.database()), api_(pool_, testing::FixedNow) {}

  Response Call(Method method, std::string target, std::string body = "",
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request request;
    request.method = method;
    request.target = std::move(target);
    request.body = std::move(body);
    request.headers = std::move(headers);
    if (!request.body.empty() && request.Header("content-type").empty()) {
      request.headers.emplace_back("content-type", "application/json");
    }
    return api_.Handle(request);
  }

  static nlohmann::json JsonOf(const Response& response) {
    return nlohmann::json::parse(response.Body());
  }

  static std::string HeaderOf(const Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "";
  }

  // A region with one agency; returns the agency's id.
  Id Seed() {
    Registry registry(db_.store(), testing::FixedNow);
    EXPECT_TRUE(registry.CreateRegion(
        {"3578", "Kota Surabaya", RegionLevel::kCity, "", TimeZone::kWib, false, ""}));
    Agency agency;
    agency.region_code = "3578";
    agency.name = "Dinas Kesehatan";
    return registry.CreateAgency(agency)->id;
  }

  testing::TempDatabase db_;
  StorePool pool_;
  Api api_;
};

}  // namespace lumbung::http
