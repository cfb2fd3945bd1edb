// The rules a record must keep to be saved at all, whatever its workflow status.
#pragma once

#include <string_view>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/dates.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"

namespace lumbung {

// Length limits, in characters (Unicode code points).
inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxShortTextLength = 500;
inline constexpr std::size_t kMaxSummaryLength = 2000;
inline constexpr std::size_t kMaxNarrativeLength = 50000;
inline constexpr std::size_t kMaxUrlLength = 1000;
inline constexpr std::size_t kMaxPhoneLength = 50;
inline constexpr std::size_t kMaxListItems = 100;
inline constexpr int kFirstYear = 1945;
inline constexpr Rupiah kMaxBudget = 1'000'000'000'000'000;  // a thousand trillion rupiah

// Number of Unicode code points in valid UTF-8 text.
std::size_t CountCharacters(std::string_view text);

// Whether `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Adds an error for `field` when `value` is not valid UTF-8, is longer than `limit`
// characters, or, when `required`, is blank.
void CheckText(std::vector<FieldError>& errors, const std::string& field, std::string_view value,
               std::size_t limit, bool required);

// The fields of `innovation` that break a rule; `today` is the date in the region.
std::vector<FieldError> ValidateInnovation(const Innovation& innovation, const Date& today);

// The fields of `agency` that break a rule. Its contacts may stay empty; when given, the
// e-mail address must look like one, the phone number hold only digits, spaces, "+", "-" and
// parentheses, and the website be an http:// or https:// address.
std::vector<FieldError> ValidateAgency(const Agency& agency);

// The fields of `user` that break a rule: a username of 3 to 50 letters, digits, dots,
// dashes or underscores; a display name; an e-mail address that looks like one, or none.
std::vector<FieldError> ValidateUser(const User& user);

// The fields of `region` that break a rule.
std::vector<FieldError> ValidateRegion(const Region& region);

}  // namespace lumbung
