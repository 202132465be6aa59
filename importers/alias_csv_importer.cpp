// Alias CSV (`alias,person`): merges identities across sources. Each alias (an e-mail, a
// chat id, a resource name; optionally prefixed with its kind, "chat:U024BE7LH") is mapped to
// the person named in the second column (a roster id or any alias the person already has).
#include "importers/csv_columns.h"
#include "importers/registry.h"
#include "model/identity.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

using model::AliasKind;

/// Splits "kind:value" when the prefix is a known alias kind; otherwise guesses the kind.
std::pair<AliasKind, std::string> parseAlias(std::string_view text) {
  if (auto colon = text.find(':'); colon != std::string_view::npos) {
    if (auto kind = model::parseAliasKind(text.substr(0, colon)))
      return {*kind, model::normaliseAlias(*kind, text.substr(colon + 1))};
  }
  const std::string email = model::normaliseEmail(text);
  if (!email.empty()) return {AliasKind::Email, email};
  return {AliasKind::Resource, model::normaliseAlias(AliasKind::Resource, text)};
}

std::optional<model::PersonId> findPerson(model::ModelSink& sink, std::string_view text) {
  auto [kind, value] = parseAlias(text);
  if (auto p = sink.findAlias(kind, value)) return p;
  for (auto k : {AliasKind::PersonKey, AliasKind::Email, AliasKind::Resource, AliasKind::ChatId,
                 AliasKind::GitAuthor})
    if (auto p = sink.findAlias(k, model::normaliseAlias(k, text))) return p;
  return std::nullopt;
}

class AliasCsvImporter final : public Importer {
 public:
  std::string_view name() const override { return "alias-csv"; }
  std::string_view description() const override {
    return "identity merges as CSV: alias,person (alias may be prefixed email:, chat:, resource:)";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    const auto ext = path.extension().string();
    if (ext != ".csv" && ext != ".txt") return 0;
    std::string first = model::asciiLower(head.substr(0, head.find('\n')));
    while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) first.pop_back();
    return first == "alias,person" || first == "alias;person" ? 90 : 0;
  }
  void run(ImportContext& ctx) const override;
};

void AliasCsvImporter::run(ImportContext& ctx) const {
  std::vector<std::string> header;
  auto reader = openCsv(ctx.path, header);
  const std::vector<FieldSpec> specs = {{"alias", {"alias"}, true, "the alias"},
                                        {"person", {"person", "person_id"}, true, "the person"}};
  auto columns = resolveColumns(header, specs, ctx.options.mapping, ctx.diagnostics);
  CsvRow row;
  while (reader->next(row)) {
    if (row.fields.size() != header.size()) {
      ctx.diagnostics.warning(row.line,
                              "expected " + std::to_string(header.size()) + " fields; row skipped");
      ++ctx.skippedRows;
      continue;
    }
    const auto alias = trimField(row.fields[*columns["alias"]]);
    const auto personText = trimField(row.fields[*columns["person"]]);
    auto target = findPerson(ctx.sink, personText);
    if (!target) {
      // A person seen nowhere yet: the alias file creates it under this key.
      target = model::PersonId::of(
          ctx.sink.object(model::typeId(model::BuiltinType::Person),
                          model::normaliseAlias(AliasKind::PersonKey, personText)));
      ctx.sink.addAlias(AliasKind::PersonKey,
                        model::normaliseAlias(AliasKind::PersonKey, personText), *target);
    }
    auto [kind, value] = parseAlias(alias);
    if (value.empty()) {
      ctx.diagnostics.warning(row.line, "empty alias; row skipped");
      ++ctx.skippedRows;
      continue;
    }
    if (auto existing = ctx.sink.findAlias(kind, value); existing && *existing != *target)
      ctx.sink.mergePeople(*existing, *target);
    ctx.sink.addAlias(kind, value, *target);
  }
  if (!reader->error().empty()) ctx.diagnostics.error(0, reader->error());
}

}  // namespace

std::unique_ptr<Importer> makeAliasCsvImporter() {
  return std::make_unique<AliasCsvImporter>();
}

}  // namespace orglens::importers
