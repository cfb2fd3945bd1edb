#include "cli/args.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace lumbung::cli {

Result<Args> Args::Parse(const std::vector<std::string>& words, const ArgSpec& spec) {
  Args args;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (!word.starts_with("--") || word == "--") {
      args.positional_.push_back(word);
      continue;
    }
    std::string name = word.substr(2);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (spec.flags.count(name) && !value) {
      args.flags_.insert(name);
    } else if (spec.options.count(name)) {
      if (!value) {
        if (i + 1 >= words.size()) {
          return Error{ErrorCode::kInvalid,
                       {"Opsi --" + name + " perlu nilai.", "Option --" + name + " needs a value."},
                       {}};
        }
        value = words[++i];
      }
      args.options_[name] = *value;
    } else {
      return Error{ErrorCode::kInvalid,
                   {"Opsi tidak dikenal: --" + name + ". Lihat --help.",
                    "Unknown option: --" + name + ". See --help."},
                   {}};
    }
  }
  return args;
}

std::optional<std::string> Args::Option(const std::string& name) const {
  auto found = options_.find(name);
  if (found == options_.end()) return std::nullopt;
  return found->second;
}

std::string Args::OptionOr(const std::string& name, std::string fallback) const {
  auto value = Option(name);
  return value ? *value : std::move(fallback);
}

void PrintError(const Text& text) {
  const char* lang = std::getenv("LANG");
  std::string_view language = lang ? lang : "";
  if (language.starts_with("en")) {
    std::fprintf(stderr, "error: %s\n", text.en.c_str());
  } else if (language.starts_with("id")) {
    std::fprintf(stderr, "galat: %s\n", text.id.c_str());
  } else {
    std::fprintf(stderr, "galat: %s\nerror: %s\n", text.id.c_str(), text.en.c_str());
  }
}

void PrintError(const Error& error) {
  PrintError(error.title);
  for (const auto& field : error.fields) {
    PrintError(Text{field.field + ": " + field.message.id, field.field + ": " + field.message.en});
  }
}

}  // namespace lumbung::cli
