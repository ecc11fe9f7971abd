"""Every string a reader sees in the document finder, the side-by-side view and the progress UI.

One table, :data:`TEXT`, with an ``"en"`` and a ``"ru"`` entry of the same keys (a unit test
compares them). The Sphinx extension (:mod:`redrev.finder_ext`) picks the entry of the build's
``language``; :func:`text` falls back to English for any other language. The labels of the data's
vocabularies (document types, flags) and dates come from :mod:`redrev.i18n`, as on the cards.
"""
from __future__ import annotations

TEXT = {
    "en": {
        # the finder
        "finder_label": "Find documents",
        "search": "Search the documents",
        "search_help": "Words of the Russian quotation, the English translation or the summary, "
                       "a name in English or Russian, or an id such as D017.",
        "filters": "Filters",
        "all": "All",
        "episode": "Episode",
        "no_episode": "no episode",
        "type": "Type",
        "sender": "Sender",
        "recipient": "Recipient",
        "date_from": "Dated from",
        "date_to": "Dated up to",
        "basis": "Date basis",
        "flag": "Source problem",
        "any_flag": "any flagged problem",
        "apply": "Show",
        "clear": "Clear search and filters",
        "count": "{n} of {total} documents shown.",
        "nothing": "No document matches: clear the search or a filter.",
        "caption": "All {total} documents of the dataset. Choose a column heading to sort the rows, "
                   "and a document's id to read its card.",
        "sorted": "Sorted by {column}, {order}.",
        "ascending": "ascending",
        "descending": "descending",
        "col_id": "Id",
        "col_date": "Date",
        "col_type": "Type",
        "col_from": "From",
        "col_to": "To",
        "col_episode": "Episode",
        "col_summary": "Summary",
        "col_flags": "Source problems",
        "undated": "undated",
        "unknown": "unknown",
        "cards": "Document cards",
        "back": "Back to the list",
        "note": "Our note",
        # dates and their basis
        "basis_sent": "date of sending",
        "basis_received": "date of receipt",
        "basis_implied": "implied by context",
        "basis_none": "undated",
        # relations and the side-by-side view
        "related": "Related records",
        "rel_contradicts": "contradicts",
        "rel_same_event": "cited for the same event",
        "rel_same_stage": "cited for the same stage of the model",
        "rel_none": "The data record no relation between these two.",
        "stage": "stage {n}",
        "compare": "{a} and {b} side by side",
        "open_compare": "Side by side with {id}",
        "relation": "Relation",
        "relation_note": "Note on the relation",
        "contradicts_note": "The two records disagree; each one's note says how.",
        "close": "Close the side-by-side view",
        "event": "event",
        # progress
        "progress": "{n} of {m} answered correctly.",
        "progress_kept": "Your answers are kept in this browser only; nothing is sent anywhere.",
        "progress_off": "This browser does not let the page keep your answers: they will be forgotten "
                        "when you leave the page.",
        "progress_caption": "Your self-check answers, per chapter (kept in this browser).",
        "progress_chapter": "Chapter",
        "progress_correct": "Answered correctly",
        "progress_answered": "Answered",
        "progress_nojs": "Your progress appears here when JavaScript is on.",
        "forget": "Forget my answers",
        "forgotten": "Your answers are forgotten.",
    },
    "ru": {
        "finder_label": "Поиск документов",
        "search": "Поиск по документам",
        "search_help": "Слова русской цитаты или краткого содержания, имя в русской или английской "
                       "форме либо номер документа, например D017.",
        "filters": "Фильтры",
        "all": "Все",
        "episode": "Эпизод",
        "no_episode": "вне эпизодов",
        "type": "Тип",
        "sender": "Отправитель",
        "recipient": "Адресат",
        "date_from": "Дата не ранее",
        "date_to": "Дата не позднее",
        "basis": "Основание даты",
        "flag": "Проблема источника",
        "any_flag": "любая отмеченная проблема",
        "apply": "Показать",
        "clear": "Сбросить поиск и фильтры",
        "count": "Показано документов: {n} из {total}.",
        "nothing": "Подходящих документов нет: сбросьте поиск или один из фильтров.",
        "caption": "Все документы набора данных ({total}). Чтобы упорядочить строки, выберите заголовок "
                   "столбца; чтобы прочитать карточку документа, выберите его номер.",
        "sorted": "Упорядочено по столбцу «{column}», {order}.",
        "ascending": "по возрастанию",
        "descending": "по убыванию",
        "col_id": "Номер",
        "col_date": "Дата",
        "col_type": "Тип",
        "col_from": "Отправитель",
        "col_to": "Адресат",
        "col_episode": "Эпизод",
        "col_summary": "Краткое содержание",
        "col_flags": "Проблемы источника",
        "undated": "без даты",
        "unknown": "неизвестен",
        "cards": "Карточки документов",
        "back": "Вернуться к списку",
        "note": "Примечание составителей",
        "basis_sent": "дата отправки",
        "basis_received": "дата получения",
        "basis_implied": "по контексту",
        "basis_none": "без даты",
        "related": "Связанные записи",
        "rel_contradicts": "противоречит",
        "rel_same_event": "приводится как свидетельство того же события",
        "rel_same_stage": "приводится как свидетельство того же этапа модели",
        "rel_none": "Связь между этими записями в данных не отмечена.",
        "stage": "этап {n}",
        "compare": "{a} и {b}: сопоставление",
        "open_compare": "Сопоставить с {id}",
        "relation": "Связь",
        "relation_note": "Примечание к связи",
        "contradicts_note": "Записи расходятся между собой; в чём именно, сказано в примечании к каждой.",
        "close": "Закрыть сопоставление",
        "event": "событие",
        "progress": "Правильных ответов: {n} из {m}.",
        "progress_kept": "Ваши ответы хранятся только в этом браузере и никуда не отправляются.",
        "progress_off": "Браузер не позволяет странице сохранить ваши ответы: они будут забыты, "
                        "когда вы покинете страницу.",
        "progress_caption": "Ваши ответы на вопросы для самопроверки по главам (хранятся в этом браузере).",
        "progress_chapter": "Глава",
        "progress_correct": "Правильных ответов",
        "progress_answered": "Отвечено",
        "progress_nojs": "Ваш прогресс появится здесь, если в браузере включён JavaScript.",
        "forget": "Забыть мои ответы",
        "forgotten": "Ваши ответы забыты.",
    },
}

def language(code: str | None) -> str:
    """``"ru"`` for a Russian build (``ru``, ``ru_RU``), else ``"en"``."""
    return "ru" if str(code or "").lower().startswith("ru") else "en"


def text(code: str | None) -> dict[str, str]:
    """The reader's strings in the build's language."""
    return TEXT[language(code)]
