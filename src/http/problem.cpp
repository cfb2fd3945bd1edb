#include "http/problem.hpp"

#include <nlohmann/json.hpp>

namespace lumbung::http {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kMalformed:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPreconditionFailed:
      return 412;
    case ErrorCode::kPreconditionRequired:
      return 428;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response Problem(const Request& request, const Error& error) {
  bool english = request.WantsEnglish();
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& field : error.fields) {
    errors.push_back(
        {{"field", field.field}, {"code", field.code}, {"message", field.message.In(english)}});
  }
  int status = StatusOf(error.code);
  nlohmann::json body = {{"type", "about:blank"},
                         {"title", error.title.In(english)},
                         {"status", status},
                         {"instance", std::string(request.Path())},
                         {"errors", errors}};
  Response response;
  response.status = status;
  response.content_type = "application/problem+json";
  response.body = body.dump();
  response.With("Content-Language", english ? "en" : "id");
  return response;
}

Error MalformedJson(const std::string& detail_en, const std::string& detail_id) {
  return {ErrorCode::kMalformed,
          {"JSON tidak dapat dibaca: " + detail_id + ". Periksa tanda kutip, koma dan kurung.",
           "The JSON cannot be read: " + detail_en + ". Check quotes, commas and brackets."},
          {{"(body)", "malformed", {"JSON rusak.", "Malformed JSON."}}}};
}

Error NotJson() {
  return {ErrorCode::kUnsupportedMediaType,
          {"Kirim data sebagai JSON dengan header Content-Type: application/json.",
           "Send the data as JSON with the header Content-Type: application/json."},
          {}};
}

Error BodyTooLarge() {
  return {ErrorCode::kTooLarge,
          {"Data yang dikirim lebih dari 1 MiB. Perkecil isinya atau kirim lampiran terpisah.",
           "The request body is over 1 MiB. Send less, or upload attachments separately."},
          {{"(body)", "too_large", {"Lebih dari 1 MiB.", "Over 1 MiB."}}}};
}

Error NoRoute() {
  return {ErrorCode::kNotFound,
          {"Alamat ini tidak ada. Lihat /api/openapi.json untuk daftar alamat API.",
           "There is nothing at this address. See /api/openapi.json for the API's addresses."},
          {}};
}

Error MethodNotAllowed() {
  return {ErrorCode::kMethodNotAllowed,
          {"Metode HTTP ini tidak berlaku untuk alamat ini. Lihat header Allow.",
           "This HTTP method does not apply to this address. See the Allow header."},
          {}};
}

Error Internal() {
  return {ErrorCode::kInternal,
          {"Terjadi kesalahan di server. Data Anda tidak berubah; coba lagi sebentar lagi.",
           "Something went wrong on the server. Your data is unchanged; try again shortly."},
          {}};
}

}  // namespace lumbung::http
