#include "viewer/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "viewer/analysis_runner.h"
#include "viewer/import_dialog.h"
#include "viewer/pages.h"
#include "viewer/widgets.h"

namespace orglens::viewer {

namespace {

constexpr int kMaxRecent = 8;

model::MicrosUtc toMicros(const QDate& date) {
  return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
}

QDate toDate(model::MicrosUtc micros) {
  return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC).date();
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_runner(new AnalysisRunner(this)),
      m_message(new MessageBar(this)),
      m_tabs(new QTabWidget(this)),
      m_overview(new OverviewPage(this)),
      m_handoffs(new HandoffsPage(this)),
      m_flow(new FlowPage(this)),
      m_network(new NetworkPage(this)),
      m_adoption(new AdoptionPage(this)),
      m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_status(new QLabel(this)),
      m_debounce(new QTimer(this)) {
  setObjectName("mainWindow");
  setWindowTitle(tr("orglens viewer"));
  setAcceptDrops(true);
  resize(1400, 900);
  m_tabs->setObjectName("pages");
  m_tabs->addTab(m_overview, tr("Overview"));
  m_tabs->addTab(m_handoffs, tr("Handoffs"));
  m_tabs->addTab(m_flow, tr("Flow"));
  m_tabs->addTab(m_network, tr("Network"));
  m_tabs->addTab(m_adoption, tr("Adoption"));
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(buildFilterBar());
  layout->addWidget(m_message);
  layout->addWidget(m_tabs, 1);
  setCentralWidget(central);
  m_progress->setObjectName("progress");
  m_progress->setRange(0, 1000);
  m_progress->setMaximumWidth(240);
  m_progress->setTextVisible(false);
  m_cancel->setObjectName("cancel");
  statusBar()->addWidget(m_status, 1);
  statusBar()->addPermanentWidget(m_progress);
  statusBar()->addPermanentWidget(m_cancel);
  m_progress->hide();
  m_cancel->hide();
  connect(m_cancel, &QPushButton::clicked, this, [this] {
    m_runner->cancel();
    m_progress->hide();
    m_cancel->hide();
    m_status->setText(tr("Cancelled; the pages show the last complete results."));
  });
  m_debounce->setSingleShot(true);
  m_debounce->setInterval(300);
  connect(m_debounce, &QTimer::timeout, this, [this] { startAnalysis(); });
  buildMenus();
  connectRunner();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildFilterBar() {
  auto* bar = new QWidget(this);
  bar->setObjectName("filterBar");
  m_from = new QDateEdit(bar);
  m_to = new QDateEdit(bar);
  for (auto* d : {m_from, m_to}) {
    d->setCalendarPopup(true);
    d->setDisplayFormat("yyyy-MM-dd");
    d->setTimeSpec(Qt::UTC);
    connect(d, &QDateEdit::dateChanged, this, [this] { filterChanged(); });
  }
  m_from->setObjectName("filterFrom");
  m_to->setObjectName("filterTo");
  m_team = new QComboBox(bar);
  m_team->setObjectName("filterTeam");
  m_team->addItem(tr("All teams"));
  m_team->setMinimumWidth(160);
  connect(m_team, &QComboBox::currentIndexChanged, this, [this] { filterChanged(); });
  m_privacy = new QCheckBox(tr("Privacy mode (pseudonyms, groups under 5 withheld)"), bar);
  m_privacy->setObjectName("filterPrivacy");
  m_privacy->setChecked(true);
  connect(m_privacy, &QCheckBox::toggled, this, [this] { filterChanged(); });
  auto* all = new QPushButton(tr("All time"), bar);
  connect(all, &QPushButton::clicked, this, [this] {
    m_updatingFilter = true;
    m_from->setDate(m_from->minimumDate());
    m_updatingFilter = false;
    m_to->setDate(m_to->maximumDate());
  });
  auto* l = new QHBoxLayout(bar);
  l->setContentsMargins(0, 0, 0, 0);
  l->addWidget(new QLabel(tr("From"), bar));
  l->addWidget(m_from);
  l->addWidget(new QLabel(tr("to"), bar));
  l->addWidget(m_to);
  l->addWidget(all);
  l->addSpacing(16);
  l->addWidget(new QLabel(tr("Team"), bar));
  l->addWidget(m_team);
  l->addSpacing(16);
  l->addWidget(m_privacy);
  l->addStretch(1);
  bar->setEnabled(false);
  return bar;
}

void MainWindow::buildMenus() {
  auto* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
    const auto path = QFileDialog::getOpenFileName(this, tr("Open a store"), {},
                                                   tr("orglens stores (*.orglens);;All files (*)"));
    if (!path.isEmpty()) openStore(path);
  });
  m_recent = file->addMenu(tr("Open &Recent"));
  file->addAction(tr("&Import a source file…"), this, [this] { showImportDialog(); });
  file->addAction(tr("&Export page as PNG/SVG…"), this,
                  [this] { exportWidgetInteractive(m_tabs->currentWidget(), "page.png"); });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  updateRecentMenu();
}

void MainWindow::connectRunner() {
  connect(m_runner, &AnalysisRunner::progress, this, [this](double f, const QString& phase) {
    m_progress->setValue(static_cast<int>(f * 1000));
    m_status->setText(tr("Analysing… %1").arg(phase));
  });
  connect(m_runner, &AnalysisRunner::storeInfoReady, this, &MainWindow::storeInfoArrived);
  connect(m_runner, &AnalysisRunner::reportReady, this, [this](auto report) {
    m_overview->setReport(report);
    m_adoption->setReport(report);
  });
  connect(m_runner, &AnalysisRunner::reportUnavailable, this, [this](const QString& reason) {
    m_overview->setUnavailable(reason);
    m_adoption->setUnavailable(reason);
    m_message->showError(reason);
  });
  connect(m_runner, &AnalysisRunner::handoffsReady, m_handoffs, &HandoffsPage::setData);
  connect(m_runner, &AnalysisRunner::flowReady, m_flow, &FlowPage::setData);
  connect(m_runner, &AnalysisRunner::networkReady, this, [this](auto data) {
    m_network->setData(data);
    m_network->setTeamFilter(QString::fromStdString(m_filter.team));
  });
  connect(m_runner, &AnalysisRunner::finished, this, [this] {
    m_progress->hide();
    m_cancel->hide();
    m_status->setText(tr("%1 — up to date").arg(QFileInfo(m_path).fileName()));
    emit analysisDone(true);
  });
  connect(m_runner, &AnalysisRunner::failed, this, [this](const QString& message) {
    m_progress->hide();
    m_cancel->hide();
    m_status->clear();
    m_message->showError(message);
    emit analysisDone(false);
  });
}

void MainWindow::openStore(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) {
    m_message->showError(tr("File '%1' does not exist.").arg(path));
    return;
  }
  if (!info.isFile() || !info.isReadable()) {
    m_message->showError(tr("File '%1' is not a readable file.").arg(path));
    return;
  }
  m_message->hide();
  m_path = info.absoluteFilePath();
  setWindowTitle(tr("%1 — orglens viewer").arg(info.fileName()));
  m_overview->clear();
  m_handoffs->clear();
  m_flow->clear();
  m_network->clear();
  m_adoption->clear();
  m_filter.from.reset();
  m_filter.to.reset();
  m_filter.team.clear();
  m_updatingFilter = true;  // the store's own range and teams arrive with its info
  m_team->setCurrentIndex(0);
  m_updatingFilter = false;
  rememberRecent(m_path);
  startAnalysis();
}

