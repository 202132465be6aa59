#include "viewer/import_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "viewer/analysis_runner.h"

namespace orglens::viewer {

namespace {

QWidget* withBrowse(QLineEdit* edit, QWidget* parent, std::function<QString()> browse) {
  auto* row = new QWidget(parent);
  auto* l = new QHBoxLayout(row);
  l->setContentsMargins(0, 0, 0, 0);
  l->addWidget(edit, 1);
  auto* button = new QPushButton(QObject::tr("Browse…"), row);
  QObject::connect(button, &QPushButton::clicked, row, [edit, browse] {
    if (const auto path = browse(); !path.isEmpty()) edit->setText(path);
  });
  l->addWidget(button);
  return row;
}

QString defaultStore(const QString& source) {
  const QFileInfo info(source);
  return info.absolutePath() + "/" + info.completeBaseName() + ".orglens";
}

}  // namespace

ImportDialog::ImportDialog(AnalysisRunner* runner, const QString& store, const QString& source,
                           QWidget* parent)
    : QDialog(parent),
      m_runner(runner),
      m_source(new QLineEdit(source, this)),
      m_store(new QLineEdit(store.isEmpty() && !source.isEmpty() ? defaultStore(source) : store, this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)),
      m_diagnostics(new QPlainTextEdit(this)),
      m_import(new QPushButton(tr("Import"), this)),
      m_open(new QPushButton(tr("Open the store"), this)) {
  setObjectName("importDialog");
  setWindowTitle(tr("Import a source file"));
  resize(640, 420);
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  m_diagnostics->setReadOnly(true);
  m_diagnostics->setPlaceholderText(tr("Diagnostics of the import appear here."));
  m_open->setEnabled(false);
  auto* form = new QFormLayout;
  form->addRow(tr("Source (file or folder)"), withBrowse(m_source, this, [this] {
                 return QFileDialog::getOpenFileName(this, tr("Source file"));
               }));
  form->addRow(tr("Store"), withBrowse(m_store, this, [this] {
                 return QFileDialog::getSaveFileName(this, tr("Store"), m_store->text(),
                                                     tr("orglens stores (*.orglens)"),
                                                     nullptr, QFileDialog::DontConfirmOverwrite);
               }));
  auto* buttons = new QDialogButtonBox(this);
  buttons->addButton(m_import, QDialogButtonBox::ActionRole);
  buttons->addButton(m_open, QDialogButtonBox::AcceptRole);
  auto* close = buttons->addButton(QDialogButtonBox::Close);
  connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
  connect(m_open, &QPushButton::clicked, this, [this] {
    emit openStore(m_store->text());
    accept();
  });
  connect(close, &QPushButton::clicked, this, [this] {
    if (m_running) m_runner->cancelImport();
    reject();
  });
  connect(m_source, &QLineEdit::textChanged, this, [this](const QString& s) {
    if (m_store->text().isEmpty()) m_store->setText(defaultStore(s));
  });
  connect(m_runner, &AnalysisRunner::importProgress, this, [this](double f, const QString& phase) {
    m_progress->setValue(static_cast<int>(f * 1000));
    m_status->setText(tr("Importing… %1").arg(phase));
  });
  connect(m_runner, &AnalysisRunner::importFinished, this, [this](auto outcome) {
    m_running = false;
    m_import->setEnabled(true);
    m_progress->setValue(1000);
    const auto& c = outcome->counts;
    m_status->setText(outcome->alreadyImported
                          ? tr("Already imported (same content, format and options): nothing changed.")
                          : tr("Imported as %1: %2 events, %3 objects, %4 people; %5 rows skipped, "
                               "%6 warnings, %7 errors.")
                                .arg(QString::fromStdString(outcome->format))
                                .arg(c.events).arg(c.objects).arg(c.people)
                                .arg(c.skippedRows).arg(c.warnings).arg(c.errors));
    QString text;
    for (const auto& d : outcome->diagnostics)
      text += QString("%1 %2:%3: %4\n")
                  .arg(QString::fromUtf8(model::toString(d.severity).data(),
                                         static_cast<qsizetype>(model::toString(d.severity).size())),
                       QString::fromStdString(d.file))
                  .arg(d.line)
                  .arg(QString::fromStdString(d.message));
    m_diagnostics->setPlainText(text.isEmpty() ? tr("No diagnostics.") : text);
    m_open->setEnabled(true);
  });
  connect(m_runner, &AnalysisRunner::importFailed, this, [this](const QString& message) {
    m_running = false;
    m_import->setEnabled(true);
    m_status->setText(tr("The import failed; the store is unchanged."));
    m_diagnostics->setPlainText(message);
  });
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addWidget(m_diagnostics, 1);
  layout->addWidget(buttons);
}

void ImportDialog::startImport() {
  const auto source = m_source->text(), store = m_store->text();
  if (!QFileInfo::exists(source)) {
    m_status->setText(tr("File '%1' does not exist.").arg(source));
    return;
  }
  if (store.isEmpty()) {
    m_status->setText(tr("Choose the store to import into."));
    return;
  }
  m_running = true;
  m_import->setEnabled(false);
  m_open->setEnabled(false);
  m_diagnostics->clear();
  m_progress->setValue(0);
  m_runner->startImport(store, source, {});
}

}  // namespace orglens::viewer
