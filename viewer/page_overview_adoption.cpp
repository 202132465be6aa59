// The Overview and Adoption pages: both read the report (findings, measures, the adoption
// section's charts and tables).
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include "model/time_format.h"
#include "reports/analysis_tables.h"
#include "viewer/pages.h"
#include "viewer/table_model.h"
#include "viewer/widgets.h"

namespace orglens::viewer {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

const reports::Measure* findMeasure(const reports::Report& r, const std::string& key) {
  for (const auto& m : r.measures)
    if (m.key == key) return &m;
  return nullptr;
}

QString measureText(const reports::Measure& m) {
  if (!m.value) return QObject::tr("n/a");
  return formatCell(reports::formatFixed(*m.value, 3), m.unit);
}

/// The measures as a table (label, value, note) for the overview's list.
std::shared_ptr<const reports::Table> measureTable(const reports::Report& r) {
  auto t = std::make_shared<reports::Table>();
  t->key = "measures";
  t->columns = {{"measure"}, {"value", reports::Align::Right}, {"refers to"}, {"key"}};
  for (const auto& m : r.measures)
    t->addRow({m.label, measureText(m).toStdString(), m.note, m.key});
  return t;
}

const reports::Section* findSection(const reports::Report& r, const std::string& key) {
  for (const auto& s : r.sections)
    if (s.key == key) return &s;
  return nullptr;
}

}  // namespace

OverviewPage::OverviewPage(QWidget* parent)
    : QWidget(parent),
      m_heading(new QLabel(this)),
      m_findings(new QLabel(this)),
      m_cards(new QGridLayout),
      m_measures(new TableModel(this)) {
  setObjectName("overviewPage");
  m_heading->setStyleSheet("font-size: 16pt; font-weight: bold;");
  m_findings->setObjectName("findings");
  m_findings->setWordWrap(true);
  m_findings->setTextFormat(Qt::RichText);
  m_findings->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  const QString titles[] = {tr("Events"),          tr("People"),          tr("Teams"),
                            tr("Time span"),       tr("Slowest handoff"), tr("Most isolated team"),
                            tr("Active (30 days)"), tr("Median reply")};
  for (int i = 0; i < 8; ++i) addCard(i / 4, i % 4, titles[i]);
  auto* measures = new TablePanel(tr("Key figures"), m_measures, this);
  measures->setObjectName("measuresTable");
  auto* findingsTitle = new QLabel(tr("Headline findings"), this);
  findingsTitle->setStyleSheet("font-weight: bold; font-size: 11pt;");
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_heading);
  layout->addLayout(m_cards);
  layout->addWidget(findingsTitle);
  layout->addWidget(m_findings);
  layout->addWidget(measures, 1);
  clear();
}

QLabel* OverviewPage::addCard(int row, int column, const QString& title) {
  auto* card = new QFrame(this);
  card->setObjectName("card");
  card->setStyleSheet("#card { background: #f5f7fa; border: 1px solid #dde3ea; border-radius: 6px; }");
  auto* name = new QLabel(title, card);
  name->setStyleSheet("color: #555;");
  auto* value = new QLabel(QStringLiteral("…"), card);
  value->setStyleSheet("font-size: 18pt; font-weight: bold; color: #1f3b57;");
  auto* note = new QLabel(card);
  note->setStyleSheet("color: #666;");
  note->setWordWrap(true);
  auto* l = new QVBoxLayout(card);
  l->addWidget(name);
  l->addWidget(value);
  l->addWidget(note);
  m_cards->addWidget(card, row, column);
  m_cardLabels[title] = {value, note};
  return value;
}

void OverviewPage::setCard(const QString& key, const QString& value, const QString& note) {
  const auto it = m_cardLabels.find(key);
  if (it == m_cardLabels.end()) return;
  it->second.first->setText(value);
  it->second.second->setText(note);
}

void OverviewPage::clear() {
  m_report.reset();
  m_heading->setText(tr("No store open"));
  for (auto& [key, labels] : m_cardLabels) labels.first->setText(QStringLiteral("–")), labels.second->clear();
  m_findings->setText(tr("Open a store (File ▸ Open) or import a source file (File ▸ Import)."));
  m_measures->setTable(nullptr);
}

void OverviewPage::setUnavailable(const QString& reason) {
  m_report.reset();
  m_findings->setText(reason);
  m_measures->setTable(nullptr);
  for (const auto& title :
       {tr("Slowest handoff"), tr("Most isolated team"), tr("Active (30 days)"), tr("Median reply")})
    setCard(title, QStringLiteral("–"));
}

