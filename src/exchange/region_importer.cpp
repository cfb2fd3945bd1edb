// ImportRegions: the list of regions (kode, nama, tingkat, kode_provinsi) into the regions table.

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "domain/messages.hpp"
#include "domain/validation.hpp"
#include "exchange/csv.hpp"
#include "exchange/importer.hpp"
#include "exchange/messages.hpp"
#include "exchange/names.hpp"
#include "exchange/problems.hpp"

namespace lumbung::exchange {
namespace {

// The columns of the list, in the order the columns array below keeps their positions.
constexpr std::array<std::string_view, 4> kRegionColumns = {"kode", "nama", "tingkat",
                                                            "kode_provinsi"};

// The column a field of Region comes from, for messages.
std::string RegionColumn(std::string_view field) {
  if (field == "code") return "kode";
  if (field == "name") return "nama";
  if (field == "level") return "tingkat";
  if (field == "parent_code") return "kode_provinsi";
  return std::string(field);
}

struct RegionRow {
  int line = 0;
  Region region;
  bool valid = true;  // false when the row already has errors of its own
};

bool SamePlace(const Region& a, const Region& b) {
  return a.name == b.name && a.level == b.level && a.parent_code == b.parent_code &&
         a.time_zone == b.time_zone;
}

}  // namespace

Result<ImportReport> ImportRegions(Store& store, Registry& registry, std::istream& csv,
                                   const ImportOptions& options) {
  ImportReport report;
  report.format = "regions-csv";
  report.dry_run = options.dry_run;
  Problems problems;
  CsvReader reader(csv);
  CsvRecord record;
  auto read = reader.Next(record);
  if (!read) {
    problems.Add(read.error().fields);
    return problems.Reject();
  }
  if (!*read) return report;

  // Where each column stands in the header; the header's order is free.
  std::array<std::size_t, kRegionColumns.size()> at{};
  at.fill(record.fields.size());
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    std::string name = NameKey(record.fields[i]);
    auto known = std::find(kRegionColumns.begin(), kRegionColumns.end(), name);
    if (known == kRegionColumns.end()) {
      problems.Add(messages::UnknownColumn(record.line, record.fields[i]));
    } else if (at[known - kRegionColumns.begin()] != record.fields.size()) {
      problems.Add(messages::DuplicateColumn(record.line, name));
    } else {
      at[known - kRegionColumns.begin()] = i;
    }
  }
  for (std::size_t k = 0; k < kRegionColumns.size(); ++k) {
    if (at[k] == record.fields.size())
      problems.Add(messages::MissingColumn(record.line, kRegionColumns[k]));
  }
  if (!problems.empty()) return problems.Reject();
  const std::size_t columns = record.fields.size();

  std::vector<RegionRow> rows;
  std::map<std::string, int> line_of_code;
  while (true) {
    read = reader.Next(record);
    if (!read) {
      problems.Add(read.error().fields);
      break;
    }
    if (!*read) break;
    if (std::all_of(record.fields.begin(), record.fields.end(),
                    [](const std::string& cell) { return cell.empty(); })) {
      continue;
    }
    if (record.fields.size() != columns) {
      problems.Add(messages::WrongCellCount(record.line, columns, record.fields.size()));
      continue;
    }
    std::vector<FieldError> errors;
    for (std::size_t k = 0; k < kRegionColumns.size(); ++k) {
      if (!IsValidUtf8(record.fields[at[k]])) {
        errors.push_back(msg::BadUtf8(std::string(kRegionColumns[k])));
      }
    }
    if (!errors.empty()) {
      problems.Add(record.line, std::move(errors));
      continue;
    }
    RegionRow row;
    row.line = record.line;
    Region& region = row.region;
    region.code = CollapseSpaces(record.fields[at[0]]);
    region.name = TitleCase(record.fields[at[1]]);
    auto level = Parse<RegionLevel>(NameKey(record.fields[at[2]]));
    if (!level) errors.push_back(msg::UnknownValue("tingkat", AllowedList<RegionLevel>()));
    region.level = level.value_or(RegionLevel::kCity);
    if (region.level != RegionLevel::kProvince) {
      region.parent_code = CollapseSpaces(record.fields[at[3]]);
      // A regency's province is the first two digits of its code when the list leaves it out.
      if (region.parent_code.empty()) region.parent_code = region.code.substr(0, 2);
    }
    region.time_zone = TimeZoneOfProvince(region.code);
    for (auto& error : ValidateRegion(region)) {
      error.field = RegionColumn(error.field);
      errors.push_back(std::move(error));
    }
    auto [first, inserted] = line_of_code.emplace(region.code, row.line);
    if (!inserted) errors.push_back(messages::DuplicateKey("kode", first->second));
    row.valid = errors.empty();
    problems.Add(row.line, std::move(errors));
    rows.push_back(std::move(row));
  }

  // Every regency needs its province, from the file or already in the database.
  std::set<std::string> provinces_in_file;
  for (const auto& row : rows) {
    if (row.region.level == RegionLevel::kProvince) provinces_in_file.insert(row.region.code);
  }
  for (const auto& row : rows) {
    const std::string& parent = row.region.parent_code;
    if (!row.valid || parent.empty()) continue;
    if (!provinces_in_file.contains(parent) && !store.FindRegion(parent)) {
      problems.Add(
          msg::NoSuchRecord(messages::AtLine(row.line, "kode_provinsi"), "Provinsi", "Province"));
    }
  }
  if (!problems.empty()) return problems.Reject();

  std::stable_partition(rows.begin(), rows.end(), [](const RegionRow& row) {
    return row.region.level == RegionLevel::kProvince;
  });
  report.records = static_cast<int>(rows.size());
  Transaction transaction(store);
  for (const auto& row : rows) {
    auto existing = store.FindRegion(row.region.code);
    if (!existing) {
      auto created = registry.CreateRegion(row.region);
      if (!created) {
        auto error = created.TakeError();
        for (auto& field : error.fields) field.field = RegionColumn(field.field);
        if (error.fields.empty()) {
          error.fields.push_back({messages::AtLine(row.line), "conflict", error.title});
          problems.Add(error.fields);
        } else {
          problems.Add(row.line, std::move(error.fields));
        }
        continue;
      }
      ++report.created;
    } else if (SamePlace(*existing, row.region)) {
      ++report.unchanged;
    } else {
      // Only what the list says changes; whether a region is demonstration data stays.
      Region changed = *existing;
      changed.name = row.region.name;
      changed.level = row.region.level;
      changed.parent_code = row.region.parent_code;
      changed.time_zone = row.region.time_zone;
      store.UpsertRegion(changed);
      ++report.updated;
    }
  }
  if (!problems.empty()) return problems.Reject();
  if (!options.dry_run) transaction.Commit();
  return report;
}

}  // namespace lumbung::exchange
