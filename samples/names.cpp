#include "samples/names.h"

#include <array>
#include <utility>

#include "samples/random.h"

namespace orglens::samples {
namespace {

constexpr std::array<std::string_view, 48> kFirstNames = {
    "Anna",   "Ben",   "Clara",  "David",  "Emma",   "Felix", "Greta",  "Hannah",
    "Ivan",   "Julia", "Karim",  "Lena",   "Marco",  "Nina",  "Oskar",  "Paula",
    "Quinn",  "Rosa",  "Samir",  "Tara",   "Ulrich", "Vera",  "Wei",    "Yara",
    "Zoë",    "José",  "Chloé",  "Jürgen", "Søren",  "Ayşe",  "Łukasz", "François",
    "Amelia", "Noah",  "Olivia", "Liam",   "Sofia",  "Mateo", "Ingrid", "Tomás",
    "Aisha",  "Kenji", "Priya",  "Elena",  "Jonas",  "Mia",   "Lucas",  "Fatima"};

constexpr std::array<std::string_view, 48> kLastNames = {
    "Müller",  "Schmidt", "Fischer", "Weber",    "Wagner", "Becker",  "Hoffmann", "Schulz",
    "Smith",   "Jones",   "Taylor",  "Brown",    "Wilson", "Evans",   "Thomas",   "Roberts",
    "García",  "Muñoz",   "López",   "Martínez", "Rossi",  "Russo",   "Bianchi",  "Dubois",
    "Lefèvre", "Moreau",  "Novak",   "Kowalski", "Nowak",  "Jensen",  "Nielsen",  "Larsen",
    "Yılmaz",  "Kaya",    "Chen",    "Wang",     "Tanaka", "Sato",    "Patel",    "Singh",
    "Okafor",  "Mensah",  "Silva",   "Santos",   "Bäcker", "O'Brien", "Andersen", "Horvat"};

// UTF-8 letters used in the lists above and their ASCII spelling in e-mail addresses.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTransliterations = {{
    {"ä", "ae"},
    {"ö", "oe"},
    {"ü", "ue"},
    {"Ä", "ae"},
    {"Ö", "oe"},
    {"Ü", "ue"},
    {"é", "e"},
    {"è", "e"},
    {"ë", "e"},
    {"á", "a"},
    {"í", "i"},
    {"ñ", "n"},
    {"ø", "o"},
    {"Ø", "o"},
    {"ş", "s"},
    {"Ł", "l"},
    {"ç", "c"},
    {"ı", "i"},
}};

std::string_view transliterate(std::string_view rest, std::size_t& length) {
  for (const auto& [from, to] : kTransliterations) {
    if (rest.starts_with(from)) return length = from.size(), to;
  }
  // Unknown multi-byte letter: skip the whole UTF-8 sequence.
  length = 1;
  while (length < rest.size() && (static_cast<unsigned char>(rest[length]) & 0xC0) == 0x80) {
    ++length;
  }
  return {};
}

}  // namespace

std::string makePersonName(Random& random) {
  const auto first = kFirstNames[static_cast<std::size_t>(
      random.uniformInt(0, static_cast<std::int64_t>(kFirstNames.size()) - 1))];
  const auto last = kLastNames[static_cast<std::size_t>(
      random.uniformInt(0, static_cast<std::int64_t>(kLastNames.size()) - 1))];
  return std::string(first) + " " + std::string(last);
}

std::string emailLocalPart(std::string_view name) {
  std::string result;
  bool dotPending = false;
  for (std::size_t i = 0; i < name.size();) {
    const char c = name[i];
    if (c == ',') break;  // "Name, Jr." keeps the name only
    if (c == ' ') {
      dotPending = !result.empty();
      ++i;
      continue;
    }
    std::string_view piece;
    std::size_t length = 1;
    char lowered[2] = {0, 0};
    if (static_cast<unsigned char>(c) >= 0x80) {
      piece = transliterate(name.substr(i), length);
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      lowered[0] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      piece = std::string_view(lowered, 1);
    }
    if (!piece.empty()) {
      if (dotPending) result += '.';
      dotPending = false;
      result += piece;
    }
    i += length;
  }
  return result;
}

}  // namespace orglens::samples
