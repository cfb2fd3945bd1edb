#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

namespace lumbung::testing {

TempDatabase::TempDatabase() {
  std::random_device random;
  folder_ = std::filesystem::temp_directory_path() /
            ("lumbung-test-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(folder_);
  auto opened = OpenDatabase(url(), MigrationPolicy::kMigrate);
  if (!opened) throw std::runtime_error("cannot open test database: " + opened.error().title.en);
  database_ = std::move(opened.value());
  store_ = database_->Connect();
}

TempDatabase::~TempDatabase() {
  store_.reset();
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::chrono::system_clock::time_point FixedNow() {
  return std::chrono::sys_days{std::chrono::year{2026} / 6 / 15} + std::chrono::hours{3};
}

std::optional<std::filesystem::path> SharedDataFolder() {
  const char* configured = std::getenv("LUMBUNG_SHARED_DATA");
  if (configured == nullptr) return std::nullopt;
  std::filesystem::path folder = configured;
  if (!std::filesystem::exists(folder / "lan-innovations-2018.jsonl")) return std::nullopt;
  return folder;
}

}  // namespace lumbung::testing
