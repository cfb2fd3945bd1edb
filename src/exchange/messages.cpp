#include "exchange/messages.hpp"

#include <utility>

namespace lumbung::exchange::messages {

std::string AtLine(int line, std::string_view field) {
  std::string at = "line " + std::to_string(line);
  if (!field.empty()) {
    at += ": ";
    at += field;
  }
  return at;
}

void PrefixLine(int line, std::vector<FieldError>& errors) {
  for (auto& error : errors) error.field = AtLine(line, error.field);
}

FieldError LineTooLong(int line, std::size_t limit_bytes) {
  constexpr std::size_t kMebibyte = std::size_t{1024} * 1024;
  bool whole = limit_bytes >= kMebibyte && limit_bytes % kMebibyte == 0;
  std::string size_id = whole ? std::to_string(limit_bytes / kMebibyte) + " MiB"
                              : std::to_string(limit_bytes) + " bita";
  std::string size_en = whole ? std::to_string(limit_bytes / kMebibyte) + " MiB"
                              : std::to_string(limit_bytes) + " bytes";
  return {
      AtLine(line),
      "line_too_long",
      {"Baris terlalu panjang (lebih dari " + size_id +
           "). Periksa apakah berkas ini memang berkas impor dan pisahkan catatannya per baris.",
       "Line too long (over " + size_en +
           "). Check that this is really an import file, with one record a line."}};
}

FieldError BadJson(int line, std::size_t column) {
  auto at = std::to_string(column);
  return {AtLine(line),
          "bad_json",
          {"Bukan JSON yang sah (sekitar kolom " + at +
               "). Setiap baris harus berisi satu objek JSON utuh.",
           "Not valid JSON (near column " + at + "). Each line must hold one whole JSON object."}};
}

FieldError NotAnObject(int line) {
  return {AtLine(line),
          "wrong_type",
          {"Baris ini harus berisi satu objek JSON ({...}).",
           "This line must hold one JSON object ({...})."}};
}

FieldError UnclosedQuote(int line) {
  return {AtLine(line),
          "bad_csv",
          {"Tanda kutip pada sel yang dimulai di baris ini tidak ditutup. Tutup dengan \" lalu "
           "ulangi.",
           "A cell starting on this line opens a quote that is never closed. Close it with \" "
           "and try again."}};
}

FieldError StrayQuote(int line) {
  return {AtLine(line),
          "bad_csv",
          {"Tanda kutip di tempat yang salah. Apit seluruh sel dengan \" dan tulis \"\" untuk "
           "setiap tanda kutip di dalamnya.",
           "A quote in the wrong place. Put the whole cell between \" and write \"\" for each "
           "quote inside it."}};
}

FieldError WrongCellCount(int line, std::size_t expected, std::size_t found) {
  auto want = std::to_string(expected);
  auto got = std::to_string(found);
  return {AtLine(line),
          "bad_csv",
          {"Baris ini berisi " + got + " sel, padahal judul kolom ada " + want +
               ". Periksa koma dan tanda kutipnya.",
           "This record has " + got + " cells but the header has " + want +
               ". Check its commas and quotes."}};
}

FieldError MissingColumn(int line, std::string_view column) {
  return {AtLine(line, column),
          "missing_column",
          {"Kolom " + std::string(column) + " tidak ada di baris judul. Tambahkan kolom itu.",
           "The header has no " + std::string(column) + " column. Add it."}};
}

FieldError DuplicateColumn(int line, std::string_view column) {
  return {AtLine(line, column),
          "duplicate_column",
          {"Kolom ini muncul dua kali di baris judul. Hapus salah satunya.",
           "This column appears twice in the header. Remove one of them."}};
}

FieldError UnknownColumn(int line, std::string_view column) {
  return {AtLine(line, column),
          "unknown_column",
          {"Kolom ini tidak dikenal. Hapus atau periksa ejaannya (lihat docs/import-format.md).",
           "Unknown column. Remove it or check its spelling (see docs/import-format.md)."}};
}

FieldError UnknownFormat(int line) {
  return {AtLine(line),
          "unknown_format",
          {"Format berkas tidak dikenal. Gunakan JSON Lines (satu objek per baris) atau CSV "
           "Lumbung dengan baris judul yang memuat kolom title.",
           "Unknown file format. Use JSON Lines (one object a line) or Lumbung CSV with a header "
           "that has a title column."}};
}

FieldError DuplicateKey(std::string field, int first_line) {
  auto first = std::to_string(first_line);
  return {
      std::move(field),
      "duplicate",
      {"Nilai ini sudah dipakai di baris " + first + ". Setiap baris harus punya kunci sendiri.",
       "Line " + first + " already uses this value. Each row needs a key of its own."}};
}

FieldError OriginNotFound(std::string field) {
  return {std::move(field),
          "not_found",
          {"Inovasi asal replikasi ini tidak ada di berkas maupun di basis data. Impor dulu "
           "wilayah inovasi asalnya, atau kosongkan isian ini.",
           "The original of this replication is neither in the file nor in the database. Import "
           "the original's region first, or leave this field empty."}};
}

FieldError ReplicationLoop(std::string field) {
  return {std::move(field),
          "inconsistent",
          {"Baris-baris ini saling mereplikasi secara melingkar. Perbaiki inovasi asalnya.",
           "These rows replicate each other in a circle. Correct their originals."}};
}

FieldError BadJsonCell(std::string field) {
  return {std::move(field),
          "bad_json",
          {"Sel ini harus berisi JSON yang sah, misalnya [\"a\",\"b\"] untuk daftar.",
           "This cell must hold valid JSON, for example [\"a\",\"b\"] for a list."}};
}

FieldError MoreErrors(std::size_t count) {
  auto n = std::to_string(count);
  return {"...",
          "more_errors",
          {"Dan " + n + " masalah lain. Perbaiki yang di atas dulu lalu ulangi.",
           "And " + n + " more problems. Correct the ones above first and try again."}};
}

Error BadCsv(FieldError problem) {
  return {ErrorCode::kMalformed,
          {"Berkas ini bukan CSV yang sah. Simpan ulang sebagai CSV (UTF-8) lalu ulangi.",
           "This file is not valid CSV. Save it again as CSV (UTF-8) and try again."},
          {std::move(problem)}};
}

Error ImportRejected(std::vector<FieldError> fields) {
  return {ErrorCode::kInvalid,
          {"Berkas belum dapat diimpor, jadi tidak ada data yang disimpan. Perbaiki baris yang "
           "disebut lalu impor lagi.",
           "The file cannot be imported yet, so nothing was saved. Correct the lines named and "
           "import it again."},
          std::move(fields)};
}

Error RegionMissing(std::string_view code) {
  std::string quoted = "\"" + std::string(code) + "\"";
  return {ErrorCode::kNotFound,
          {"Wilayah " + quoted +
               " tidak ditemukan. Periksa kodenya, atau impor daftar wilayah lebih dulu.",
           "Region " + quoted +
               " not found. Check its code, or import the list of regions "
               "first."},
          {{"region_code",
            "not_found",
            {"Kode wilayah tidak ditemukan.", "No region has this code."}}}};
}

}  // namespace lumbung::exchange::messages
