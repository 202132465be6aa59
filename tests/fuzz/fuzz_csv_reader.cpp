// libFuzzer target: the streaming CSV reader on arbitrary bytes, with every dialect the
// sniffer can choose and a tiny buffer so that refills and records spanning buffers happen.
#include <cstddef>
#include <cstdint>
#include <string>

#include "importers/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const char delimiter = orglens::importers::sniffDelimiter(text);
  for (std::size_t bufferSize : {std::size_t{7}, std::size_t{1} << 16}) {
    auto reader = orglens::importers::CsvReader::fromString(text, bufferSize);
    reader->setDialect({delimiter, '"'});
    orglens::importers::CsvRow row;
    std::size_t total = 0;
    std::uint64_t lastLine = 0;
    while (reader->next(row)) {
      if (row.line < lastLine) __builtin_trap();  // line numbers never go back
      lastLine = row.line;
      for (auto f : row.fields) total += f.size();
    }
    if (total > size) __builtin_trap();  // fields are never longer than the input
  }
  return 0;
}
