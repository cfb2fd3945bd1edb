// What the import and export tests share: a database with Jawa Timur and Kota Surabaya, a
// registry on the fixed clock, and ways to look at what an import left behind.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/registry.hpp"
#include "exchange/importer.hpp"
#include "support/test_support.hpp"

namespace lumbung::exchange::testing {

// A database and its registry, with a province and a city to import into.
class Workspace {
 public:
  Workspace() {
    Region province{"35", "Jawa Timur", RegionLevel::kProvince, "", TimeZone::kWib, false, ""};
    Region city{"3578", "Kota Surabaya", RegionLevel::kCity, "35", TimeZone::kWib, false, ""};
    if (!registry_.CreateRegion(province) || !registry_.CreateRegion(city)) {
      throw std::runtime_error("cannot create the test regions");
    }
  }

  Store& store() { return database_.store(); }
  Registry& registry() { return registry_; }

  Result<ImportReport> Import(const std::string& text, bool dry_run = false,
                              std::string_view region = "3578") {
    std::istringstream input(text);
    return ImportInnovations(store(), registry_, region, input, ImportOptions{dry_run});
  }

  std::string Export(ExportFormat format, std::string_view region = "3578") {
    std::ostringstream out;
    auto status = ExportInnovations(store(), region, format, out);
    EXPECT_TRUE(status) << (status ? "" : status.error().title.en);
    return out.str();
  }

  std::vector<Innovation> Innovations(std::string_view region = "3578") {
    std::vector<Innovation> all;
    store().ForEachInnovation(region, [&all](const Innovation& i) { all.push_back(i); });
    return all;
  }

 private:
  lumbung::testing::TempDatabase database_;
  Registry registry_{database_.store(), lumbung::testing::FixedNow};
};

// The whole content of a file.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

// The fields of every error, for messages and for looking one up.
inline std::vector<std::string> ErrorFields(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields) fields.push_back(field.field);
  return fields;
}

// The error about `field`, or nothing.
inline const FieldError* FindError(const Error& error, std::string_view field) {
  for (const auto& candidate : error.fields) {
    if (candidate.field == field) return &candidate;
  }
  return nullptr;
}

// Prints an error's fields and English messages when a test fails.
inline std::string Describe(const Error& error) {
  std::string text = error.title.en;
  for (const auto& field : error.fields) text += "\n  " + field.field + ": " + field.message.en;
  return text;
}

}  // namespace lumbung::exchange::testing
