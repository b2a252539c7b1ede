# Lo que comparten las páginas de materiales y de casos de innovación: nombres de
# idiomas, etiquetas de los términos de los vocabularios, duraciones, tamaños y
# tipos de archivo.

## Idiomas (en el que está escrito un material o un caso de innovación)

language-sq = Albanés
language-ar = Árabe
language-eu = Euskera
language-bg = Búlgaro
language-ca = Catalán
language-zh = Chino
language-hr = Croata
language-cs = Checo
language-da = Danés
language-nl = Neerlandés
language-en = Inglés
language-et = Estonio
language-fi = Finés
language-fr = Francés
language-gl = Gallego
language-de = Alemán
language-el = Griego
language-hu = Húngaro
language-is = Islandés
language-ga = Irlandés
language-it = Italiano
language-lv = Letón
language-lt = Lituano
language-lb = Luxemburgués
language-mk = Macedonio
language-mt = Maltés
language-no = Noruego
language-pl = Polaco
language-pt = Portugués
language-ro = Rumano
language-rm = Romanche
language-ru = Ruso
language-sr = Serbio
language-sk = Eslovaco
language-sl = Esloveno
language-es = Español
language-sv = Sueco
language-tr = Turco
language-uk = Ucraniano
vocabulary-language-tagged = { $name } ({ $tag })

## Términos de los vocabularios

vocabulary-isced-level = { $label } (ISCED { $code })
vocabulary-whole-area = { $code } { $label } (toda el área)
vocabulary-broad-field = { $label } (campo amplio)

## Duraciones

duration-years = { $count ->
    [one] { $count } año
   *[other] { $count } años
    }
duration-months = { $count ->
    [one] { $count } mes
   *[other] { $count } meses
    }
duration-weeks = { $count ->
    [one] { $count } semana
   *[other] { $count } semanas
    }
duration-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
    }
duration-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
    }
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
    }
duration-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
    }

## Tamaños de archivo

size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
    }
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB

## Tipos de archivo

file-kind-link = Enlace
file-kind-pdf = PDF
file-kind-word = Documento de Word
file-kind-excel = Hoja de cálculo de Excel
file-kind-powerpoint = Presentación de PowerPoint
file-kind-odt = Texto de OpenDocument
file-kind-ods = Hoja de cálculo de OpenDocument
file-kind-odp = Presentación de OpenDocument
file-kind-rtf = Texto enriquecido (RTF)
file-kind-text = Texto sin formato
file-kind-zip = Archivo ZIP
file-kind-gzip = Archivo gzip
file-kind-7z = Archivo 7-Zip
file-kind-tar = Archivo tar
file-kind-image = Imagen ({ $format })
file-kind-audio = Audio ({ $format })
file-kind-video = Vídeo ({ $format })
