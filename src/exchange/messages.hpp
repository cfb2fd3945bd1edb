// The messages import and export give people, in Bahasa Indonesia and English. They add to the
// domain's catalogue (domain/messages.hpp) what only files have: lines, columns and formats.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace lumbung::exchange::messages {

// The field name of a problem in a file: "line 12: type", or "line 12" for the whole line.
std::string AtLine(int line, std::string_view field = {});

// Prefixes every error's field with its line ("type" becomes "line 12: type").
void PrefixLine(int line, std::vector<FieldError>& errors);

// A physical line longer than the limit.
FieldError LineTooLong(int line, std::size_t limit_bytes);

// A line that is not valid JSON; `column` counts bytes from 1.
FieldError BadJson(int line, std::size_t column);

// A JSON line that is not an object.
FieldError NotAnObject(int line);

// A CSV cell whose quotes are not closed before the input ends.
FieldError UnclosedQuote(int line);

// A quote inside a cell that does not start with one, or text after a closing quote.
FieldError StrayQuote(int line);

// A CSV record with another number of cells than the header.
FieldError WrongCellCount(int line, std::size_t expected, std::size_t found);

// A required column the header (on `line`) does not have.
FieldError MissingColumn(int line, std::string_view column);

// A header column that appears twice.
FieldError DuplicateColumn(int line, std::string_view column);

// A header column the format does not know.
FieldError UnknownColumn(int line, std::string_view column);

// Input that is neither JSON lines nor a Lumbung CSV file.
FieldError UnknownFormat(int line);

// A key that another line of the same file already uses.
FieldError DuplicateKey(std::string field, int first_line);

// A replication whose original is neither in the file nor in the database.
FieldError OriginNotFound(std::string field);

// Rows of a file that replicate each other in a circle.
FieldError ReplicationLoop(std::string field);

// A CSV cell that should hold JSON but does not.
FieldError BadJsonCell(std::string field);

// Stands for the errors left out of a long list.
FieldError MoreErrors(std::size_t count);

// A file that is not CSV as RFC 4180 defines it; `problem` names the line.
Error BadCsv(FieldError problem);

// The whole import was refused because of the listed problems; nothing was written.
Error ImportRejected(std::vector<FieldError> fields);

// The region named for an import or export does not exist.
Error RegionMissing(std::string_view code);

}  // namespace lumbung::exchange::messages
