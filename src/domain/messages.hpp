// The catalogue of messages the domain gives people, in Bahasa Indonesia and English. Every
// message says what is wrong and what to do about it.
#pragma once

#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace lumbung::msg {

// Field-level problems.
FieldError Required(std::string field);
FieldError WrongType(std::string field, std::string_view expected_id, std::string_view expected_en);
FieldError UnknownField(std::string field);
FieldError UnknownValue(std::string field, const std::string& allowed);
FieldError TooLong(std::string field, std::size_t limit);
FieldError TooMany(std::string field, std::size_t limit);
FieldError OutOfRange(std::string field, long long low, long long high);
FieldError InFuture(std::string field);
FieldError BadDate(std::string field);
FieldError BadUrl(std::string field);
FieldError BadEmail(std::string field);
FieldError BadPhone(std::string field);
FieldError BadUtf8(std::string field);
FieldError NoSuchRecord(std::string field, std::string_view what_id, std::string_view what_en);
FieldError Duplicate(std::string field);
FieldError Inconsistent(std::string field, Text why);

// Whole-request failures.
Error Invalid(std::vector<FieldError> fields);
Error NotFound(std::string_view what_id, std::string_view what_en);
Error Conflict(Text why);
Error StaleVersion();
Error VersionRequired();

}  // namespace lumbung::msg
