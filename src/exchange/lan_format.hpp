// LAN's innovation database (one JSON object a line, as in lan-innovations-2018.jsonl) read into
// Lumbung's innovations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codec/json_codec.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"

namespace lumbung::exchange {

// What a row says about records it refers to, by name or key rather than by database id, so
// that the reference holds in any database.
struct RowLinks {
  std::string agency_name;             // empty: the row gives agency_id instead
  std::string agency_field;            // the field of the file that named the agency
  std::string replicated_from_region;  // empty: the region imported into
  std::string replicated_from_ref;     // the original's source_ref; empty: no link by key
};

// The most characters a summary taken from a description has.
inline constexpr std::size_t kSummaryCharacters = 300;

// Whether a JSON object is a LAN record rather than a Lumbung one.
bool IsLanRecord(const Json& object);

// Reads a LAN record into `innovation` (region, agency and ids are left to the importer) and
// the agency it names into `links`. Returns the fields that cannot be read, by their LAN names.
std::vector<FieldError> ReadLanRecord(const Json& object, Innovation& innovation, RowLinks& links);

// The LAN field a Lumbung field of an innovation comes from ("type" from "jenis_inovasi"), so
// that the domain's messages name the field the file has; other names are returned as they are.
std::string LanFieldName(std::string_view field);

}  // namespace lumbung::exchange
