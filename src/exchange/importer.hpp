// Import and export of regions and innovations: the CSV list of regions, LAN's innovation
// database (JSON lines), and Lumbung's own JSON lines and CSV. The formats are described in
// docs/import-format.md.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "domain/registry.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"

namespace lumbung::exchange {

// How an import runs.
struct ImportOptions {
  bool dry_run = false;  // check everything and count, but write nothing
};

// What an import did, or, for a dry run, would do.
struct ImportReport {
  std::string format;  // "regions-csv", "lan-jsonl", "lumbung-jsonl" or "lumbung-csv"
  int records = 0;     // records read from the file
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int agencies_created = 0;
  bool dry_run = false;  // true when nothing was written
};

// Which Lumbung format an export writes.
enum class ExportFormat { kJsonl, kCsv };

// Which records an export holds: all of them (a backup, a move) or the published ones (open
// data for the public).
enum class ExportScope { kEverything, kPublished };

// Imports the list of regions (columns kode, nama, tingkat, kode_provinsi): provinces before
// their regencies and cities, names title-cased, time zones derived from the province. Existing
// regions are updated only where they differ, so importing the same file again changes nothing.
// Either every row is written or, when any row is wrong, none is and the Error names each line.
Result<ImportReport> ImportRegions(Store& store, Registry& registry, std::istream& csv,
                                   const ImportOptions& options);

// Imports innovations into the region `region_code`, detecting the format from the content:
// LAN's JSON lines, Lumbung's JSON lines or Lumbung's CSV. Agencies named in the file are found
// by name in the region or created. Records already imported (same source_ref) are updated when
// they changed and left alone otherwise. Every row is checked before anything is written; when
// any row is wrong nothing is written and the Error names each line and field.
Result<ImportReport> ImportInnovations(Store& store, Registry& registry,
                                       std::string_view region_code, std::istream& input,
                                       const ImportOptions& options);

// Writes every innovation of the region in id order, in the Lumbung format that
// ImportInnovations reads back: each record with its agency's name and a source_ref that
// identifies it, so importing the export again, here or elsewhere, creates no duplicates.
Status ExportInnovations(Store& store, std::string_view region_code, ExportFormat format,
                         std::ostream& out, ExportScope scope = ExportScope::kEverything);

}  // namespace lumbung::exchange
