// ASCII text helpers shared by the model, the importers and the CLI: lower-casing, case-blind
// comparison and trimming. Only the 26 ASCII letters change case (the program never sets a
// locale, so this is what std::tolower did where these helpers were written out before).
#pragma once

#include <string>
#include <string_view>

namespace orglens::model {

/// The characters std::isspace accepts in the "C" locale.
inline constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";

/// 'A'..'Z' to 'a'..'z'; every other byte unchanged.
char asciiLower(char c);
/// A copy of `s` with 'A'..'Z' lowered.
std::string asciiLower(std::string_view s);

/// True when `a` and `b` are equal ignoring ASCII case.
bool equalsNoCase(std::string_view a, std::string_view b);
/// True when `text` starts with `lowerPrefix` ignoring ASCII case; `lowerPrefix` must be in
/// lower case.
bool startsWithNoCase(std::string_view text, std::string_view lowerPrefix);

/// `s` without the leading and trailing characters that are in `chars`.
std::string_view trimAscii(std::string_view s, std::string_view chars = kAsciiSpace);

}  // namespace orglens::model
