#include "exchange/importer.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "codec/json_codec.hpp"
#include "domain/messages.hpp"
#include "domain/validation.hpp"
#include "exchange/csv.hpp"
#include "exchange/lan_format.hpp"
#include "exchange/lumbung_format.hpp"
#include "exchange/messages.hpp"
#include "exchange/names.hpp"
#include "exchange/problems.hpp"

namespace lumbung::exchange {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f") == std::string_view::npos;
}

// Where the first byte sequence that is not UTF-8 starts, or npos. Each sequence is judged by the
// domain's own rule, so "valid" means here what it means when the record is saved.
std::size_t FirstInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : 4;
    if (!IsValidUtf8(text.substr(i, length))) return i;
    i += length;
  }
  return std::string_view::npos;
}

// The top-level key of the JSON object in `line` whose value holds byte `offset`, so that a
// problem found before parsing can still name its field; empty when there is none.
std::string KeyAt(std::string_view line, std::size_t offset) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  std::size_t string_start = 0;
  std::string_view last_string;
  std::string key;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
        last_string = line.substr(string_start, i - string_start);
      }
    } else if (c == '"') {
      in_string = true;
      string_start = i + 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ':' && depth == 1) {
      key = std::string(last_string);
    }
  }
  return key;
}

// One row of an import file, read and checked, waiting to be written.
struct Row {
  int line = 0;
  bool lan = false;       // a LAN record: messages use LAN's field names
  Innovation innovation;  // as it will be written
  RowLinks links;
  std::string exported_created_at;     // created_at in the file, which identifies an export
  std::optional<Innovation> existing;  // the record this row updates
  int new_agency = -1;                 // the agency this import creates for the row
  int origin_row = -1;                 // the row of this file that the row replicates
  bool origin_missing = false;         // the original named by key was found nowhere
  bool unchanged = false;
};

// An agency that the import creates, and the line and field that first named it.
struct NewAgency {
  Agency agency;
  int line = 0;
  std::string field;
};

class InnovationImporter {
 public:
  InnovationImporter(Store& store, Registry& registry, std::string region_code)
      : store_(store), registry_(registry), region_code_(std::move(region_code)) {}

  Result<ImportReport> Run(std::istream& input, const ImportOptions& options) {
    Read(input);
    Resolve();
    if (!problems_.empty()) return problems_.Reject();
    return Write(options);
  }

 private:
  // The name the file gives a field of an innovation, for messages.
  std::string FileField(const Row& row, std::string_view field) const {
    if (field == "agency_id" && (!row.links.agency_name.empty() || row.innovation.agency_id <= 0)) {
      return row.links.agency_field;
    }
    if (field == "replicated_from" && !row.links.replicated_from_ref.empty()) {
      return std::string(kReplicatedFromRefField);
    }
    return row.lan ? LanFieldName(field) : std::string(field);
  }

  // Adds errors that name fields of the domain's innovation, in the file's words.
  void AddDomainErrors(const Row& row, std::vector<FieldError> errors) {
    for (auto& error : errors) error.field = FileField(row, error.field);
    problems_.Add(row.line, std::move(errors));
  }

  // Adds the failure of a write, which may name fields or only say what went wrong.
  void AddWriteError(const Row& row, Error error) {
    if (error.fields.empty()) {
      problems_.Add({messages::AtLine(row.line), "conflict", std::move(error.title)});
    } else {
      AddDomainErrors(row, std::move(error.fields));
    }
  }

  // Reading: the format comes from the first line that is not blank.
  void Read(std::istream& input) {
    LineReader lines(input);
    std::string line;
    while (true) {
      auto status = lines.Next(line);
      if (status == LineReader::Status::kEnd) return;
      if (status == LineReader::Status::kTooLong) {
        problems_.Add(messages::LineTooLong(lines.line_number(), kMaxLineBytes));
        return;
      }
      if (!IsBlank(line)) break;
    }
    if (line[line.find_first_not_of(" \t\r\f")] == '{') {
      ReadJsonLines(lines, line);
    } else {
      ReadCsv(input, lines.line_number(), line);
    }
  }

  void ReadJsonLines(LineReader& lines, std::string line) {
    int number = lines.line_number();
    while (true) {
      if (!IsBlank(line)) ReadJsonLine(number, line);
      auto status = lines.Next(line);
      if (status == LineReader::Status::kEnd) return;
      number = lines.line_number();
      if (status == LineReader::Status::kTooLong) {
        problems_.Add(messages::LineTooLong(number, kMaxLineBytes));
        line.clear();
      }
    }
  }

