#include "exchange/csv.hpp"

#include <sstream>

#include "exchange/messages.hpp"

namespace lumbung::exchange {
namespace {

constexpr int kEof = -1;

Error CsvError(FieldError error) { return messages::BadCsv(std::move(error)); }

}  // namespace

void ByteSource::Start() {
  started_ = true;
  // Spreadsheet programs start UTF-8 files with the mark EF BB BF. Bytes read while checking
  // that turn out to be text are held and given out first.
  static constexpr std::string_view kMark = "\xEF\xBB\xBF";
  for (char expected : kMark) {
    int c = input_->sgetc();
    if (c == std::char_traits<char>::eof() || static_cast<char>(c) != expected) return;
    held_ += static_cast<char>(input_->sbumpc());
  }
  held_.clear();
}

int ByteSource::Peek() {
  if (!started_) Start();
  if (held_next_ < held_.size()) return static_cast<unsigned char>(held_[held_next_]);
  int c = input_->sgetc();
  return c == std::char_traits<char>::eof() ? kEof : static_cast<unsigned char>(c);
}

int ByteSource::Get() {
  int c = Peek();
  if (held_next_ < held_.size()) {
    ++held_next_;
  } else if (c != kEof) {
    input_->sbumpc();
  }
  return c;
}

CsvReader::CsvReader(std::istream& input, std::size_t max_line_bytes, int first_line)
    : input_(input), max_line_bytes_(max_line_bytes), line_(first_line) {}

int CsvReader::Get() {
  int c = input_.Get();
  if (c != kEof) ++line_bytes_;
  return c;
}

void CsvReader::EndLine() {
  ++line_;
  line_bytes_ = 0;
}

Result<bool> CsvReader::Next(CsvRecord& record) {
  record.fields.clear();
  // Blank lines between records carry nothing.
  for (int c = input_.Peek(); c == '\r' || c == '\n'; c = input_.Peek()) {
    Get();
    if (c == '\r' && input_.Peek() == '\n') Get();
    EndLine();
  }
  if (input_.Peek() == kEof) return false;

  record.line = line_;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool after_quote = false;  // just after the closing quote of a field
  bool field_started = false;
  while (true) {
    int c = Get();
    if (line_bytes_ > max_line_bytes_)
      return CsvError(messages::LineTooLong(line_, max_line_bytes_));
    if (c == kEof) {
      if (quoted) return CsvError(messages::UnclosedQuote(record.line));
      record.fields.push_back(std::move(field));
      return true;
    }
    if (quoted) {
      if (c == '"') {
        if (input_.Peek() == '"') {
          Get();
          field += '"';
        } else {
          quoted = false;
          after_quote = true;
        }
        continue;
      }
      field += static_cast<char>(c);
      if (c == '\n' || (c == '\r' && input_.Peek() != '\n')) EndLine();
      continue;
    }
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      after_quote = field_started = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && input_.Peek() == '\n') Get();
      EndLine();
      record.fields.push_back(std::move(field));
      return true;
    } else if (after_quote || c == '"') {
      if (c == '"' && !field_started) {
        quoted = field_started = true;
      } else {
        return CsvError(messages::StrayQuote(line_));
      }
    } else {
      field += static_cast<char>(c);
      field_started = true;
    }
  }
}

Result<std::vector<CsvRecord>> ReadCsv(std::string_view text) {
  std::istringstream input{std::string(text)};
  CsvReader reader(input);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (true) {
    auto more = reader.Next(record);
    if (!more) return more.TakeError();
    if (!*more) return records;
    records.push_back(std::move(record));
  }
}

std::string CsvCell(std::string_view field) {
  // A cell starting with U+FEFF is quoted too: at the start of a file it would pass for the
  // byte order mark that readers skip.
  if (field.find_first_of(",\"\r\n") == std::string_view::npos &&
      !field.starts_with("\xEF\xBB\xBF")) {
    return std::string(field);
  }
  std::string cell = "\"";
  for (char c : field) {
    if (c == '"') cell += '"';
    cell += c;
  }
  cell += '"';
  return cell;
}

void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields) {
  // A record of one empty cell would be a blank line, which readers skip.
  if (fields.size() == 1 && fields[0].empty()) {
    out << "\"\"\r\n";
    return;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvCell(fields[i]);
  }
  out << "\r\n";
}

LineReader::LineReader(std::istream& input, std::size_t max_line_bytes, int first_line)
    : input_(input), max_line_bytes_(max_line_bytes), next_line_(first_line) {}

LineReader::Status LineReader::Next(std::string& line) {
  line.clear();
  if (input_.Peek() == kEof) return Status::kEnd;
  line_number_ = next_line_++;
  bool too_long = false;
  for (int c = input_.Get(); c != kEof && c != '\n'; c = input_.Get()) {
    if (too_long) continue;
    line += static_cast<char>(c);
    // One byte of slack for the CR of a CRLF ending, which is no part of the line.
    if (line.size() > max_line_bytes_ + 1) {
      too_long = true;
      line.clear();
    }
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > max_line_bytes_) too_long = true;
  if (too_long) {
    line.clear();
    return Status::kTooLong;
  }
  return Status::kLine;
}

}  // namespace lumbung::exchange
