#include "exchange/lumbung_format.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "domain/messages.hpp"
#include "exchange/messages.hpp"
#include "exchange/names.hpp"

namespace lumbung::exchange {
namespace {

constexpr std::string_view kExportRefPrefix = "lumbung:";

// An innovation with every optional field set, so that its JSON shows each field's type.
Innovation FullySet() {
  Innovation innovation;
  innovation.type = InnovationType::kProcess;
  innovation.form = Form::kGovernance;
  innovation.year = 2000;
  innovation.implementation_year = 2000;
  innovation.replicated_from = 1;
  innovation.replication_method = ReplicationMethod::kAdaptation;
  return innovation;
}

CsvColumn::Kind KindOf(const Json& value) {
  if (value.is_string()) return CsvColumn::Kind::kText;
  if (value.is_number_integer()) return CsvColumn::Kind::kInteger;
  if (value.is_boolean()) return CsvColumn::Kind::kBoolean;
  return CsvColumn::Kind::kJson;
}

// The columns follow the JSON fields the codec writes, so a field added there is exported and
// imported here without a change; the links stand beside the ids they replace.
std::vector<CsvColumn> MakeColumns() {
  Json defaults = ToJson(Innovation{});
  Json full = ToJson(FullySet());
  std::vector<CsvColumn> columns;
  for (const auto& name : InnovationJsonFields()) {
    const Json& sample = defaults[name].is_null() ? full[name] : defaults[name];
    columns.push_back({name, KindOf(sample), defaults[name].is_null()});
    if (name == "agency_id") columns.push_back({std::string(kAgencyNameField)});
    if (name == "replicated_from") {
      columns.push_back({std::string(kReplicatedFromRegionField)});
      columns.push_back({std::string(kReplicatedFromRefField)});
    }
  }
  return columns;
}

// Takes the text member `key` out of `object`: null and absent give "", other types an error.
std::string TakeText(Json& object, std::string_view key, std::vector<FieldError>& errors) {
  auto found = object.find(key);
  if (found == object.end()) return {};
  std::string text;
  if (found->is_string()) {
    text = found->get<std::string>();
  } else if (!found->is_null()) {
    errors.push_back(msg::WrongType(std::string(key), "teks", "a string"));
  }
  object.erase(found);
  return text;
}

}  // namespace

std::vector<FieldError> ReadLumbungRecord(Json object, Innovation& innovation, RowLinks& links) {
  std::vector<FieldError> errors;
  links.agency_name = CollapseSpaces(TakeText(object, kAgencyNameField, errors));
  links.agency_field = std::string(kAgencyNameField);
  links.replicated_from_region =
      CollapseSpaces(TakeText(object, kReplicatedFromRegionField, errors));
  links.replicated_from_ref = TakeText(object, kReplicatedFromRefField, errors);
  auto record_errors = FromJson(object, innovation, JsonInput::kRecord);
  errors.insert(errors.end(), record_errors.begin(), record_errors.end());
  return errors;
}

std::string ExportSourceRef(const Innovation& innovation) {
  if (!innovation.source_ref.empty()) return innovation.source_ref;
  return std::string(kExportRefPrefix) + innovation.region_code + ":" +
         std::to_string(innovation.id);
}

std::optional<Id> ParseExportRef(std::string_view ref, std::string_view region_code) {
  if (!ref.starts_with(kExportRefPrefix)) return std::nullopt;
  ref.remove_prefix(kExportRefPrefix.size());
  if (!ref.starts_with(region_code) || ref.size() <= region_code.size() + 1 ||
      ref[region_code.size()] != ':') {
    return std::nullopt;
  }
  ref.remove_prefix(region_code.size() + 1);
  Id id = 0;
  auto [end, error] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (error != std::errc() || end != ref.data() + ref.size() || id <= 0) return std::nullopt;
  return id;
}

Json LumbungRecord(const Innovation& innovation, const RowLinks& links) {
  Json record = ToJson(innovation);
  record["source_ref"] = ExportSourceRef(innovation);
  record[std::string(kAgencyNameField)] = links.agency_name;
  record[std::string(kReplicatedFromRegionField)] = links.replicated_from_region;
  record[std::string(kReplicatedFromRefField)] = links.replicated_from_ref;
  return record;
}

const std::vector<CsvColumn>& LumbungCsvColumns() {
  static const std::vector<CsvColumn> kColumns = MakeColumns();
  return kColumns;
}

const CsvColumn* FindCsvColumn(std::string_view name) {
  const auto& columns = LumbungCsvColumns();
  auto found = std::find_if(columns.begin(), columns.end(),
                            [name](const CsvColumn& column) { return column.name == name; });
  return found == columns.end() ? nullptr : &*found;
}

std::optional<Json> CsvCellToJson(const CsvColumn& column, const std::string& cell,
                                  std::vector<FieldError>& errors) {
  if (cell.empty()) {
    if (column.nullable) return Json(nullptr);
    if (column.kind == CsvColumn::Kind::kText) return Json(std::string());
    return std::nullopt;
  }
  switch (column.kind) {
    case CsvColumn::Kind::kText:
      return Json(cell);
    case CsvColumn::Kind::kInteger: {
      std::int64_t value = 0;
      auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (error == std::errc() && end == cell.data() + cell.size()) return Json(value);
      errors.push_back(msg::WrongType(column.name, "bilangan bulat", "a whole number"));
      return std::nullopt;
    }
    case CsvColumn::Kind::kBoolean:
      if (cell == "true") return Json(true);
      if (cell == "false") return Json(false);
      errors.push_back(msg::WrongType(column.name, "true atau false", "true or false"));
      return std::nullopt;
    case CsvColumn::Kind::kJson: {
      Json value = Json::parse(cell, nullptr, /*allow_exceptions=*/false);
      if (!value.is_discarded()) return value;
      errors.push_back(messages::BadJsonCell(column.name));
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string JsonToCsvCell(const Json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

}  // namespace lumbung::exchange
