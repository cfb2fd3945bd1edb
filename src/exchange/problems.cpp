#include "exchange/problems.hpp"

#include <utility>

#include "exchange/messages.hpp"

namespace lumbung::exchange {

void Problems::Add(FieldError error) {
  if (kept_.size() < kMaxKept) {
    kept_.push_back(std::move(error));
  } else {
    ++left_out_;
  }
}

void Problems::Add(const std::vector<FieldError>& errors) {
  for (const auto& error : errors) Add(error);
}

void Problems::Add(int line, std::vector<FieldError> errors) {
  messages::PrefixLine(line, errors);
  for (auto& error : errors) Add(std::move(error));
}

Error Problems::Reject() const {
  auto fields = kept_;
  if (left_out_ > 0) fields.push_back(messages::MoreErrors(left_out_));
  return messages::ImportRejected(std::move(fields));
}

}  // namespace lumbung::exchange
