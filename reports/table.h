// A plain table (header + rows of text cells) and its renderers: aligned text for people,
// JSON and CSV for machines. Every CLI command builds one of these; the report reuses them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orglens::reports {

enum class Align { Left, Right };

/// What a numeric cell measures; renderers for people format it ("3.2 d", "41%"), machine
/// formats keep the plain number (seconds, percent points).
enum class Unit { None, Seconds, Percent, Count };

/// The text of a cell withheld by the privacy rules (a group of fewer than k people).
inline constexpr const char* kSuppressedCell = "suppressed";

struct Column {
  std::string name;
  Align align = Align::Left;
  bool numeric = false;  // JSON writes the cell as a number (when it parses as one)
  Unit unit = Unit::None;
};

struct Table {
  std::string key;   // snake_case, unique within a report (JSON key, CSV file name)
  std::string title;
  std::string note;  // shown under the table (e.g. how many rows were suppressed and why)
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  void addRow(std::vector<std::string> row) { rows.push_back(std::move(row)); }
};

enum class Format { Text, Json, Csv };
/// Parses "table", "json" or "csv"; throws std::invalid_argument otherwise.
Format parseFormat(const std::string& text);

std::string renderText(const Table& table);
std::string renderCsv(const Table& table);
/// JSON array of objects keyed by column name.
std::string renderJson(const Table& table);
/// A JSON string literal with escapes.
std::string jsonString(const std::string& text);

/// `v` with exactly `decimals` digits after the point ("%.*f": 0.5 and 3 give "0.500").
std::string formatFixed(double v, int decimals);

/// "1,234,567" — thousands separators for human tables.
std::string groupDigits(std::uint64_t value);

}  // namespace orglens::reports
