// ExportInnovations: a region's innovations in Lumbung's exchange format.

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "exchange/csv.hpp"
#include "exchange/importer.hpp"
#include "exchange/lumbung_format.hpp"
#include "exchange/messages.hpp"

namespace lumbung::exchange {
namespace {

// Where an innovation stands and the key an export gives it, for links to it.
struct Origin {
  std::string region_code;
  std::string ref;
};

}  // namespace

Status ExportInnovations(Store& store, std::string_view region_code, ExportFormat format,
                         std::ostream& out, ExportScope scope) {
  // Open data holds what the public may read and nothing that would reveal the rest.
  auto included = [scope](const Innovation& innovation) {
    return scope == ExportScope::kEverything || innovation.status == RecordStatus::kPublished;
  };
  if (!store.FindRegion(region_code)) return messages::RegionMissing(region_code);

  std::map<Id, std::string> agency_names;
  for (const auto& agency : store.ListAgencies(region_code)) agency_names[agency.id] = agency.name;

  // A first pass learns the key of every record, so that links to originals can be written by
  // key; originals in other regions are looked up after it, never while the store is iterating.
  std::map<Id, Origin> origins;
  std::set<Id> other_originals;
  std::set<Id> other_agencies;
  store.ForEachInnovation(region_code, [&](const Innovation& innovation) {
    if (!included(innovation)) return;
    origins[innovation.id] = {innovation.region_code, ExportSourceRef(innovation)};
    if (innovation.replicated_from) other_originals.insert(*innovation.replicated_from);
    if (!agency_names.contains(innovation.agency_id)) other_agencies.insert(innovation.agency_id);
  });
  for (Id id : other_originals) {
    if (origins.contains(id)) continue;
    if (auto original = store.FindInnovation(id); original && included(*original)) {
      origins[id] = {original->region_code, ExportSourceRef(*original)};
    }
  }
  // The registry keeps agencies in their innovation's region; a record that breaks that rule
  // still exports with its agency's name rather than none.
  for (Id id : other_agencies) {
    if (auto agency = store.FindAgency(id)) agency_names[id] = agency->name;
  }

  const auto& columns = LumbungCsvColumns();
  if (format == ExportFormat::kCsv) {
    std::vector<std::string> header;
    header.reserve(columns.size());
    for (const auto& column : columns) header.push_back(column.name);
    WriteCsvRecord(out, header);
  }
  store.ForEachInnovation(region_code, [&](const Innovation& innovation) {
    if (!included(innovation)) return;
    RowLinks links;
    links.agency_name = agency_names[innovation.agency_id];
    if (innovation.replicated_from) {
      if (auto origin = origins.find(*innovation.replicated_from); origin != origins.end()) {
        if (origin->second.region_code != region_code) {
          links.replicated_from_region = origin->second.region_code;
        }
        links.replicated_from_ref = origin->second.ref;
      }
    }
    Json record = LumbungRecord(innovation, links);
    // A link to a record the export leaves out would still tell that it exists.
    if (scope == ExportScope::kPublished && innovation.replicated_from &&
        !origins.contains(*innovation.replicated_from)) {
      record["replicated_from"] = nullptr;
    }
    if (format == ExportFormat::kJsonl) {
      out << record.dump() << '\n';
      return;
    }
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (const auto& column : columns) cells.push_back(JsonToCsvCell(record[column.name]));
    if (scope == ExportScope::kPublished) {
      // Open data is opened in spreadsheets, which run a cell starting with = + - @ as a
      // formula; a leading apostrophe shows it as the text it is.
      for (auto& cell : cells) {
        if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string::npos) {
          cell.insert(0, "'");
        }
      }
    }
    WriteCsvRecord(out, cells);
  });
  return Ok();
}

}  // namespace lumbung::exchange
