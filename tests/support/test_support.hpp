// Helpers the tests share: a real database (an SQLite file in a fresh temporary folder, or a
// fresh database on the tests' own PostgreSQL server), a fixed clock, and the location of the
// shared real data.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "domain/dates.hpp"
#include "domain/store.hpp"
#include "storage/database.hpp"

namespace lumbung::testing {

// The URL of the tests' PostgreSQL server (its database "postgres"): the server that CTest's
// fixture started (tests/support/postgres.sh, its state file in the build's tests folder), or,
// when a test binary runs on its own, one this process starts and stops when it exits.
std::string PostgresServerUrl();

// A migrated database, removed when it goes: `backend` "sqlite" for a file in its own temporary
// folder, "postgresql" for a database of its own on the tests' server. The folder exists for
// either, for the files a test writes beside the data.
class TempDatabase {
 public:
  explicit TempDatabase(const std::string& backend = "sqlite");
  ~TempDatabase();
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  const std::filesystem::path& folder() const { return folder_; }
  const std::string& url() const { return url_; }
  Database& database() { return *database_; }
  // A connection owned by the fixture, for tests that need only one.
  Store& store() { return *store_; }

 private:
  std::filesystem::path folder_;
  std::string url_;
  std::string postgres_name_;  // the database on the server, for PostgreSQL
  std::unique_ptr<Database> database_;
  std::unique_ptr<Store> store_;
};

// 2026-06-15T03:00:00Z: a fixed "now" so tests do not depend on the day they run.
std::chrono::system_clock::time_point FixedNow();

// The folder of the shared real data, or nothing when this checkout has none beside it.
std::optional<std::filesystem::path> SharedDataFolder();

}  // namespace lumbung::testing

// Skips the current test, saying why, when the shared real data is absent.
#define LUMBUNG_REQUIRE_SHARED_DATA(folder_variable)                                      \
  auto folder_variable##_found = ::lumbung::testing::SharedDataFolder();                  \
  if (!folder_variable##_found) {                                                         \
    GTEST_SKIP() << "skipped: ../shared/data/ is absent (a clone on its own); this test " \
                    "needs the real data there";                                          \
  }                                                                                       \
  const std::filesystem::path folder_variable = *folder_variable##_found
