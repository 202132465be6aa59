#include <cstdio>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "reports/info_report.h"

namespace orglens::cli {

int runInfo(const InfoArgs& args) {
  reports::Format format;
  try {
    format = reports::parseFormat(args.format);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "orglens info: --format: %s\n", e.what());
    return kUsage;
  }
  try {
    auto store = model::Store::open(args.db, model::Store::Mode::ReadOnly);
    const auto summary = store->summary();
    const auto text = reports::renderInfo(summary, args.db.string(), format);
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (args.diagnostics) {
      reports::Table t;
      t.columns = {{"source", reports::Align::Right, true},
                   {"severity"},
                   {"file"},
                   {"line", reports::Align::Right, true},
                   {"message"}};
      for (const auto& s : summary.sources)
        for (const auto& d : store->diagnostics(s.id))
          t.addRow({std::to_string(s.id.rowid()), std::string(model::toString(d.severity)), d.file,
                    d.line ? std::to_string(d.line) : "", d.message});
      const auto out =
          format == reports::Format::Json ? reports::renderJson(t)
          : format == reports::Format::Csv
              ? reports::renderCsv(t)
              : "\nDiagnostics (the first 1,000 of each import)\n" +
                    (t.rows.empty() ? std::string("(none)\n") : reports::renderText(t));
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return kOk;
  } catch (const model::StoreError& e) {
    std::fprintf(stderr, "orglens info: %s\n", e.what());
    return kBadInput;
  }
}

}  // namespace orglens::cli
