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
    # tables and the explorer
    "Table: {names}": "Таблица: {names}",
    "{shown} of {rows} rows shown, {columns} columns.": "Показаны строки: {shown} из {rows}; столбцов: {columns}.",
    "(any)": "(все)",

    # the model
    "Communist coup": "Коммунистический переворот", "Revkom formed": "Образование ревкома",
    "Revkom appeals to Soviet Russia": "Обращение ревкома к Советской России",
    "Red Army enters": "Вступление Красной армии", "Greeting from Moscow": "Приветствие Москвы",
    "coup": "переворот", "revkom": "ревком", "appeal": "обращение", "greeting": "приветствие",
    "Stage {n}: {name}": "Этап {n}: {name}",
    "stage 1": "этап 1", "stage 2": "этап 2", "stage 3": "этап 3", "stage 4": "этап 4", "stage 5": "этап 5",
    "no stage": "вне этапов", "model stage": "этап модели",
    "missing": "отсутствует", "out of order": "нарушен порядок", "staged": "инсценирован",
    "outside capital": "вне столицы", "missing or ambiguous": "отсутствует или неясен",
    "outside the capital": "вне столицы",
    # bodies and groups (short names)
    "Politburo": "Политбюро", "CC": "ЦК", "CC plenum": "пленум ЦК", "Sovnarkom": "Совнарком", "NKID": "НКИД",
    "STO": "СТО", "RVSR": "РВСР", "Comintern executive": "ИККИ", "9th Party Congress": "IX съезд РКП(б)",
    "Kavbyuro": "Кавбюро", "RVS Kavfront": "РВС Кавфронта", "11th Army": "11-я армия",
    "RVS 11th Army": "РВС 11-й армии", "Azerbaijani revkom": "Азревком", "Armenian revkom": "Ревком Армении",
    "Georgian revkom": "Ревком Грузии", "Karavansarai revkom": "Караван-сарайский ревком",
    "Armenian military-rev. committee": "Военно-революционный комитет Армении",
    "Musavat government": "мусаватистское правительство", "Dashnak government": "дашнакское правительство",
    "Menshevik government": "меньшевистское правительство", "Karabakh community": "карабахское землячество",
    "Vadim (Lukashev)": "Вадим (Лукашев)", "S. Kamenev": "С. Каменев",
    "Moscow: party and state centre": "Москва: партийный и государственный центр",
    "Kavbyuro, Caucasian Front and 11th Army": "Кавбюро, Кавказский фронт и 11-я армия",
    "Soviet envoys in the republics": "советские полпреды в республиках",
    "Communists and revkoms of the republics": "коммунисты и ревкомы республик",
    "Governments and people of the republics": "правительства и население республик", "Others": "прочие",
    "Moscow": "Москва", "Kavbyuro, front, 11th Army": "Кавбюро, фронт, 11-я армия", "Soviet envoys": "полпреды",
    "local communists, revkoms": "местные коммунисты, ревкомы", "governments, people": "правительства, население",
    "others": "прочие", "no named sender": "отправитель не назван", "Kavbyuro, front, army": "Кавбюро, фронт, армия",
    "envoys": "полпреды", "local communists": "местные коммунисты", "governments": "правительства",
    "others of the Kavbyuro circle": "другие из окружения Кавбюро",
    "Ordzhonikidze (alone or co-signing)": "Орджоникидзе (один или в соавторстве)",
    "moscow": "Москва", "kavbyuro": "Кавбюро", "local": "местные", "ordzhonikidze": "Орджоникидзе",
    "unnamed": "не назван",
    # stances and questions
    "approve": "одобрение", "mixed": "двойственно", "restrain": "сдерживание", "neither": "ни то ни другое",
    "sourcing": "происхождение источника", "corroboration": "сопоставление источников",
    "close reading": "медленное чтение", "author's reading": "интерпретация автора",
    # records
    "document": "документ", "event": "событие", "sent": "отправлено", "received": "получено",
    "day": "день", "month": "месяц", "year": "год", "day, approximate": "день, приблизительно",
    "persons": "лица", "bodies": "органы", "none": "нет", "not named": "не назван", "to the day": "с точностью до дня",
    "stages": "этапы", "every stage dated": "все этапы датированы", "not documented: stage ": "не документирован: этап ",
    "no date: stage ": "без даты: этап ", " to ": " — ", " (approximate)": " (приблизительно)",
    " [printed: {text}]": " [напечатано: {text}]", "no date in the article": "в статье нет даты",
    "Documents: {t}": "Документы: {t}",
    # chart texts
    "All": "Все", "All records": "Все записи", "All documents": "Все документы", "Events": "События",
    "Any flagged problem": "Любая отмеченная проблема",
    "Country": "Страна", "Date": "Дата", "Episode": "Эпизод", "Episodes": "Эпизоды", "Document type": "Тип документа",
    "Documents": "Документы", "Records": "Записи", "Record": "Запись", "Flags": "Отметки", "Flag": "Отметка",
    "Summary": "Содержание", "Stage": "Этап", "Stage of the model": "Этап модели", "In the article": "В статье",
    "Dated to the": "Датировано с точностью до", "Date known to the": "Дата известна с точностью до",
    "Date known to the...": "Дата известна с точностью до…", "Source problem": "Проблема источника",
    "Source problems": "Проблемы источника", "Source problem (flag)": "Проблема источника (отметка)",
    "Date (drag or scroll to zoom)": "Дата (перетащите или прокрутите, чтобы изменить масштаб)",
    "Days after the episode's first dated stage": "Дней после первого датированного этапа эпизода",
    "Days from the start of each episode": "Дней от начала каждого эпизода",
    "Only dates known to the day": "Только даты с точностью до дня", "Sent by": "Отправитель",
    "Stance (by the cue rule)": "Позиция (по правилу ключевых слов)", "Departure": "Отступление",
    "Kind of departure": "Вид отступления", "Sender's group": "Группа отправителя",
    "documents in the episode": "документов в эпизоде", "Documents sent or co-signed": "Отправлено или подписано документов",
    "between": "между", "and": "и", "documents first to second": "документов от первого второму",
    "documents second to first": "документов от второго первому", "Group": "Группа",
    "documents in all": "всего документов", "Highlight": "Выделить", "Documents about": "Документы о",
    "Month": "Месяц", "Republic": "Республика", "Which republic": "Какая республика",
    "Kind of document": "Вид документа", "reports": "донесений", "Reports to Moscow": "Донесения в Москву",
    "Concerns": "Относится к", "Kind": "Вид", "Who": "Кто", "What happened": "Что произошло", "Show": "Показать",
    "Only records flagged": "Только записи с отметкой", "Hide records before day": "Скрыть записи до дня",
    "Day 0 is each episode's first dated step:": "День 0 — первый датированный шаг каждого эпизода:",
    "Question": "Вопрос", "Episode (in order of time)": "Эпизод (в хронологическом порядке)",
    "Historian's question": "Вопрос историка", "Name": "Имя", "As": "В роли", "In all": "Всего",
    "Kind of place": "Тип места", "Name in 1920": "Название в 1920 г.", "Modern name": "Современное название",
    "Russian": "По-русски", "Position": "Координаты", "Day": "День",
    "Documents cited in the article, by date": "Документы, цитируемые в статье, по датам",
    "Which stages of the model the article documents, episode by episode":
        "Какие этапы модели подтверждены в статье документально, по эпизодам",
    "{case}: stages, documents and events by day": "{case}: этапы, документы и события по дням",
    "The dated stages of each episode, aligned on its first dated stage":
        "Датированные этапы каждого эпизода, отсчитанные от его первого датированного этапа",
    "What Moscow's documents said: approve, restrain, both or neither":
        "Что говорили документы Москвы: одобрение, сдерживание, и то и другое или ни то ни другое",
    "Where each episode departs from the five-stage model": "Где эпизоды отступают от пятиэтапной модели",
    "Who wrote the documents of each episode": "Кто писал документы каждого эпизода",
    "Who wrote to whom, 1920-21": "Кто кому писал, 1920–1921 гг.",
    "How many documents the article cites, month by month": "Сколько документов статья приводит по месяцам",
    "The channels: kinds of document month by month": "Каналы связи: виды документов по месяцам",
    "Who told Moscow about the Caucasus": "Кто сообщал Москве о Кавказе",
    "{n} episodes on one time line, stages marked": "Эпизоды ({n}) на одной временной шкале, с отмеченными этапами",
    "{episode}: stages, documents and events": "{episode}: этапы, документы и события",
    "Source problems flagged in the data, by kind and episode":
        "Проблемы источников, отмеченные в данных, по видам и эпизодам",
    "Who sent and who received the documents": "Кто отправлял и кто получал документы",
    "The {n} persons and bodies in {minimum} or more documents":
        "Лица и органы, упомянутые не менее чем в {minimum} документах (всего {n})",
    "Places named in the article": "Места, названные в статье",
    "Modern borders; positions approximate": "Современные границы; координаты приблизительны",
    "Documents cited in the article, per month": "Документы, цитируемые в статье, по месяцам",
    "When each stage happened, episode by episode": "Когда произошёл каждый этап, по эпизодам",
    "Filled: dated to the day. Hollow: month only.":
        "Закрашенные знаки: дата известна до дня. Полые: известен только месяц.",
    # chart descriptions
    "A time line of the {n} dated documents, one mark each, in rows by the republic they concern. Two drop-downs filter the marks by episode and by document type.":
        "Временная шкала датированных документов (всего {n}): каждый документ — отдельный знак в строке той республики, к которой он относится. Два выпадающих списка отбирают знаки по эпизоду и по типу документа.",
    "A grid with one row per episode and one column per stage of the model; each cell says whether the article documents that stage and gives its date.":
        "Таблица, где строки — эпизоды, а столбцы — этапы модели; каждая клетка показывает, подтверждён ли этап в статье документально, и приводит его дату.",
    "A day-by-day time line of episode {case}. The top five rows are the stages of the model; below them, one row for each of the {n} documents and events dated at least to the month, in date order. Colour and the row label give the model stage; faint dashed bars are dated only to the month and half-faint bars to an approximate day; (!) marks a contradiction, an impossible date, a struck-out line or a date of receipt. Two drop-downs filter the records by kind and by source problem; dragging or scrolling on the chart zooms the dates.":
        "Подневная временная шкала эпизода {case}. Пять верхних строк — этапы модели; ниже по строке на каждый документ и событие, датированные хотя бы с точностью до месяца (всего {n}), в хронологическом порядке. Цвет и подпись строки указывают этап модели; бледные полосы с пунктиром датированы только месяцем, полупрозрачные — приблизительным днём; знак (!) отмечает противоречие, невозможную дату, зачёркнутую строку или дату получения. Два выпадающих списка отбирают записи по виду и по проблеме источника; перетаскивание или прокрутка на графике меняет масштаб дат.",
    "Each row is an episode and each mark a stage of the model that the article dates, placed by the number of days after the episode's earliest dated stage; a line shows a date range, and a hollow mark a date known only to the month. A drop-down picks one episode and a check box hides the dates not known to the day.":
        "Каждая строка — эпизод, каждый знак — датированный в статье этап модели, поставленный по числу дней после самого раннего датированного этапа эпизода; линия показывает диапазон дат, полый знак — дату, известную только до месяца. Выпадающий список выбирает один эпизод, флажок скрывает даты, не известные с точностью до дня.",
    "Each mark is a dated document sent from Moscow, placed by date and in a row by its stance under the cue rule; grey bands are the five episodes. A drop-down shows only the documents of one sender (Lenin, Stalin, the Politburo, Chicherin...).":
        "Каждый знак — датированный документ, отправленный из Москвы; он стоит по дате и в строке своей позиции по правилу ключевых слов; серые полосы — пять эпизодов. Выпадающий список оставляет документы одного отправителя (Ленин, Сталин, Политбюро, Чичерин…).",
    "A grid of episodes (rows) by stages (columns); each mark is one departure from the model: a stage missing or unclear, out of order, staged from outside, or away from the capital. A drop-down shows one kind of departure at a time.":
        "Таблица эпизодов (строки) и этапов (столбцы); каждый знак — одно отступление от модели: этап отсутствует или неясен, нарушает порядок, инсценирован извне или произошёл вне столицы. Выпадающий список показывает один вид отступлений.",
    "One bar per episode, split by the group of the people who sent or co-signed its documents: Moscow, the Kavbyuro with the front and the 11th Army, envoys, local communists, governments. A document co-signed by two groups counts for both.":
        "По одной полосе на эпизод, разделённой по группам тех, кто отправлял или подписывал его документы: Москва, Кавбюро с фронтом и 11-й армией, полпреды, местные коммунисты, правительства. Документ, подписанный представителями двух групп, засчитывается обеим.",
    "Correspondents sit on a circle in role groups (Moscow at the top right, the Kavbyuro below it, then envoys, local communists, governments and others); a line joins two of them when documents passed between them, thicker for more documents (hover for the counts), and a mark is larger for a busier correspondent. One drop-down keeps only the documents about one republic; another highlights one correspondent's lines.":
        "Корреспонденты расположены по кругу группами (Москва справа вверху, под ней Кавбюро, далее полпреды, местные коммунисты, правительства и прочие); линия соединяет двоих, если между ними были документы, и тем толще, чем документов больше (числа — во всплывающей подсказке); знак тем крупнее, чем активнее корреспондент. Один выпадающий список оставляет документы об одной республике, другой выделяет связи одного корреспондента.",
    "Bars count the documents dated to the day or to the month, month by month, stacked by the republic they concern ('several' means more than one). A drop-down keeps one republic.":
        "Столбцы показывают по месяцам число документов, датированных с точностью до дня или месяца, с разбивкой по республикам («несколько республик» — если документ касается более чем одной). Выпадающий список оставляет одну республику.",
    "A grid of months (columns) by kind of document (rows: telegram, letter, resolution, direct wire...); each cell gives how many documents of that kind the article cites for that month. A drop-down keeps the documents sent by one group.":
        "Таблица месяцев (столбцы) и видов документов (строки: телеграмма, письмо, постановление, прямой провод…); в каждой клетке — сколько документов этого вида статья приводит за месяц. Выпадающий список оставляет документы одной группы отправителей.",
    "Bars count, month by month, the dated documents about the three republics that were addressed to Moscow by someone outside Moscow, coloured by sender: Ordzhonikidze, others of his circle, envoys, local communists, governments. A drop-down keeps the documents about one republic.":
        "Столбцы показывают по месяцам число датированных документов о трёх республиках, направленных в Москву теми, кто находился вне Москвы; цвет обозначает отправителя: Орджоникидзе, другие из его окружения, полпреды, местные коммунисты, правительства. Выпадающий список оставляет документы об одной республике.",
    "A time line of {n} episode{s} ({starts}), each counted in days from its first dated step. For each episode one row marks the stages of the model (black diamonds with the stage number, orange with '?' where the article's evidence is ambiguous, a bar where a stage spans days or is known only to the month); a second row has the documents (circles) and events (squares) dated to the day; a third has those known only to the month, drawn as bars over the whole month. Two drop-downs show only documents or events and only records with a given source problem; a slider hides records before a chosen day.":
        "Временная шкала эпизодов (число эпизодов: {n}; {starts}); каждый отсчитывается в днях от первого датированного шага. Для каждого эпизода одна строка отмечает этапы модели (чёрные ромбы с номером этапа, оранжевые со знаком «?», где свидетельства статьи неоднозначны, полоса — где этап длится несколько дней или известен только месяц); вторая строка содержит документы (круги) и события (квадраты), датированные до дня; третья — известные только до месяца, в виде полос на весь месяц. Два выпадающих списка оставляют только документы или только события и только записи с данной проблемой источника; ползунок скрывает записи до выбранного дня.",
    "A grid with one row per kind of source problem and one column per episode (the last column holds records tied to no episode); each cell gives how many documents and events carry that flag. Two drop-downs keep only the flags of one historian's question and only documents or only events; the counts change to match.":
        "Таблица, где строки — виды проблем источников, а столбцы — эпизоды (последний столбец — записи вне эпизодов); в каждой клетке — сколько документов и событий имеют эту отметку. Два выпадающих списка оставляют отметки одного вопроса историка и только документы или только события; числа пересчитываются.",
    "Horizontal bars for the {n} persons and bodies named in at least {minimum} of the article's documents: for each, one bar for documents sent and one for documents received. A drop-down shows persons only or bodies only.":
        "Горизонтальные полосы для лиц и органов, названных не менее чем в {minimum} документах статьи (всего {n}): у каждого одна полоса для отправленных документов и одна для полученных. Выпадающий список оставляет только лиц или только органы.",
    "A map of the Caucasus with today's state borders and {n} places from the article as symbols, coloured and shaped by kind; cities are labelled with their 1920 names. Two drop-downs filter the places by kind and by episode. Positions are approximate; regions are shown by a representative point.":
        "Карта Кавказа с современными государственными границами; места из статьи (всего {n}) обозначены знаками, цвет и форма которых зависят от типа места; города подписаны названиями 1920 г. Два выпадающих списка отбирают места по типу и по эпизоду. Координаты приблизительны; области показаны одной характерной точкой.",
    "Bars count the {n} documents the article dates to a day or a month, month by month from early 1920 to early 1921, coloured by the republic they concern ('several' and 'other' for the rest). A drop-down shows one republic at a time.":
        "Столбцы показывают по месяцам, с начала 1920 до начала 1921 г., документы, которые статья датирует днём или месяцем (всего {n}); цвет обозначает республику, к которой относится документ («несколько республик» и «другое» — для остальных). Выпадающий список показывает одну республику.",
    "One row per episode. Each dated stage is a mark labelled with its number (1 coup to 5 greeting), placed by days after the episode's first dated stage; within a row stage 1 sits highest and stage 5 lowest, so stages in the model's order step down from left to right. Filled marks are dated to the day, hollow ones only to the month (placed on its first day). Undated stages are not shown. A drop-down shows one episode.":
        "Одна строка на эпизод. Каждый датированный этап — знак с номером (от 1, переворот, до 5, приветствие), поставленный по числу дней после первого датированного этапа эпизода; внутри строки этап 1 расположен выше всех, этап 5 ниже всех, поэтому этапы, шедшие в порядке модели, спускаются слева направо. Закрашенные знаки датированы до дня, полые — только до месяца (стоят на первом числе). Недатированные этапы не показаны. Выпадающий список показывает один эпизод.",
    # data columns (chart tooltips and the tables under the charts)
    "col:id": "id", "col:date": "дата", "col:type": "тип", "col:senders": "отправители", "col:summary": "содержание",
    "col:case": "эпизод", "col:stage": "этап", "col:status": "статус", "col:country": "страна",
    "col:precision": "точность даты", "col:stage_label": "этап", "col:episode": "эпизод", "col:start": "начало",
    "col:end": "конец", "col:sender_names": "отправители", "col:stance": "позиция", "col:cues": "ключевые слова",
    "col:kind": "вид", "col:detail": "подробности", "col:label": "группа", "col:n": "число", "col:name": "имя",
    "col:role_label": "группа", "col:sent": "отправлено", "col:received": "получено", "col:month": "месяц",
    "col:channel": "канал", "col:documents": "документы", "col:row": "строка", "col:order": "порядок",
    "col:dated": "датировано", "col:when": "когда", "col:flags": "отметки", "col:problem": "проблемы",
    "col:table": "таблица", "col:who": "кто", "col:flags_text": "отметки", "col:day": "день", "col:end_day": "последний день",
    "col:slot": "дорожка", "col:flag": "отметка", "col:question": "вопрос", "col:records": "записи",
    "col:short": "этап", "col:day_end": "последний день", "col:group": "группа", "col:direction": "направление",
    "col:total": "всего", "col:name_en": "имя", "col:name_ru": "имя", "col:modern": "современное название",
    "col:russian": "по-русски", "col:lat": "широта", "col:lon": "долгота", "col:episodes": "эпизоды",
    "col:coordinates": "координаты", "col:a": "первый", "col:b": "второй", "col:a_name": "первый",
    "col:b_name": "второй", "col:n_ab": "от первого второму", "col:n_ba": "от второго первому", "col:text": "текст",
    "col:x": "x", "col:y": "y", "col:role": "группа", "col:through": "через", "col:share": "доля",
    "Data behind this chart (table)": "Данные графика (таблица)", "Data: {label}": "Данные: {label}",
    "First {shown} of {n} rows.": "Первые {shown} из {n} строк.", "Chart": "График",
    # the renderer
    "The chart is drawn in the browser: run this notebook (its set-up cell first) or trust it to see it. Its description and data table follow.":
        "График рисуется в браузере: чтобы увидеть его, выполните блокнот (сначала ячейку настройки) или отметьте его как доверенный. Ниже — описание графика и таблица его данных.",
    "chart": "график", "This chart could not be drawn: ": "Не удалось нарисовать график: ",
    "The chart library could not be loaded: ": "Не удалось загрузить библиотеку графиков: ",
    "Loading the chart…": "График загружается…",
    "The chart library is not loaded: run the notebook's first (set-up) cell, then this one.":
        "Библиотека графиков не загружена: выполните первую ячейку блокнота (настройку), затем эту.",
    # redrev.check and the self-checks
    "Correct": "Верно", "Submitted": "Принято", "Not yet": "Пока неверно", "Not answered yet": "Ответа пока нет",
    "Cannot read this answer": "Не удаётся прочитать ответ", "Unknown exercise": "Неизвестное упражнение",
    "Correct.": "Верно.", "Not yet.": "Пока неверно.", "Cannot read this answer.": "Не удаётся прочитать ответ.",
    "No answer yet.": "Ответа пока нет.", "Well done.": "Отлично.", "Hint: ": "Подсказка: ", "Check": "Проверить",
    "Choose one of the options first.": "Сначала выберите один из вариантов.",
    "Type an answer first.": "Сначала введите ответ.",
    "I could not read this answer: {err}.": "Не удалось прочитать ответ: {err}.",
    "Very close: you are one day out. Check whether the date is one of sending or of receipt.":
        "Почти верно: ошибка на один день. Проверьте, дата ли это отправки или получения.",
    "Very close: you are off by one.": "Почти верно: ошибка на единицу.",
    "Very close: you are one day out. Check whether the date is one of sending or of receipt, and how the days are counted.":
        "Почти верно: ошибка на один день. Проверьте, дата ли это отправки или получения и как считаются дни.",
    "Very close: you are off by one. Did you count both ends, or include/exclude one row too many?":
        "Почти верно: ошибка на единицу. Не посчитаны ли оба конца промежутка, не лишняя ли (или недостающая) одна строка?",
    "Your answer ({help})": "Ваш ответ ({help})",
    "a date with day, month and year, e.g. 1 January 1920 or 1920-01-01":
        "дата с числом, месяцем и годом, например 1 января 1920 или 1920-01-01",
    "a number": "число", "a surname, in English or Russian": "фамилия, по-русски или по-английски",
    "a document id, e.g. D001": "идентификатор документа, например D001", "a word or a short phrase": "слово или короткая фраза",
    " ({n} questions; run in Jupyter or open the book to answer)":
        " (вопросов: {n}; чтобы ответить, запустите блокнот в Jupyter или откройте книгу)",
    "<p>Answer, then press <em>Check</em> (or Enter). Your answers are checked in this page: nothing is sent anywhere, and the page does not contain the answers.</p>":
        "<p>Ответьте и нажмите <em>Проверить</em> (или Enter). Ответы проверяются прямо на странице: ничего никуда не отправляется, а сами правильные ответы на странице не хранятся.</p>",
    "give the day as well as the month and the year, e.g. '1920-01-15'":
        "укажите не только месяц и год, но и число, например «1920-01-15»",
    "give the day as well as the month and the year, e.g. '15 January 1920'":
        "укажите не только месяц и год, но и число, например «15 января 1920»",
    "add the year: the article often leaves it out, but the answer needs it (e.g. '15 January 1920')":
        "добавьте год: в статье он часто опущен, но в ответе нужен (например, «15 января 1920»)",
    "that does not look like a date; write it like '1920-01-15', '15 January 1920' or '15.01.1920'":
        "это не похоже на дату; запишите её так: «1920-01-15», «15 января 1920» или «15.01.1920»",
    "there is no month {month}; write the date like '1920-01-15' or '15 January 1920'":
        "месяца {month} не существует; запишите дату так: «1920-01-15» или «15 января 1920»",
    "that month has {last} days, so day {day} does not exist": "в этом месяце {last} дн., поэтому числа {day} нет",
    "that is not a number; give digits only, e.g. 12 (not '12 documents')":
        "это не число; введите только цифры, например 12 (а не «12 документов»)",
    "that is not a finite number": "это не конечное число",
    "that is not a document id; ids look like 'D001'": "это не идентификатор документа; они выглядят так: «D001»",
    "{value} is not a document id; ids look like 'D001'": "{value} не идентификатор документа; они выглядят так: «D001»",
    "that is not a time of day; write it as 'HH:MM', e.g. '09:45'": "это не время суток; запишите его как «ЧЧ:ММ», например «09:45»",
    "that is bytes, not text; give a str": "это байты, а не текст; передайте строку (str)",
    "that is a {type}, not text": "это {type}, а не текст",
    "that text is {n} characters long, too long to be this answer": "в тексте {n} знаков — слишком длинно для этого ответа",
    "that is a DataFrame of {rows} row{rs} and {cols} column{cs}; this answer is a single value (pick the cell, e.g. df['col'].iloc[0])":
        "это DataFrame (строк: {rows}, столбцов: {cols}), а ответом должно быть одно значение (выберите ячейку, например df['col'].iloc[0])",
    "you gave {n} values ({type}); this answer is a single value": "вы дали несколько значений ({n}, {type}), а ответом должно быть одно",
    "that is True/False, not a number (did you forget .sum() after a comparison?)":
        "это True/False, а не число (не забыт ли .sum() после сравнения?)",
    "that is a {type}, not a number": "это {type}, а не число", "that is NaT, a missing date": "это NaT, то есть отсутствующая дата",
    "that is a {type}, not a date": "это {type}, а не дата", "that is a {type}, not a time of day": "это {type}, а не время суток",
    "{value} is not a document number": "{value} не номер документа",
    "that is a {type}, not a document id": "это {type}, а не идентификатор документа",
    "{key} is not a document of data/documents.csv (D001 to {last})": "{key} нет среди документов data/documents.csv (от D001 до {last})",
    "that is a {type}, not an episode id": "это {type}, а не идентификатор эпизода",
    "{value} is not an episode id; the ids are {ids}": "{value} не идентификатор эпизода; идентификаторы: {ids}",
    "{value} is not a stage of the model; give a number from 1 to 5": "{value} не этап модели; укажите число от 1 до 5",
    "that is a {type}, not a name": "это {type}, а не имя",
    "{value} names more than one person ({ids}); give one": "{value} подходит к нескольким лицам ({ids}); назовите одно",
    "{value} is not a name in data/people.csv; try the surname in English or Russian (e.g. 'Chicherin' or 'Чичерин')":
        "{value} нет среди имён data/people.csv; попробуйте фамилию по-русски или по-английски (например, «Чичерин» или «Chicherin»)",
    "that is a {type}, not a country": "это {type}, а не страна",
    "{value} is not a country I know; try 'Azerbaijan', 'Armenia' or 'Georgia'":
        "{value} — неизвестная страна; попробуйте «Азербайджан», «Армения» или «Грузия»",
    "that is a {type}, not one of 'sent', 'received', 'implied'": "это {type}, а не одно из значений 'sent', 'received', 'implied'",
    "that mentions several kinds of date ({kinds}); choose one": "здесь названо несколько видов даты ({kinds}); выберите один",
    "give one of 'sent' (date of sending), 'received' (date of receipt) or 'implied' (deduced)":
        "укажите 'sent' (дата отправки), 'received' (дата получения) или 'implied' (установлена по контексту)",
    "give the letter of your choice as a string: {letters}": "укажите букву выбранного варианта строкой: {letters}",
    "give one of the letters {letters}": "укажите одну из букв {letters}",
    "a set has no order; give a list, earliest first": "у множества нет порядка; дайте список, начиная с самого раннего",
    "that is a dict; give a list": "это словарь (dict); дайте список",
    "that DataFrame has no column {wanted} to read the answer from": "в этом DataFrame нет столбца {wanted}, из которого можно прочитать ответ",
    "that array has more than one dimension; give a flat list": "у этого массива больше одного измерения; дайте плоский список",
    "that is a {type}; give a list": "это {type}; дайте список",
    "that has {n} items, far more than this answer needs": "здесь {n} элементов — гораздо больше, чем нужно для ответа",
    "item {item}: {err}": "элемент {item}: {err}",
    "{items} appears more than once in your sequence": "{items} встречается в вашей последовательности больше одного раза",
    "that Series has a MultiIndex; group by one column only": "у этой Series MultiIndex; группируйте только по одному столбцу",
    "that is a {type}; give a Series, a dict or a two-column DataFrame": "это {type}; дайте Series, словарь или DataFrame из двух столбцов",
    "that has {n} rows, far more than this answer needs": "здесь {n} строк — гораздо больше, чем нужно для ответа",
    "the count for {name}: {err}": "число для {name}: {err}",
    "from a DataFrame I need one column of keys and one column of counts (e.g. the result of df.groupby(...).size().reset_index())":
        "из DataFrame нужны один столбец ключей и один столбец чисел (например, результат df.groupby(...).size().reset_index())",
    "this exercise has an unknown kind {kind}": "у этого упражнения неизвестный тип {kind}",
    "The checker could not read this answer ({error}). Expected {expected}.":
        "Проверка не смогла прочитать ответ ({error}). Ожидается: {expected}.",
    "an answer of the kind the exercise asks for": "ответ того вида, который требует упражнение",
    "document ids (e.g. 'D001')": "идентификаторы документов (например, 'D001')",
    "episode ids (e.g. 'xx-1920-01')": "идентификаторы эпизодов (например, 'xx-1920-01')",
    "stage numbers 1-5": "номера этапов 1–5", "names": "имена", "countries": "страны", "date bases": "основания дат",
    "{things} in any order: a list, a Series, or a DataFrame with a {column} column":
        "{things} в любом порядке: список, Series или DataFrame со столбцом {column}",
    "{things} in order, as a list (first item first)": "{things} по порядку, списком (первый элемент первым)",
    "a count per {key}: a Series (from value_counts() or groupby().size()), a dict, or a DataFrame with one column of keys and one of counts":
        "число для каждого значения «{key}»: Series (из value_counts() или groupby().size()), словарь или DataFrame с одним столбцом ключей и одним столбцом чисел",
    "episode": "эпизод", "stage": "этап", "date basis": "основание даты",
    "a single number (int, float or numpy number, e.g. the result of len(...) or .sum())":
        "одно число (int, float или число numpy, например результат len(...) или .sum())",
    "a date with day, month and year: '1920-01-15', '15 January 1920', '15.01.1920', '15 января 1920' or a date/Timestamp":
        "дата с числом, месяцем и годом: '1920-01-15', '15 января 1920', '15.01.1920', '15 January 1920' или date/Timestamp",
    "a time of day as 'HH:MM', e.g. '09:45'": "время суток в виде 'ЧЧ:ММ', например '09:45'",
    "one document id, e.g. 'D001'": "один идентификатор документа, например 'D001'",
    "one episode id from cases.csv": "один идентификатор эпизода из cases.csv",
    "one stage number from 1 to 5": "один номер этапа от 1 до 5",
    "one name in English or Russian (e.g. 'Chicherin' or 'Чичерин') or an id from people.csv":
        "одно имя по-русски или по-английски (например, 'Чичерин' или 'Chicherin') либо id из people.csv",
    "one country, e.g. 'Armenia', 'Армения' or 'armenia'": "одна страна, например 'Армения', 'Armenia' или 'armenia'",
    "'sent', 'received' or 'implied'": "'sent', 'received' или 'implied'",
    "one letter: {letters}": "одна буква: {letters}",
    "a DataFrame with the columns {columns}": "DataFrame со столбцами {columns}",
    "your written answer as a string (triple quotes \"\"\" \"\"\" let it run over several lines)":
        "письменный ответ строкой (тройные кавычки \"\"\" \"\"\" позволяют писать в несколько строк)",
    "an answer": "ответ",
    "{value} is not an exercise id: ids are strings such as 'az-01'; redrev.exercise_ids() lists them.":
        "{value} не идентификатор упражнения: это строки вида 'az-01'; их список даёт redrev.exercise_ids().",
    "The exercise bank could not be read ({error}); is the redrev package installed completely?":
        "Не удалось прочитать банк упражнений ({error}); полностью ли установлен пакет redrev?",
    " Did you mean {ids}?": " Возможно, имелось в виду {ids}?", " or ": " или ",
    "There is no exercise {value}.{hint} redrev.exercise_ids() lists them.":
        "Упражнения {value} нет.{hint} Список упражнений даёт redrev.exercise_ids().",
    "Replace None with your answer: {expected}.\nHint: {hint}": "Замените None своим ответом: {expected}.\nПодсказка: {hint}",
    "That is an exception object ({type}), not an answer. Expected {expected}.":
        "Это объект исключения ({type}), а не ответ. Ожидается: {expected}.",
    "I could not read this answer: {err}. Expected {expected}.": "Не удалось прочитать ответ: {err}. Ожидается: {expected}.",
    "The expected answer could not be computed from the data ({error}: {detail}). Check that the data folder is complete.":
        "Не удалось вычислить ожидаемый ответ по данным ({error}: {detail}). Проверьте, полна ли папка с данными.",
    "your table has no row for {keys}": "в вашей таблице нет строки для {keys}",
    "the count is not right for {keys}": "неверно число для {keys}",
    "Your counts are right, but the table has rows the question leaves out: {keys}.":
        "Числа верны, но в таблице есть строки, которых вопрос не касается: {keys}.",
    "Not quite: {problems}. ": "Не совсем так: {problems}. ", "Not quite. ": "Не совсем так. ",
    "You have exactly the right items, but not in the right order ({placed} of {n} {verb} in place). ":
        "Элементы верные, но порядок нет (на своём месте {placed} из {n}). ",
    "{of} belong in the sequence, which has {size}. ": "{of} входят в последовательность; в ней всего {size}. ",
    "All {size} right items are there, but also {extra} that do not belong. ":
        "Все верные элементы на месте ({size}), но есть и лишние ({extra}). ",
    "{of} right; the full answer has {size}. ": "{of} верны; в полном ответе их {size}. ",
    "That is a {type}. Expected {expected}.": "Это {type}. Ожидается: {expected}.",
    "That is {n} characters; keep the answer under {most}.": "В ответе {n} знаков; уложитесь в {most}.",
    "Your answer has {words} words; write at least {need} (the question asks for an argument, not a verdict). Hint: {hint}":
        "В ответе слов: {words}; нужно не меньше {need} (вопрос требует рассуждения, а не вердикта). Подсказка: {hint}",
    "Cite at least {need} documents by id (e.g. D001); you cite {n}. Hint: {hint}":
        "Сошлитесь по идентификатору хотя бы на {need} док. (например, D001); сейчас ссылок: {n}. Подсказка: {hint}",
    "Submitted ({words} words, citing {docs}). Now assess yourself against the rubric:\n":
        "Ответ принят (слов: {words}; ссылки: {docs}). Теперь оцените его сами по критериям:\n",
    "Your DataFrame lacks the column(s) {columns}. Expected {expected} (extra columns are fine).":
        "В вашем DataFrame нет столбцов {columns}. Ожидается: {expected} (лишние столбцы не мешают).",
    "Your DataFrame has {n} rows, far more than the answer.": "В вашем DataFrame {n} строк — гораздо больше, чем в ответе.",
    "I could not read a cell: {err}.": "Не удалось прочитать ячейку: {err}.",
    "Well done: the right rows and values (row order and extra columns do not matter).":
        "Отлично: строки и значения верны (порядок строк и лишние столбцы не важны).",
    "Your DataFrame has {right} of the {n} right rows and {extra} that do not belong (compared by {key}). ":
        "В вашем DataFrame верных строк {right} из {n} и лишних {extra} (сравнение по {key}). ",
    "The rows are right, but the values differ in column(s) {columns}. ": "Строки верны, но значения расходятся в столбцах {columns}. ",
    # progress
    "{notebook}: {n} of {total} exercises passed": "{notebook}: решено упражнений — {n} из {total}",
    "passed": "решено", "tried": "есть попытки", "not tried": "не начато", " ({n} tries)": " (попыток: {n})",
    "state": "состояние", "exercise": "упражнение", "skill": "навык", "difficulty": "сложность",
    "No notebook {value} (notebooks: {names})": "Блокнота {value} нет (блокноты: {names})",
    "all notebooks": "все блокноты", "Progress is not available ({error})": "Прогресс недоступен ({error})",
    "data question (pandas)": "работа с данными (pandas)", "chronology": "хронология", "model": "модель",
    "testing the model": "проверка модели", "written answer (self-assessed)": "письменный ответ (самооценка)",
    "easy": "лёгкое", "medium": "среднее", "hard": "трудное", "data": "данные", "written": "письменный ответ",
    # glued text of the chapters
    "{time} on {day}": "{time}, {day}",
    "{west}–{east}° E and {south}–{north}° N": "{west}–{east}° в. д. и {south}–{north}° с. ш.",
    # event cards and the map
    "event: {kind}": "событие: {kind}", "Our note:": "Наш комментарий:", "{a} set against {b}": "{a} в сопоставлении с {b}",
    "Armenia": "Армения", "Azerbaijan": "Азербайджан", "Georgia": "Грузия", "Iran": "Иран", "Iraq": "Ирак",
    "Kazakhstan": "Казахстан", "Russia": "Россия", "Syria": "Сирия", "Turkey": "Турция",
    # registers (people and places)
    "Showing {shown} of {total} {noun}.": "Показано {shown} из {total} ({noun}).",
    "Filter (any words, in English or Russian)": "Фильтр (любые слова, по-русски или по-английски)",
    "As printed in the article": "Как напечатано в статье", "Roles in 1920–21 (as the article gives them)":
        "Роли в 1920–1921 гг. (по статье)", "Sent": "Отправлено", "Received": "Получено",
    "People and bodies named in the article, with the documents they sent and received":
        "Лица и органы, названные в статье, с отправленными и полученными ими документами",
    "people and bodies": "лица и органы", "Person or body": "Лицо или орган", "Lat.": "Шир.", "Lon.": "Долг.",
    "Where the position comes from": "Откуда взяты координаты", "On the map": "На карте", "Mentions": "Упоминания",
    "places": "места", "on map": "на карте", "off map": "за пределами карты", "no coordinates": "нет координат",
    # the explorer (live kernels)
    "Type": "Тип", "Sender": "Отправитель", "Recipient": "Адресат", "Months": "Месяцы", "Search": "Поиск",
    "a word in the quotation or summary": "слово из цитаты или содержания",
    "{n} of {total} documents match.": "Подходит документов: {n} из {total}.", "No document matches.": "Ни один документ не подходит.",
}

