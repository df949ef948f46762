"""A short news text in each supported language, written for the tests (four sentences each)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "en": (
        "The city council approved a new plan for public transport on Monday. "
        "Buses will run every ten minutes in the centre from next spring. "
        "Critics say the money would be better spent on repairing old roads. "
        "The mayor said the plan would cut traffic and pollution within five years."
    ),
    "de": (
        "Der Stadtrat hat am Montag einen neuen Plan für den Nahverkehr beschlossen. "
        "Ab dem nächsten Frühjahr sollen die Busse im Zentrum alle zehn Minuten fahren. "
        "Kritiker meinen, das Geld wäre besser in die Reparatur alter Straßen investiert. "
        "Die Bürgermeisterin sagte, der Plan werde Verkehr und Abgase innerhalb von fünf Jahren "
        "verringern."
    ),
    "fr": (
        "Le conseil municipal a approuvé lundi un nouveau plan pour les transports publics. "
        "Les bus circuleront toutes les dix minutes dans le centre dès le printemps prochain. "
        "Les critiques estiment que cet argent serait mieux utilisé pour réparer les vieilles "
        "routes. Le maire a déclaré que le plan réduirait la circulation et la pollution en cinq "
        "ans."
    ),
    "es": (
        "El ayuntamiento aprobó el lunes un nuevo plan para el transporte público. "
        "Los autobuses pasarán cada diez minutos por el centro a partir de la próxima primavera. "
        "Los críticos dicen que el dinero estaría mejor invertido en reparar las carreteras "
        "viejas. El alcalde afirmó que el plan reducirá el tráfico y la contaminación en cinco "
        "años."
    ),
    "it": (
        "Il consiglio comunale ha approvato lunedì un nuovo piano per il trasporto pubblico. "
        "Gli autobus passeranno ogni dieci minuti nel centro a partire dalla prossima primavera. "
        "I critici dicono che i soldi sarebbero spesi meglio per riparare le vecchie strade. "
        "Il sindaco ha detto che il piano ridurrà il traffico e l'inquinamento entro cinque anni."
    ),
    "pt": (
        "A câmara municipal aprovou na segunda-feira um novo plano para os transportes públicos. "
        "Os autocarros vão passar a cada dez minutos no centro a partir da próxima primavera. "
        "Os críticos dizem que o dinheiro seria mais bem gasto na reparação das estradas velhas. "
        "O presidente da câmara disse que o plano vai reduzir o trânsito e a poluição em cinco "
        "anos."
    ),
    "nl": (
        "De gemeenteraad heeft maandag een nieuw plan voor het openbaar vervoer goedgekeurd. "
        "Vanaf volgend voorjaar rijden de bussen in het centrum elke tien minuten. "
        "Critici zeggen dat het geld beter besteed zou worden aan het herstellen van oude wegen. "
        "De burgemeester zei dat het plan het verkeer en de vervuiling binnen vijf jaar zal "
        "verminderen."
    ),
    "cs": (
        "Městská rada v pondělí schválila nový plán pro veřejnou dopravu. "
        "Autobusy budou v centru jezdit každých deset minut od příštího jara. "
        "Kritici říkají, že peníze by bylo lepší vynaložit na opravu starých silnic. "
        "Starosta řekl, že plán během pěti let sníží dopravu i znečištění ovzduší."
    ),
    "pl": (
        "Rada miasta zatwierdziła w poniedziałek nowy plan dla transportu publicznego. "
        "Od przyszłej wiosny autobusy będą kursować w centrum co dziesięć minut. "
        "Krytycy twierdzą, że pieniądze lepiej byłoby wydać na naprawę starych dróg. "
        "Burmistrz powiedział, że plan zmniejszy ruch i zanieczyszczenie w ciągu pięciu lat."
    ),
    "sv": (
        "Kommunfullmäktige godkände på måndagen en ny plan för kollektivtrafiken. "
        "Från och med nästa vår ska bussarna gå var tionde minut i centrum. "
        "Kritiker menar att pengarna hellre borde användas till att laga gamla vägar. "
        "Borgmästaren sade att planen kommer att minska trafiken och utsläppen inom fem år."
    ),
    "da": (
        "Byrådet vedtog mandag en ny plan for den offentlige transport. "
        "Fra næste forår skal busserne køre hvert tiende minut i centrum. "
        "Kritikere siger, at pengene hellere burde bruges på at reparere de gamle veje. "
        "Borgmesteren sagde, at planen vil mindske trafikken og forureningen inden for fem år."
    ),
    "no": (
        "Bystyret vedtok mandag en ny plan for kollektivtransporten. "
        "Fra neste vår skal bussene gå hvert tiende minutt i sentrum. "
        "Kritikere sier at pengene heller burde brukes til å reparere de gamle veiene. "
        "Ordføreren sa at planen vil redusere trafikken og forurensningen i løpet av fem år."
    ),
    "fi": (
        "Kaupunginvaltuusto hyväksyi maanantaina uuden joukkoliikennesuunnitelman. "
        "Ensi keväästä alkaen bussit kulkevat keskustassa kymmenen minuutin välein. "
        "Arvostelijoiden mukaan rahat kannattaisi käyttää vanhojen teiden korjaamiseen. "
        "Pormestari sanoi, että suunnitelma vähentää liikennettä ja saasteita viidessä vuodessa."
    ),
    "ru": (
        "В понедельник городской совет утвердил новый план развития общественного транспорта. "
        "Со следующей весны автобусы будут ходить в центре каждые десять минут. "
        "Критики считают, что деньги лучше было бы потратить на ремонт старых дорог. "
        "Мэр заявил, что план сократит пробки и загрязнение воздуха в течение пяти лет."
    ),
    "el": (
        "Το δημοτικό συμβούλιο ενέκρινε τη Δευτέρα ένα νέο σχέδιο για τις δημόσιες συγκοινωνίες. "
        "Από την επόμενη άνοιξη τα λεωφορεία θα περνούν κάθε δέκα λεπτά από το κέντρο. "
        "Οι επικριτές λένε ότι τα χρήματα θα ήταν καλύτερα να δοθούν για την επισκευή παλιών "
        "δρόμων. Ο δήμαρχος δήλωσε ότι το σχέδιο θα μειώσει την κίνηση και τη ρύπανση μέσα σε "
        "πέντε χρόνια."
    ),
    "tr": (
        "Belediye meclisi pazartesi günü toplu taşıma için yeni bir planı onayladı. "
        "Gelecek bahardan itibaren otobüsler şehir merkezinde her on dakikada bir geçecek. "
        "Eleştirmenler paranın eski yolların onarımına harcanmasının daha iyi olacağını söylüyor. "
        "Belediye başkanı planın beş yıl içinde trafiği ve kirliliği azaltacağını söyledi."
    ),
    "sl": (
        "Mestni svet je v ponedeljek potrdil nov načrt za javni prevoz. "
        "Od prihodnje pomladi bodo avtobusi v središču vozili na vsakih deset minut. "
        "Kritiki pravijo, da bi bilo denar bolje porabiti za popravilo starih cest. "
        "Župan je dejal, da bo načrt v petih letih zmanjšal promet in onesnaženje."
    ),
    "et": (
        "Linnavolikogu kiitis esmaspäeval heaks uue ühistranspordi kava. "
        "Järgmisest kevadest alates sõidavad bussid kesklinnas iga kümne minuti järel. "
        "Kriitikute sõnul oleks raha parem kulutada vanade teede parandamisele. "
        "Linnapea ütles, et kava vähendab viie aasta jooksul liiklust ja saastet."
    ),
    "zh": (
        "市议会星期一批准了一项新的公共交通计划。"
        "从明年春天开始，市中心的公共汽车每十分钟一班。"
        "批评者说，这笔钱最好用来修理旧道路。"
        "市长说，这项计划将在五年内减少交通拥堵和污染。"
    ),
    "ja": (
        "市議会は月曜日、公共交通の新しい計画を承認した。"
        "来年の春から、中心部のバスは十分ごとに運行される。"
        "批判的な人々は、その資金は古い道路の修理に使うべきだと言う。"
        "市長は、この計画によって五年以内に渋滞と汚染が減ると述べた。"
    ),
}