  void ReadJsonLine(int number, const std::string& line) {
    if (std::size_t bad = FirstInvalidUtf8(line); bad != std::string::npos) {
      problems_.Add(msg::BadUtf8(messages::AtLine(number, KeyAt(line, bad))));
      return;
    }
    Json object;
    try {
      object = Json::parse(line);
    } catch (const Json::parse_error& error) {
      problems_.Add(messages::BadJson(number, error.byte));
      return;
    }
    if (!object.is_object()) {
      problems_.Add(messages::NotAnObject(number));
      return;
    }
    // The first record decides the format of the whole file.
    if (format_.empty()) format_ = IsLanRecord(object) ? "lan-jsonl" : "lumbung-jsonl";
    Row row;
    row.line = number;
    row.lan = format_ == "lan-jsonl";
    auto errors = row.lan ? ReadLanRecord(object, row.innovation, row.links)
                          : ReadLumbungRecord(std::move(object), row.innovation, row.links);
    AddRow(std::move(row), std::move(errors));
  }

  void ReadCsv(std::istream& input, int header_line, const std::string& header_text) {
    format_ = "lumbung-csv";
    if (std::size_t bad = FirstInvalidUtf8(header_text); bad != std::string::npos) {
      problems_.Add(msg::BadUtf8(messages::AtLine(header_line)));
      return;
    }
    std::istringstream header_input(header_text);
    CsvReader header_reader(header_input, kMaxLineBytes, header_line);
    CsvRecord header;
    auto read = header_reader.Next(header);
    if (!read) {
      problems_.Add(read.error().fields);
      return;
    }
    std::vector<const CsvColumn*> columns;
    bool has_title = false;
    for (const auto& name : header.fields) {
      const CsvColumn* column = FindCsvColumn(name);
      if (column == nullptr) {
        columns.push_back(nullptr);
        continue;
      }
      if (std::find(columns.begin(), columns.end(), column) != columns.end()) {
        problems_.Add(messages::DuplicateColumn(header_line, name));
      }
      has_title = has_title || column->name == "title";
      columns.push_back(column);
    }
    if (!has_title) {
      problems_.Add(messages::UnknownFormat(header_line));
      return;
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == nullptr)
        problems_.Add(messages::UnknownColumn(header_line, header.fields[i]));
    }
    if (!problems_.empty()) return;

