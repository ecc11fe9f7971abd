"""Russian for every English string the package shows a reader (looked up by :func:`redrev.i18n.tr`).

Keys are the English text as written in the code, ``{fields}`` included; values keep the same fields.
Vocabulary values of the data (document types, flags, kinds, statuses) are keyed with ``_`` read as
a space ('direct wire'), as :func:`redrev.i18n.label` looks them up.
"""
RU: dict[str, str] = {
    # dates
    "undated": "без даты",
    "month only": "известен только месяц",
    "year only": "известен только год",
    # countries
    "azerbaijan": "Азербайджан", "armenia": "Армения", "georgia": "Грузия", "several": "несколько республик",
    "other": "другое", "russia": "Россия", "turkey": "Турция",
    # document types
    "telegram": "телеграмма", "letter": "письмо", "note": "записка", "direct wire": "разговор по прямому проводу",
    "resolution": "постановление", "order": "приказ", "ultimatum": "ультиматум", "treaty": "договор",
    "diplomatic note": "дипломатическая нота", "appeal": "обращение", "report": "доклад", "directive": "директива",
    "decree": "декрет", "memorandum": "меморандум", "speech": "речь",
    # event kinds
    "border crossing": "переход границы", "uprising": "восстание", "coup": "переворот",
    "revkom formed": "образование ревкома", "city taken": "взятие города", "government fell": "падение правительства",
    "troops entered": "вступление войск", "arrival": "прибытие", "battle": "бой", "meeting": "заседание",
    "appointment": "назначение",
    # source problems (flags)
    "year implied": "год по контексту", "month implied": "месяц по контексту",
    "date approximate": "дата приблизительна", "date received": "дата получения",
    "impossible date": "невозможная дата", "spelling variant": "вариант написания",
    "inferred sender": "отправитель установлен", "inferred recipient": "адресат установлен",
    "struck out": "зачёркнуто", "unquoted": "без цитаты", "author paraphrase": "пересказ автора",
    "contradicts": "противоречие",
    # stage statuses and outcomes
    "documented": "документирован", "ambiguous": "неоднозначен", "not documented": "не документирован",
    "sovietised": "советизация", "aborted": "попытка прервана",
    # place kinds
    "city": "город", "town": "городок", "village": "село", "station": "станция", "bridge": "мост",
    "district": "уезд", "region": "область", "country": "страна",
    # people
    "person": "лицо", "body": "орган",
    # cards
    "date of sending": "дата отправки", "date of receipt": "дата получения",
    "date implied by context": "дата установлена по контексту",
    "unknown": "неизвестно",
    "no note number": "без номера примечания",
    "note {n}": "примеч. {n}", "f. {folio}": "л. {folio}", "p. {page}": "с. {page}",
    "Kvashonkin 2016, ": "Квашонкин 2016, ",
    "From": "Отправитель:", "to": "адресат:",
    "Source problems flagged:": "Отмеченные проблемы источника:",
}
