// Reading and writing CSV as RFC 4180 defines it, and reading the lines of a text stream, both
// with a limit on how long one line may grow so that a wrong file cannot exhaust memory.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace lumbung::exchange {

// The longest physical line the readers accept: 1 MiB.
inline constexpr std::size_t kMaxLineBytes = 1024 * 1024;

// The bytes of a stream, read one at a time, without a UTF-8 byte order mark at the start.
class ByteSource {
 public:
  explicit ByteSource(std::istream& input) : input_(input.rdbuf()) {}

  // The next byte as an unsigned char, or -1 at the end; Get consumes it, Peek does not.
  int Get();
  int Peek();

 private:
  void Start();

  std::streambuf* input_;
  std::string held_;  // bytes read ahead while looking for the mark, given out first
  std::size_t held_next_ = 0;
  bool started_ = false;
};

// One CSV record and the line of the file it starts on (records may span lines).
struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;
};

// Reads CSV records one at a time: quoted fields with "" for a quote, line breaks inside quoted
// fields, records ended by CRLF, LF or CR, a UTF-8 byte order mark at the start skipped, blank
// lines skipped.
class CsvReader {
 public:
  // `first_line` is the number of the line the stream starts at, for callers that have read
  // some lines already.
  explicit CsvReader(std::istream& input, std::size_t max_line_bytes = kMaxLineBytes,
                     int first_line = 1);

  // Reads the next record into `record`: true when there was one, false at the end of the input,
  // or an Error naming the line when the input is not CSV. After an Error, reading stops.
  Result<bool> Next(CsvRecord& record);

 private:
  int Get();
  void EndLine();

  ByteSource input_;
  std::size_t max_line_bytes_;
  int line_;
  std::size_t line_bytes_ = 0;
};

// Every record of `text`, for small inputs.
Result<std::vector<CsvRecord>> ReadCsv(std::string_view text);

// `field` as one CSV cell: between quotes, with quotes doubled, when it holds a comma, a quote
// or a line break or starts with U+FEFF; as it is otherwise.
std::string CsvCell(std::string_view field);

// Writes one record: cells separated by commas, ended by CRLF as RFC 4180 asks.
void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields);

// Reads a text stream line by line: LF or CRLF endings (the CR is dropped), a UTF-8 byte order
// mark at the start skipped, and no line allowed to grow past the limit.
class LineReader {
 public:
  explicit LineReader(std::istream& input, std::size_t max_line_bytes = kMaxLineBytes,
                      int first_line = 1);

  // What Next found.
  enum class Status { kLine, kTooLong, kEnd };

  // Reads the next line into `line`. kTooLong skips the rest of that line, so reading can go on.
  Status Next(std::string& line);

  // The number of the line Next read last.
  int line_number() const { return line_number_; }

 private:
  ByteSource input_;
  std::size_t max_line_bytes_;
  int next_line_;
  int line_number_ = 0;
};

}  // namespace lumbung::exchange