    CsvReader reader(input, kMaxLineBytes, header_line + 1);
    CsvRecord record;
    while (true) {
      auto more = reader.Next(record);
      if (!more) {
        problems_.Add(more.error().fields);
        return;
      }
      if (!*more) return;
      // Spreadsheets leave rows of empty cells below the data.
      if (std::all_of(record.fields.begin(), record.fields.end(),
                      [](const std::string& cell) { return cell.empty(); })) {
        continue;
      }
      if (record.fields.size() != columns.size()) {
        problems_.Add(messages::WrongCellCount(record.line, columns.size(), record.fields.size()));
        continue;
      }
      Json object = Json::object();
      std::vector<FieldError> errors;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (!IsValidUtf8(record.fields[i])) {
          errors.push_back(msg::BadUtf8(columns[i]->name));
        } else if (auto value = CsvCellToJson(*columns[i], record.fields[i], errors)) {
          object[columns[i]->name] = std::move(*value);
        }
      }
      Row row;
      row.line = record.line;
      if (errors.empty()) errors = ReadLumbungRecord(std::move(object), row.innovation, row.links);
      AddRow(std::move(row), std::move(errors));
    }
  }

  void AddRow(Row row, std::vector<FieldError> errors) {
    if (!errors.empty()) {
      problems_.Add(row.line, std::move(errors));
      return;
    }
    row.exported_created_at = row.innovation.created_at;
    rows_.push_back(std::move(row));
  }

  // Checking: links to agencies and originals, the records the rows update, and the domain's
  // rules, all before anything is written.
  void Resolve() {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      Row& row = rows_[i];
      const std::string& ref = row.innovation.source_ref;
      if (ref.empty()) continue;
      auto [at, inserted] = rows_by_ref_.emplace(ref, static_cast<int>(i));
      if (!inserted) {
        problems_.Add(messages::DuplicateKey(
            messages::AtLine(row.line, FileField(row, "source_ref")), rows_[at->second].line));
      }
    }
    for (auto& row : rows_) {
      row.existing = FindExisting(row);
      Prepare(row);
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      Row& row = rows_[i];
      ResolveOrigin(row);
      Innovation checked = row.innovation;
      auto errors = registry_.CheckInnovation(checked);
      // Links to what this import creates cannot be checked before it exists; the registry
      // checks them again when the row is written. An original found nowhere is reported once.
      std::erase_if(errors, [&row](const FieldError& error) {
        return (row.new_agency >= 0 && error.field == "agency_id") ||
               ((row.origin_row >= 0 || row.origin_missing) && error.field == "replicated_from");
      });
      AddDomainErrors(row, std::move(errors));
      row.unchanged = row.existing && row.new_agency < 0 && row.origin_row < 0 &&
                      ToJson(*row.existing) == ToJson(row.innovation);
    }
  }

  // The record a row updates: the one with its source_ref, or the very record an export named
  // "lumbung:<region>:<id>" when it goes back into the database it came from. Matching that
  // form also by creation time keeps it from taking an unrelated record of another database.
  std::optional<Innovation> FindExisting(const Row& row) {
    const std::string& ref = row.innovation.source_ref;
    if (ref.empty()) return std::nullopt;
    if (auto found = store_.FindInnovationBySourceRef(region_code_, ref)) return found;
    if (auto id = ParseExportRef(ref, region_code_)) {
      auto found = store_.FindInnovation(*id);
      if (found && found->region_code == region_code_ && found->source_ref.empty() &&
          !row.exported_created_at.empty() && found->created_at == row.exported_created_at) {
        return found;
      }
    }
    return std::nullopt;
  }

  // Fills in what the file does not decide: the region, the agency, and for an update what the
  // database keeps of the existing record.
  void Prepare(Row& row) {
    Innovation& innovation = row.innovation;
    innovation.region_code = region_code_;
    if (row.existing) {
      innovation.id = row.existing->id;
      innovation.version = row.existing->version;
      innovation.created_at = row.existing->created_at;
      innovation.updated_at = row.existing->updated_at;
      // The source and its key are set by the first import and stay, as the registry keeps them.
      innovation.source = row.existing->source;
      innovation.source_ref = row.existing->source_ref;
    } else {
      innovation.id = 0;
      innovation.version = 1;
      innovation.created_at.clear();
      innovation.updated_at.clear();
    }
    if (!row.links.agency_name.empty()) ResolveAgency(row);
  }

  void ResolveAgency(Row& row) {
    const std::string& name = row.links.agency_name;
    std::string key = NameKey(name);
    row.innovation.agency_id = 0;
    if (auto pending = new_agency_by_key_.find(key); pending != new_agency_by_key_.end()) {
      row.new_agency = pending->second;
      return;
    }
    if (auto known = agency_by_key_.find(key); known != agency_by_key_.end()) {
      row.innovation.agency_id = known->second;
      return;
    }
    if (auto agency = store_.FindAgencyByName(region_code_, name)) {
      agency_by_key_.emplace(key, agency->id);
      row.innovation.agency_id = agency->id;
      return;
    }
    Agency agency;
    agency.region_code = region_code_;
    agency.name = name;
    agency.kind = GuessAgencyKind(name);
    auto errors = ValidateAgency(agency);
    for (auto& error : errors) error.field = row.links.agency_field;
    problems_.Add(row.line, std::move(errors));
    row.new_agency = static_cast<int>(new_agencies_.size());
    new_agency_by_key_.emplace(key, row.new_agency);
    new_agencies_.push_back({std::move(agency), row.line, row.links.agency_field});
  }

  // Finds the original a row replicates by its key: a row of this file, or a record of the
  // database in the region the file names.
  void ResolveOrigin(Row& row) {
    const std::string& ref = row.links.replicated_from_ref;
    if (ref.empty()) return;  // a replicated_from id, if any, is checked by the registry
    row.innovation.replicated_from.reset();
    const std::string& region =
        row.links.replicated_from_region.empty() ? region_code_ : row.links.replicated_from_region;
    if (region == region_code_) {
      if (auto in_file = rows_by_ref_.find(ref); in_file != rows_by_ref_.end()) {
        const Row& origin = rows_[in_file->second];
        if (origin.existing) {
          row.innovation.replicated_from = origin.existing->id;
        } else {
          row.origin_row = in_file->second;
        }
        return;
      }
    }
    if (auto found = store_.FindInnovationBySourceRef(region, ref)) {
      row.innovation.replicated_from = found->id;
      return;
    }
    if (auto id = ParseExportRef(ref, region)) {
      auto found = store_.FindInnovation(*id);
      if (found && found->region_code == region && found->source_ref.empty()) {
        row.innovation.replicated_from = found->id;
        return;
      }
    }
    row.origin_missing = true;
    problems_.Add(
        messages::OriginNotFound(messages::AtLine(row.line, std::string(kReplicatedFromRefField))));
  }

  // Writing: in one transaction, originals before their replications; committed only when
  // every write succeeded and this is no dry run.
  Result<ImportReport> Write(const ImportOptions& options) {
    ImportReport report;
    report.format = format_;
    report.records = static_cast<int>(rows_.size());
    report.dry_run = options.dry_run;

    Transaction transaction(store_);
    std::vector<Id> agency_ids;
    for (const auto& pending : new_agencies_) {
      auto created = registry_.CreateAgency(pending.agency);
      if (!created) {
        auto error = created.TakeError();
        if (error.fields.empty()) {
          problems_.Add(
              {messages::AtLine(pending.line, pending.field), "conflict", std::move(error.title)});
        }
        for (auto& field : error.fields) field.field = pending.field;
        problems_.Add(pending.line, std::move(error.fields));
        agency_ids.push_back(0);
        continue;
      }
      agency_ids.push_back(created->id);
      ++report.agencies_created;
    }
    if (!problems_.empty()) return problems_.Reject();

    std::vector<Id> ids(rows_.size(), 0);
    std::vector<bool> failed(rows_.size(), false);
    std::vector<std::size_t> waiting;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (rows_[i].existing) ids[i] = rows_[i].existing->id;
      if (rows_[i].unchanged) {
        ++report.unchanged;
      } else {
        waiting.push_back(i);
      }
    }
    while (!waiting.empty()) {
      std::vector<std::size_t> later;
      for (std::size_t i : waiting) {
        Row& row = rows_[i];
        if (row.origin_row >= 0) {
          auto origin = static_cast<std::size_t>(row.origin_row);
          if (failed[origin]) {
            failed[i] = true;  // the origin's own error says what to correct
            continue;
          }
          if (ids[origin] == 0) {
            later.push_back(i);
            continue;
          }
          row.innovation.replicated_from = ids[origin];
        }
        if (row.new_agency >= 0) row.innovation.agency_id = agency_ids[row.new_agency];
        if (row.existing) {
          auto updated = registry_.UpdateInnovation(row.innovation, row.existing->version);
          if (!updated) {
            failed[i] = true;
            AddWriteError(row, updated.TakeError());
            continue;
          }
          ++report.updated;
        } else {
          auto created = registry_.CreateInnovation(row.innovation);
          if (!created) {
            failed[i] = true;
            AddWriteError(row, created.TakeError());
            continue;
          }
          ids[i] = created->id;
          ++report.created;
        }
      }
      if (later.size() == waiting.size()) {
        for (std::size_t i : later) {
          problems_.Add(messages::ReplicationLoop(
              messages::AtLine(rows_[i].line, std::string(kReplicatedFromRefField))));
        }
        break;
      }
      waiting = std::move(later);
    }
    if (!problems_.empty()) return problems_.Reject();
    if (!options.dry_run) transaction.Commit();
    return report;
  }

  Store& store_;
  Registry& registry_;
  std::string region_code_;
  std::string format_;
  Problems problems_;
  std::vector<Row> rows_;
  std::map<std::string, int> rows_by_ref_;
  std::map<std::string, Id> agency_by_key_;  // agencies of the region, by NameKey
  std::vector<NewAgency> new_agencies_;
  std::map<std::string, int> new_agency_by_key_;
};

}  // namespace

Result<ImportReport> ImportInnovations(Store& store, Registry& registry,
                                       std::string_view region_code, std::istream& input,
                                       const ImportOptions& options) {
  if (!store.FindRegion(region_code)) return messages::RegionMissing(region_code);
  InnovationImporter importer(store, registry, std::string(region_code));
  return importer.Run(input, options);
}

}  // namespace lumbung::exchange
