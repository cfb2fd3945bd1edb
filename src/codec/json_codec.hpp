// The JSON form of regions, agencies and innovations: what the API answers, what it accepts,
// and what `lumbung export` writes and `lumbung import` reads back.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/model.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"

namespace lumbung {

using Json = nlohmann::json;

// Which fields a JSON object may set.
enum class JsonInput {
  kCreate,  // a new record from a client: no id, version or timestamps
  kUpdate,  // changes from a client: neither those nor the region
  kRecord,  // a whole record from an export: every field, the importer decides what to keep
};

Json ToJson(const Region& region);
Json ToJson(const Agency& agency);
Json ToJson(const Innovation& innovation);
Json ToJson(const InnovationSummary& summary);
// {"agency": [{"value", "label", "count"}, ...], "type": [...], ...}: one list per facet in
// the store's order; only values that need a name (agencies) carry a label.
Json ToJson(const InnovationFacets& facets);

// Copies the fields present in `input` into `record`. Returns one error per field that is
// unknown, read-only for this kind of input, of the wrong JSON type or of an unknown value;
// `record` must then be thrown away.
std::vector<FieldError> FromJson(const Json& input, Region& record, JsonInput kind);
std::vector<FieldError> FromJson(const Json& input, Agency& record, JsonInput kind);
std::vector<FieldError> FromJson(const Json& input, Innovation& record, JsonInput kind);

// The names of the fields an innovation has in JSON, in the order ToJson writes them.
const std::vector<std::string>& InnovationJsonFields();

}  // namespace lumbung
