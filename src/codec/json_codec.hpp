// The JSON form of regions, agencies and innovations: what the API answers, what it accepts,
// and what `lumbung export` writes and `lumbung import` reads back.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/clinic.hpp"
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

// A region's yearly target rule: {"count", "minimum_maturity", "verified_only", "deadline",
// "per_echelon_iii"}. Reading takes any subset of the members and changes only those.
Json ToJson(const TargetRule& rule);
std::vector<FieldError> FromJson(const Json& input, TargetRule& rule);

// A clinic journal entry with the members its kind holds. Reading takes what a client may
// send for a new entry: its kind, date and the members of the kind (domain/clinic.hpp).
Json ToJson(const ClinicEntry& entry);
std::vector<FieldError> FromJson(const Json& input, ClinicEntry& entry);
// The members that depend on the entry's kind, as the store keeps them, and back.
Json ClinicDetailsJson(const ClinicEntry& entry);
std::vector<FieldError> ReadClinicDetails(const Json& details, ClinicEntry& entry);

// The region's programme (domain/programme.hpp). An activity's agencies are
// [{"agency_id", "participants"}], its innovations a list of ids; a team's members
// [{"name", "position", "role"}]. An evaluation reads what a client sends to record one: its
// year, progress, report and advice.
Json ToJson(const Activity& activity);
std::vector<FieldError> FromJson(const Json& input, Activity& record, JsonInput kind);
Json ToJson(const Team& team);
std::vector<FieldError> FromJson(const Json& input, Team& record, JsonInput kind);
Json ToJson(const Evaluation& evaluation);
std::vector<FieldError> FromJson(const Json& input, Evaluation& record);

// The names of the fields an innovation has in JSON, in the order ToJson writes them.
const std::vector<std::string>& InnovationJsonFields();

}  // namespace lumbung