void MainWindow::storeInfoArrived(std::shared_ptr<const StoreInfo> info) {
  m_overview->setStoreInfo(info);
  m_updatingFilter = true;
  const auto& s = info->summary;
  if (s.firstEvent && s.lastEvent) {
    const auto first = toDate(*s.firstEvent), last = toDate(*s.lastEvent).addDays(1);
    m_from->setDateRange(first, last);
    m_to->setDateRange(first, last);
    m_from->setDate(m_filter.from ? toDate(*m_filter.from) : first);
    m_to->setDate(m_filter.to ? toDate(*m_filter.to) : last);
  }
  const auto current = m_team->currentText();
  m_team->clear();
  m_team->addItem(tr("All teams"));
  for (const auto& t : info->teams) m_team->addItem(QString::fromStdString(t));
  m_team->setCurrentIndex(std::max(0, m_team->findText(current)));
  m_updatingFilter = false;
  findChild<QWidget*>("filterBar")->setEnabled(true);
}

void MainWindow::filterChanged() {
  if (m_updatingFilter || m_path.isEmpty()) return;
  Filter f = m_filter;
  // The date edits show whole days; the full range means "no limit" (open window).
  f.from = m_from->date() > m_from->minimumDate() ? std::optional(toMicros(m_from->date())) : std::nullopt;
  f.to = m_to->date() < m_to->maximumDate() ? std::optional(toMicros(m_to->date())) : std::nullopt;
  f.team = m_team->currentIndex() > 0 ? m_team->currentText().toStdString() : std::string();
  f.privacy = m_privacy->isChecked();
  if (f == m_filter) return;
  m_filter = f;
  m_network->setTeamFilter(QString::fromStdString(f.team));
  m_debounce->start();
}

