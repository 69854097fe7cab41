"""The interface language: which one to use, and the Qt translators that put it on screen.

Every text in the UI goes through Qt's ``tr()``; a ``QTranslator`` loaded from
``resources/translations/nnsim_<lang>.qm`` answers it. Qt's own texts (the "Cancel" of a
dialog, the file chooser) come from ``qtbase_<lang>.qm``, which PySide6 ships.

The language is chosen in this order: ``--lang`` on the command line, then the choice saved
from the View ▸ Language menu (``QSettings`` key ``LANGUAGE_KEY``), then the system's
preferred languages, then English. Translators are installed once, before any window exists:
a change in the menu takes effect at the next start (widgets do not retranslate themselves).

Numbers follow the language too (``language_locale``: a decimal comma in Spanish, a point
in English, whatever the system's locale): ``install_translators`` makes it the default
locale for what is built next, and each main window sets it on itself, so a Spanish and an
English window in one process (as in the tests) each keep their own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from nnsim.core.resources import resource_path

#: the languages nnsim speaks: code -> the language's name in that language (menus show it
#: that way, so a person who cannot read the current language still finds their own)
LANGUAGES = {"en": "English", "es": "Español"}
#: the language of the source texts: it needs no translator
SOURCE_LANGUAGE = "en"
#: where the View ▸ Language choice is kept; "" (or missing) means "the system's language"
LANGUAGE_KEY = "language"


def translations_folder():
    return resource_path("translations")


def normalize(code: str | None) -> str | None:
    """"es_ES", "es-MX", "ES" -> "es"; a language nnsim does not speak -> None."""
    if not code:
        return None
    lang = str(code).replace("-", "_").split("_")[0].strip().lower()
    return lang if lang in LANGUAGES else None


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's preferred languages that nnsim speaks, else English.

    Walks ``uiLanguages()`` in order, so a system set to English first and Spanish second
    stays English (``QTranslator.load(QLocale)`` alone would pick the Spanish file).
    """
    locale = locale if locale is not None else QLocale.system()
    for name in list(locale.uiLanguages()) + [locale.name()]:
        lang = normalize(name)
        if lang is not None:
            return lang
    return SOURCE_LANGUAGE


def stored_language(settings: QSettings | None = None) -> str:
    """The language saved from the menu: a code from ``LANGUAGES``, or "" for the system's."""
    settings = settings if settings is not None else QSettings()
    return normalize(settings.value(LANGUAGE_KEY, "", str)) or ""


def store_language(lang: str, settings: QSettings | None = None) -> None:
    """Save the menu's choice ("" = follow the system); used at the next start."""
    settings = settings if settings is not None else QSettings()
    settings.setValue(LANGUAGE_KEY, normalize(lang) or "")
    settings.sync()


def resolve_language(requested: str | None = None, settings: QSettings | None = None,
                     locale: QLocale | None = None) -> str:
    """``--lang`` if nnsim speaks it, else the saved choice, else the system's, else English."""
    return normalize(requested) or stored_language(settings) or system_language(locale)


def language_locale(lang: str | None = None) -> QLocale:
    """The locale numbers are read and written in for ``lang`` (default: the current
    language): Spanish (Spain) or English (United States)."""
    return QLocale(normalize(lang) or current_language())


def qt_translations_folders() -> list[str]:
    """Where Qt's own translations (``qtbase_es.qm``: the "Cancel" of a dialog, the file
    chooser) may be: Qt's translations path, then the PySide6 package's own folder (a
    standalone build may move one or the other)."""
    folders = [QLibraryInfo.path(QLibraryInfo.TranslationsPath)]
    try:
        import PySide6

        folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is what runs this
        pass
    return [folder for folder in dict.fromkeys(folders) if folder]


def current_language() -> str:
    """The language the running application was started in."""
    app = QCoreApplication.instance()
    lang = app.property("nnsimLanguage") if app is not None else None
    return lang if lang in LANGUAGES else SOURCE_LANGUAGE


def install_translators(app, lang: str) -> list[QTranslator]:
    """Install nnsim's and Qt's translators for ``lang`` (none for English); returns them.

    A missing file is not an error: the texts then stay in English. Translators installed
    earlier by this function are removed first, so calling it twice does not stack them.
    """
    remove_translators(app)
    lang = normalize(lang) or SOURCE_LANGUAGE
    app.setProperty("nnsimLanguage", lang)
    QLocale.setDefault(language_locale(lang))
    installed: list[QTranslator] = []
    if lang == SOURCE_LANGUAGE:
        return installed
    sources = [(f"nnsim_{lang}", [str(translations_folder())]), (f"qtbase_{lang}", qt_translations_folders())]
    for name, folders in sources:
        for folder in folders:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                installed.append(translator)
                break
            translator.deleteLater()
    # Python must keep them alive: Qt holds only a pointer.
    app._nnsim_translators = installed
    return installed


def remove_translators(app) -> None:
    """Take the translators of ``install_translators`` out again (the UI is English after)."""
    for translator in getattr(app, "_nnsim_translators", []):
        app.removeTranslator(translator)
    app._nnsim_translators = []
    app.setProperty("nnsimLanguage", SOURCE_LANGUAGE)
    QLocale.setDefault(QLocale.system())
