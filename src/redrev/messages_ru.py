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
}