void MainWindow::setFilter(const Filter& filter) {
  m_filter = filter;
  m_updatingFilter = true;
  m_privacy->setChecked(filter.privacy);
  m_team->setCurrentIndex(std::max(0, m_team->findText(QString::fromStdString(filter.team))));
  if (filter.from) m_from->setDate(toDate(*filter.from));
  if (filter.to) m_to->setDate(toDate(*filter.to));
  m_updatingFilter = false;
  m_network->setTeamFilter(QString::fromStdString(filter.team));
  startAnalysis();
}

void MainWindow::startAnalysis() {
  if (m_path.isEmpty()) return;
  m_debounce->stop();
  m_progress->setValue(0);
  m_progress->show();
  m_cancel->show();
  m_status->setText(tr("Analysing…"));
  m_runner->start(m_path, m_filter);
}

QStringList MainWindow::pageNames() { return {"overview", "handoffs", "flow", "network", "adoption"}; }

bool MainWindow::setPage(const QString& name) {
  const int index = static_cast<int>(pageNames().indexOf(name));
  if (index < 0) return false;
  m_tabs->setCurrentIndex(index);
  return true;
}

bool MainWindow::pageReady(const QString& name) const {
  if (name == "overview") return m_overview->hasReport();
  if (name == "handoffs") return m_handoffs->hasData();
  if (name == "flow") return m_flow->hasData();
  if (name == "network") return m_network->hasData();
  if (name == "adoption") return m_adoption->hasData();
  return false;
}

void MainWindow::showImportDialog(const QString& source) {
  auto* dialog = new ImportDialog(m_runner, m_path, source, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &ImportDialog::openStore, this, &MainWindow::openStore);
  dialog->show();
}

void MainWindow::rememberRecent(const QString& path) {
  QSettings settings;
  auto files = settings.value("recentFiles").toStringList();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecent) files.removeLast();
  settings.setValue("recentFiles", files);
  updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
  m_recent->clear();
  const auto files = QSettings().value("recentFiles").toStringList();
  for (const auto& f : files) m_recent->addAction(f, this, [this, f] { openStore(f); });
  m_recent->setEnabled(!files.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.first().isLocalFile()) return;
  const auto path = urls.first().toLocalFile();
  // A store opens; anything else (a log, an mbox, a Slack export folder) is imported.
  if (path.endsWith(".orglens", Qt::CaseInsensitive)) openStore(path);
  else showImportDialog(path);
  event->acceptProposedAction();
}

}  // namespace orglens::viewer
