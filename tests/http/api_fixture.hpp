// An API over a real SQLite database, called as plain functions without a socket.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth/tokens.hpp"
#include "domain/registry.hpp"
#include "http/api.hpp"
#include "support/test_support.hpp"

namespace lumbung::http {

class ApiTest : public ::testing::Test {
 protected:
  // `backend` is "sqlite" (the default) or "postgresql", as for testing::TempDatabase.
  explicit ApiTest(const std::string& backend = "sqlite")
      : db_(backend), pool_(db_.database()), api_(pool_, testing::FixedNow) {
    token_ = admin_token_ = AddUser("admin", {{Role::kAdmin, "", 0, 0}});
  }

  // Creates a user with `roles` and returns a write-scoped API token for them.
  std::string AddUser(const std::string& username, std::vector<RoleGrant> roles,
                      TokenScope scope = TokenScope::kWrite) {
    User user;
    user.username = username;
    user.display_name = username;
    user.email = username + "@example.go.id";
    user.roles = std::move(roles);
    auto created = db_.store().InsertUser(user, "");
    EXPECT_TRUE(created) << username;
    std::string secret = "token-of-" + username + "-" + std::to_string(scope == TokenScope::kWrite);
    ApiToken token;
    token.digest = auth::TokenDigest(secret);
    token.user_id = created->id;
    token.name = "test";
    token.scope = scope;
    token.expires_at = 4'000'000'000;
    EXPECT_TRUE(db_.store().InsertToken(token));
    return secret;
  }

  // Sends a request as the holder of `token_` (the admin unless a test changes it; empty for
  // the anonymous public).
  Response Call(Method method, std::string target, std::string body = "",
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request request = MakeRequest(method, std::move(target), std::move(body), std::move(headers));
    if (!token_.empty() && request.Header("authorization").empty() &&
        request.Header("cookie").empty()) {
      request.headers.emplace_back("authorization", "Bearer " + token_);
    }
    if (!request.body.empty() && request.Header("content-type").empty()) {
      request.headers.emplace_back("content-type", "application/json");
    }
    return api_.Handle(request);
  }

  // A request from the loopback address, as a browser or program would send it.
  static Request MakeRequest(Method method, std::string target, std::string body,
                             std::vector<std::pair<std::string, std::string>> headers) {
    Request request;
    request.method = method;
    request.target = std::move(target);
    request.body = std::move(body);
    request.headers = std::move(headers);
    request.remote_address = "127.0.0.1";
    return request;
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
  std::string admin_token_;
  std::string token_;
};

}  // namespace lumbung::http
