# Ce que partagent les pages des ressources et des retours d'expérience : noms des
# langues, libellés des termes des vocabulaires, durées, tailles et types de
# fichiers.

## Langues (dans laquelle une ressource ou un retour d'expérience est rédigé)

language-sq = Albanais
language-ar = Arabe
language-eu = Basque
language-bg = Bulgare
language-ca = Catalan
language-zh = Chinois
language-hr = Croate
language-cs = Tchèque
language-da = Danois
language-nl = Néerlandais
language-en = Anglais
language-et = Estonien
language-fi = Finnois
language-fr = Français
language-gl = Galicien
language-de = Allemand
language-el = Grec
language-hu = Hongrois
language-is = Islandais
language-ga = Irlandais
language-it = Italien
language-lv = Letton
language-lt = Lituanien
language-lb = Luxembourgeois
language-mk = Macédonien
language-mt = Maltais
language-no = Norvégien
language-pl = Polonais
language-pt = Portugais
language-ro = Roumain
language-rm = Romanche
language-ru = Russe
language-sr = Serbe
language-sk = Slovaque
language-sl = Slovène
language-es = Espagnol
language-sv = Suédois
language-tr = Turc
language-uk = Ukrainien
vocabulary-language-tagged = { $name } ({ $tag })

## Termes des vocabulaires

vocabulary-isced-level = { $label } (ISCED { $code })
vocabulary-whole-area = { $code } { $label } (tout le domaine)
vocabulary-broad-field = { $label } (grand domaine)

## Durées

duration-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
    }
duration-months = { $count ->
    [one] { $count } mois
   *[other] { $count } mois
    }
duration-weeks = { $count ->
    [one] { $count } semaine
   *[other] { $count } semaines
    }
duration-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
    }
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
    }
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
    }
duration-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
    }

## Tailles de fichiers

size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
    }
size-kb = { $size } Ko
size-mb = { $size } Mo
size-gb = { $size } Go

## Types de fichiers

file-kind-link = Lien
file-kind-pdf = PDF
file-kind-word = Document Word
file-kind-excel = Feuille de calcul Excel
file-kind-powerpoint = Présentation PowerPoint
file-kind-odt = Texte OpenDocument
file-kind-ods = Feuille de calcul OpenDocument
file-kind-odp = Présentation OpenDocument
file-kind-rtf = Texte enrichi (RTF)
file-kind-text = Texte brut
file-kind-zip = Archive ZIP
file-kind-gzip = Archive gzip
file-kind-7z = Archive 7-Zip
file-kind-tar = Archive tar
file-kind-image = Image ({ $format })
file-kind-audio = Audio ({ $format })
file-kind-video = Vidéo ({ $format })