# Document sets (redrev.handouts)
RU.update({
    "To whom": "Кому", "When": "Когда", "Where cited": "Где приводится", "date basis not stated": "основание даты не указано",
    "The document's words, as the article quotes them": "Слова самого документа в цитате из статьи",
    "Not quoted: the article's words about it, and a summary": "Без цитаты: слова статьи о документе",
    "The documents ({n})": "Документы ({n})", "Questions": "Вопросы", "Sourcing": "Источник",
    "Corroboration": "Сопоставление", "Organizer: the five stages": "Рабочий лист: пять этапов",
    "What evidence (document, event)": "Какие свидетельства (документ, событие)",
    "How firm? (circle one)": "Насколько надёжно? (обведите)",
    "documented / ambiguous / not documented": "подтверждён / неоднозначен / не подтверждён",
    "in this set": "он есть в этом наборе", "recorded elsewhere in the data": "его нет в наборе, но он есть в данных",
    "{id} went from {senders} to {recipients}. What did the writer want the reader to believe or do, "
    "and how might that shape what is said?":
        "{id}: отправитель — {senders}, адресат — {recipients}. В чём автор хотел убедить адресата или к чему "
        "его подтолкнуть, и как это могло сказаться на написанном?",
    "{id} is dated by the day it arrived, not the day it was written. What might have changed in "
    "between, and does the gap matter for its place in the sequence of events?":
        "{id} датирован днём получения, а не днём написания. Что могло произойти за это время и важен ли "
        "этот промежуток для места документа среди событий?",
    "The date of {id} is not written on it: it is worked out from its context. Which other "
    "document of this set helps you date it, and how firmly?":
        "На {id} нет даты: её выводят из контекста. Какой ещё документ этого набора помогает его датировать "
        "и насколько уверенно?",
    "The data flag {id} as disagreeing with {other} ({where}). Put the two side by side: on which "
    "point do they differ, and which would you trust on it? Why?":
        "В данных {id} отмечен как противоречащий {other} ({where}). Положите их рядом: в чём именно они "
        "расходятся и которому вы бы здесь доверились? Почему?",
    "Which stage of the model does {ids} bear on? How firm is that evidence, and which other "
    "document of the set supports or weakens it?":
        "К какому этапу модели относится {ids}? Насколько надёжно это свидетельство и какой другой документ "
        "набора его подкрепляет или ослабляет?",
    "Which stage of the model do {ids} bear on? How firm is that evidence, and which other "
    "document of the set supports or weakens it?":
        "К какому этапу модели относятся {ids}? Насколько надёжно это свидетельство и какой другой документ "
        "набора его подкрепляет или ослабляет?",
    "For stage {stage} in {episode}, the article offers no evidence. Does any document of this set "
    "hint at it? What source would settle the question?":
        "Для этапа «{stage}» в эпизоде «{episode}» статья свидетельств не приводит. Намекает ли на него "
        "какой-нибудь документ набора? Какой источник решил бы вопрос?",
})