void OverviewPage::setStoreInfo(std::shared_ptr<const StoreInfo> info) {
  if (!info) return clear();
  const auto& s = info->summary;
  m_heading->setText(qs(info->path.filename().string()));
  setCard(tr("Events"), qs(reports::groupDigits(s.events)));
  setCard(tr("People"), qs(reports::groupDigits(s.people)),
          tr("%1 active").arg(qs(reports::groupDigits(s.activePeople))));
  setCard(tr("Teams"), qs(reports::groupDigits(s.teams)));
  if (s.firstEvent && s.lastEvent) {
    const double days = static_cast<double>(*s.lastEvent - *s.firstEvent) / 86400e6;
    setCard(tr("Time span"), tr("%1 days").arg(days, 0, 'f', 0),
            qs(model::formatDateUtc(*s.firstEvent) + " – " + model::formatDateUtc(*s.lastEvent)));
  }
  if (!m_report) m_findings->setText(tr("Analysing…"));
}

void OverviewPage::setReport(std::shared_ptr<const reports::Report> report) {
  m_report = std::move(report);
  if (!m_report) return;
  const auto& r = *m_report;
  auto card = [&](const QString& title, const std::string& key) {
    if (const auto* m = findMeasure(r, key)) setCard(title, measureText(*m), qs(m->note));
  };
  card(tr("Slowest handoff"), "handoff.team.median");
  card(tr("Most isolated team"), "silos.min_ei");
  card(tr("Active (30 days)"), "adoption.mau_pct");
  card(tr("Median reply"), "responsiveness.reply.median");
  if (const auto* m = findMeasure(r, "silos.min_ei"); m && m->value)
    setCard(tr("Most isolated team"), qs(m->note), tr("E-I index %1").arg(*m->value, 0, 'f', 2));
  QString html = "<ul style='margin-left: -20px'>";
  for (const auto& f : r.findings) html += "<li style='margin-bottom: 4px'>" + qs(f.text).toHtmlEscaped() + "</li>";
  html += "</ul>";
  if (r.findings.empty()) html = tr("No findings for this window.");
  m_findings->setText(html);
  m_heading->setText(qs(r.meta.store + "  ·  " + r.meta.window) +
                     (r.meta.showPeople ? tr("  ·  names shown") : tr("  ·  privacy mode")));
  m_measures->setTable(measureTable(r));
}

AdoptionPage::AdoptionPage(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_trend(new ChartPanel(this)),
      m_tools(new ChartPanel(this)),
      m_departments(new TableModel(this)),
      m_segments(new TableModel(this)),
      m_champions(new TableModel(this)) {
  setObjectName("adoptionPage");
  m_summary->setWordWrap(true);
  m_trend->setObjectName("adoptionTrend");
  m_tools->setObjectName("adoptionTools");
  m_departmentPanel = new TablePanel(tr("Departments"), m_departments, this);
  m_departmentPanel->setObjectName("adoptionDepartments");
  auto* segments = new TablePanel(tr("Usage segments"), m_segments, this);
  m_championPanel = new TablePanel(tr("Champions"), m_champions, this);
  auto* charts = new QSplitter(Qt::Horizontal, this);
  charts->addWidget(m_trend);
  charts->addWidget(m_tools);
  auto* tables = new QSplitter(Qt::Horizontal, this);
  tables->addWidget(m_departmentPanel);
  tables->addWidget(segments);
  tables->addWidget(m_championPanel);
  tables->setSizes({500, 250, 400});
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(charts);
  split->addWidget(tables);
  split->setSizes({380, 300});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_summary);
  layout->addWidget(split, 1);
}

void AdoptionPage::setUnavailable(const QString& reason) {
  setReport(nullptr);
  m_summary->setText(reason);
}

void AdoptionPage::setReport(std::shared_ptr<const reports::Report> report) {
  m_report = std::move(report);
  const auto* section = m_report ? findSection(*m_report, "adoption") : nullptr;
  m_trend->setChart(nullptr);
  m_tools->setChart(nullptr);
  m_departments->setTable(nullptr);
  m_segments->setTable(nullptr);
  m_champions->setTable(nullptr);
  m_summary->setText(section ? QString() : tr("No adoption data yet."));
  if (!section) return;
  for (const auto& block : section->blocks) {
    if (const auto* p = std::get_if<reports::Paragraph>(&block)) m_summary->setText(qs(p->text));
    if (const auto* c = std::get_if<reports::Chart>(&block)) {
      if (c->key == "adoption_active_trend") m_trend->setChart(makeChart(*c));
      if (c->key == "adoption_tools_platform") m_tools->setChart(makeChart(*c));
    }
    if (const auto* t = std::get_if<reports::Table>(&block)) {
      auto table = std::make_shared<const reports::Table>(*t);
      if (t->key == "adoption_departments") m_departments->setTable(table), m_departmentPanel->setNote(qs(t->note));
      if (t->key == "adoption_segments") m_segments->setTable(table);
      if (t->key == "adoption_champions") m_champions->setTable(table), m_championPanel->setNote(qs(t->note));
    }
  }
}

}  // namespace orglens::viewer
