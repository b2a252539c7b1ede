# Ciò che condividono le pagine dei materiali e dei casi di innovazione: nomi
# delle lingue, etichette dei termini dei vocabolari, durate, dimensioni e tipi
# di file.

## Lingue (in cui è scritto un materiale o un caso di innovazione)

language-sq = Albanese
language-ar = Arabo
language-eu = Basco
language-bg = Bulgaro
language-ca = Catalano
language-zh = Cinese
language-hr = Croato
language-cs = Ceco
language-da = Danese
language-nl = Olandese
language-en = Inglese
language-et = Estone
language-fi = Finlandese
language-fr = Francese
language-gl = Galiziano
language-de = Tedesco
language-el = Greco
language-hu = Ungherese
language-is = Islandese
language-ga = Irlandese
language-it = Italiano
language-lv = Lettone
language-lt = Lituano
language-lb = Lussemburghese
language-mk = Macedone
language-mt = Maltese
language-no = Norvegese
language-pl = Polacco
language-pt = Portoghese
language-ro = Rumeno
language-rm = Romancio
language-ru = Russo
language-sr = Serbo
language-sk = Slovacco
language-sl = Sloveno
language-es = Spagnolo
language-sv = Svedese
language-tr = Turco
language-uk = Ucraino
vocabulary-language-tagged = { $name } ({ $tag })

## Termini dei vocabolari

vocabulary-isced-level = { $label } (ISCED { $code })
vocabulary-whole-area = { $code } { $label } (l'intera area)
vocabulary-broad-field = { $label } (campo generale)

## Durate

duration-years = { $count ->
    [one] { $count } anno
   *[other] { $count } anni
    }
duration-months = { $count ->
    [one] { $count } mese
   *[other] { $count } mesi
    }
duration-weeks = { $count ->
    [one] { $count } settimana
   *[other] { $count } settimane
    }
duration-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
    }
duration-hours = { $count ->
    [one] { $count } ora
   *[other] { $count } ore
    }
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minuti
    }
duration-seconds = { $count ->
    [one] { $count } secondo
   *[other] { $count } secondi
    }

## Dimensioni dei file

size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } byte
    }
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB

## Tipi di file

file-kind-link = Link
file-kind-pdf = PDF
file-kind-word = Documento Word
file-kind-excel = Foglio di calcolo Excel
file-kind-powerpoint = Presentazione PowerPoint
file-kind-odt = Testo OpenDocument
file-kind-ods = Foglio di calcolo OpenDocument
file-kind-odp = Presentazione OpenDocument
file-kind-rtf = Testo formattato (RTF)
file-kind-text = Testo semplice
file-kind-zip = Archivio ZIP
file-kind-gzip = Archivio gzip
file-kind-7z = Archivio 7-Zip
file-kind-tar = Archivio tar
file-kind-image = Immagine ({ $format })
file-kind-audio = Audio ({ $format })
file-kind-video = Video ({ $format })
