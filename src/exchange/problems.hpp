// The problems found in an import file, gathered so that one answer names all of them.
#pragma once

#include <cstddef>
#include <vector>

#include "domain/result.hpp"

namespace lumbung::exchange {

// Collects the problems of a file. Only the first hundred are kept, so that a wholly wrong file
// still gets an answer a person can read; the rest are counted.
class Problems {
 public:
  static constexpr std::size_t kMaxKept = 100;

  // Adds problems whose fields already say where they are.
  void Add(FieldError error);
  void Add(const std::vector<FieldError>& errors);
  // Adds errors about one line, prefixing each field with it ("line 12: type").
  void Add(int line, std::vector<FieldError> errors);

  // Whether no problem was found.
  bool empty() const { return kept_.empty(); }

  // The answer to an import that had these problems: nothing was written.
  Error Reject() const;

 private:
  std::vector<FieldError> kept_;
  std::size_t left_out_ = 0;
};

}  // namespace lumbung::exchange
