// Command-line parsing for the subcommands: named options, flags and positional words, with
// usage errors that say what to type instead.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace lumbung::cli {

// What a subcommand accepts.
struct ArgSpec {
  std::set<std::string> options;  // take a value: --db URL or --db=URL
  std::set<std::string> flags;    // stand alone: --dry-run
};

// The parsed command line of one subcommand.
class Args {
 public:
  static Result<Args> Parse(const std::vector<std::string>& words, const ArgSpec& spec);

  std::optional<std::string> Option(const std::string& name) const;
  std::string OptionOr(const std::string& name, std::string fallback) const;
  bool Flag(const std::string& name) const { return flags_.count(name) > 0; }
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> options_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

// Prints a message in the language of the environment (LANG=en... English, id... Indonesian,
// otherwise both), prefixed as an error.
void PrintError(const Text& text);
void PrintError(const Error& error);

}  // namespace lumbung::cli
