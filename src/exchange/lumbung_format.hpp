// Lumbung's own exchange format, as JSON lines and as CSV: the JSON form of an innovation
// (codec/json_codec.hpp) with the links that make it portable between databases.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_codec.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"
#include "exchange/lan_format.hpp"

namespace lumbung::exchange {

// The fields a Lumbung record has beyond the JSON of an innovation.
inline constexpr std::string_view kAgencyNameField = "agency_name";
inline constexpr std::string_view kReplicatedFromRegionField = "replicated_from_region";
inline constexpr std::string_view kReplicatedFromRefField = "replicated_from_ref";

// Reads a Lumbung record into `innovation` and its links. The record's id, region, version and
// timestamps are read but belong to the database it came from; the importer decides what to
// keep. Returns the fields that cannot be read.
std::vector<FieldError> ReadLumbungRecord(Json object, Innovation& innovation, RowLinks& links);

// The source_ref an export gives an innovation: its own, or "lumbung:<region>:<id>" when it has
// none, which names the record in the database it was exported from.
std::string ExportSourceRef(const Innovation& innovation);

// The id in "lumbung:<region_code>:<id>" when `ref` has that form and names `region_code`.
std::optional<Id> ParseExportRef(std::string_view ref, std::string_view region_code);

// The record an export writes for `innovation`.
Json LumbungRecord(const Innovation& innovation, const RowLinks& links);

// One column of Lumbung's CSV and how its cells hold JSON values.
struct CsvColumn {
  enum class Kind { kText, kInteger, kBoolean, kJson };
  std::string name;
  Kind kind = Kind::kText;
  bool nullable = false;  // an empty cell means null
};

// Every column of Lumbung's CSV, in the order an export writes them.
const std::vector<CsvColumn>& LumbungCsvColumns();

// The column named `name`, or nothing.
const CsvColumn* FindCsvColumn(std::string_view name);

// The JSON value of one cell, or nothing when the cell is empty and the field keeps its default;
// a cell that cannot be read adds an error under the column's name.
std::optional<Json> CsvCellToJson(const CsvColumn& column, const std::string& cell,
                                  std::vector<FieldError>& errors);

// The cell that holds a JSON value in a column.
std::string JsonToCsvCell(const Json& value);

}  // namespace lumbung::exchange
