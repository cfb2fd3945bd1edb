#include "domain/messages.hpp"

#include <utility>

namespace lumbung::msg {

FieldError Required(std::string field) {
  return {std::move(field),
          "required",
          {"Wajib diisi. Lengkapi isian ini lalu simpan lagi.",
           "Required. Fill this in and save again."}};
}

FieldError WrongType(std::string field, std::string_view expected_id,
                     std::string_view expected_en) {
  return {std::move(field),
          "wrong_type",
          {"Jenis nilai salah: harus " + std::string(expected_id) + ".",
           "Wrong kind of value: it must be " + std::string(expected_en) + "."}};
}

FieldError UnknownField(std::string field) {
  return {std::move(field),
          "unknown_field",
          {"Isian ini tidak dikenal. Hapus atau periksa ejaannya.",
           "Unknown field. Remove it or check its spelling."}};
}

FieldError UnknownValue(std::string field, const std::string& allowed) {
  return {std::move(field),
          "unknown_value",
          {"Nilai tidak dikenal. Pilih salah satu: " + allowed + ".",
           "Unknown value. Choose one of: " + allowed + "."}};
}

FieldError TooLong(std::string field, std::size_t limit) {
  auto n = std::to_string(limit);
  return {std::move(field),
          "too_long",
          {"Terlalu panjang: paling banyak " + n + " karakter. Persingkat teksnya.",
           "Too long: at most " + n + " characters. Shorten the text."}};
}

FieldError TooMany(std::string field, std::size_t limit) {
  auto n = std::to_string(limit);
  return {std::move(field),
          "too_many",
          {"Terlalu banyak: paling banyak " + n + " butir.", "Too many: at most " + n + " items."}};
}

FieldError OutOfRange(std::string field, long long low, long long high) {
  auto lo = std::to_string(low);
  auto hi = std::to_string(high);
  return {std::move(field),
          "out_of_range",
          {"Di luar rentang: harus antara " + lo + " dan " + hi + ".",
           "Out of range: it must be between " + lo + " and " + hi + "."}};
}

FieldError InFuture(std::string field) {
  return {std::move(field),
          "in_future",
          {"Tidak boleh di masa depan. Isi tahun atau tanggal yang sudah lewat.",
           "Cannot be in the future. Give a year or date that has passed."}};
}

FieldError BadDate(std::string field) {
  return {std::move(field),
          "bad_date",
          {"Tanggal tidak sah. Tulis sebagai TTTT-BB-HH, misalnya 2024-03-17.",
           "Not a valid date. Write it as YYYY-MM-DD, for example 2024-03-17."}};
}

FieldError BadUrl(std::string field) {
  return {std::move(field),
          "bad_url",
          {"Alamat tautan tidak sah. Awali dengan http:// atau https://.",
           "Not a valid link. Start it with http:// or https://."}};
}

FieldError BadEmail(std::string field) {
  return Inconsistent(std::move(field), {"Alamat surel tidak sah, misalnya nama@contoh.go.id.",
                                         "Not a valid e-mail address, for example "
                                         "name@example.go.id."});
}

FieldError BadPhone(std::string field) {
  return Inconsistent(std::move(field),
                      {"Nomor telepon tidak sah. Tulis dengan angka, spasi, +, - dan tanda kurung "
                       "saja, misalnya (0361) 222-387 atau +62 361 222387.",
                       "Not a valid phone number. Write it with digits, spaces, +, - and "
                       "parentheses only, for example (0361) 222-387 or +62 361 222387."});
}

FieldError BadUtf8(std::string field) {
  return {std::move(field),
          "bad_encoding",
          {"Teks tidak terbaca (bukan UTF-8). Simpan berkas sebagai UTF-8 lalu ulangi.",
           "Unreadable text (not UTF-8). Save the file as UTF-8 and try again."}};
}

FieldError NoSuchRecord(std::string field, std::string_view what_id, std::string_view what_en) {
  return {std::move(field),
          "not_found",
          {std::string(what_id) + " tidak ditemukan. Periksa nomor atau kodenya.",
           std::string(what_en) + " not found. Check its number or code."}};
}

FieldError Duplicate(std::string field) {
  return {std::move(field),
          "duplicate",
          {"Sudah ada. Gunakan nilai lain.", "Already exists. Use another value."}};
}

FieldError Inconsistent(std::string field, Text why) {
  return {std::move(field), "inconsistent", std::move(why)};
}

Error Invalid(std::vector<FieldError> fields) {
  return {ErrorCode::kInvalid,
          {"Data belum benar. Perbaiki isian yang ditandai lalu kirim lagi.",
           "The data is not valid yet. Correct the marked fields and send it again."},
          std::move(fields)};
}

Error NotFound(std::string_view what_id, std::string_view what_en) {
  return {ErrorCode::kNotFound,
          {std::string(what_id) + " tidak ditemukan.", std::string(what_en) + " not found."},
          {}};
}

Error Conflict(Text why) { return {ErrorCode::kConflict, std::move(why), {}}; }

Error StaleVersion() {
  return {ErrorCode::kPreconditionFailed,
          {"Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang, periksa "
           "perubahannya, lalu simpan lagi.",
           "Someone else changed this record since you opened it. Reload it, review their "
           "changes, and save again."},
          {}};
}

Error VersionRequired() {
  return {ErrorCode::kPreconditionRequired,
          {"Sertakan versi data yang Anda ubah (header If-Match berisi ETag dari GET).",
           "Send the version of the record you changed (an If-Match header with the ETag from "
           "GET)."},
          {}};
}

}  // namespace lumbung::msg
