# Was die Seiten der Materialien und Praxisberichte gemeinsam nutzen: Namen von
# Sprachen, Beschriftung der Begriffe aus den Vokabularen, Zeitangaben,
# Dateigrößen und Dateiarten.

## Sprachen (in der ein Material oder ein Praxisbericht verfasst ist)

language-sq = Albanisch
language-ar = Arabisch
language-eu = Baskisch
language-bg = Bulgarisch
language-ca = Katalanisch
language-zh = Chinesisch
language-hr = Kroatisch
language-cs = Tschechisch
language-da = Dänisch
language-nl = Niederländisch
language-en = Englisch
language-et = Estnisch
language-fi = Finnisch
language-fr = Französisch
language-gl = Galicisch
language-de = Deutsch
language-el = Griechisch
language-hu = Ungarisch
language-is = Isländisch
language-ga = Irisch
language-it = Italienisch
language-lv = Lettisch
language-lt = Litauisch
language-lb = Luxemburgisch
language-mk = Mazedonisch
language-mt = Maltesisch
language-no = Norwegisch
language-pl = Polnisch
language-pt = Portugiesisch
language-ro = Rumänisch
language-rm = Rätoromanisch
language-ru = Russisch
language-sr = Serbisch
language-sk = Slowakisch
language-sl = Slowenisch
language-es = Spanisch
language-sv = Schwedisch
language-tr = Türkisch
language-uk = Ukrainisch
vocabulary-language-tagged = { $name } ({ $tag })

## Begriffe der Vokabulare

vocabulary-isced-level = { $label } (ISCED { $code })
vocabulary-whole-area = { $code } { $label } (der ganze Bereich)
vocabulary-broad-field = { $label } (breites Feld)

## Zeitangaben

duration-years = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
    }
duration-months = { $count ->
    [one] { $count } Monat
   *[other] { $count } Monate
    }
duration-weeks = { $count ->
    [one] { $count } Woche
   *[other] { $count } Wochen
    }
duration-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
    }
duration-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
    }
duration-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
    }
duration-seconds = { $count ->
    [one] { $count } Sekunde
   *[other] { $count } Sekunden
    }

## Dateigrößen

size-bytes = { $count ->
    [one] { $count } Byte
   *[other] { $count } Byte
    }
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB

## Dateiarten

file-kind-link = Link
file-kind-pdf = PDF
file-kind-word = Word-Dokument
file-kind-excel = Excel-Tabelle
file-kind-powerpoint = PowerPoint-Präsentation
file-kind-odt = OpenDocument-Text
file-kind-ods = OpenDocument-Tabelle
file-kind-odp = OpenDocument-Präsentation
file-kind-rtf = Rich Text (RTF)
file-kind-text = Reiner Text
file-kind-zip = ZIP-Archiv
file-kind-gzip = gzip-Archiv
file-kind-7z = 7-Zip-Archiv
file-kind-tar = tar-Archiv
file-kind-image = Bild ({ $format })
file-kind-audio = Audio ({ $format })
file-kind-video = Video ({ $format })
