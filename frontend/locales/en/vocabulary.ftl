# Words the pages of materials and case reports share: the names of languages,
# how vocabulary terms are labelled, durations, file sizes and kinds of files.

## Languages (the language a material or a case report is written in)

language-sq = Albanian
language-ar = Arabic
language-eu = Basque
language-bg = Bulgarian
language-ca = Catalan
language-zh = Chinese
language-hr = Croatian
language-cs = Czech
language-da = Danish
language-nl = Dutch
language-en = English
language-et = Estonian
language-fi = Finnish
language-fr = French
language-gl = Galician
language-de = German
language-el = Greek
language-hu = Hungarian
language-is = Icelandic
language-ga = Irish
language-it = Italian
language-lv = Latvian
language-lt = Lithuanian
language-lb = Luxembourgish
language-mk = Macedonian
language-mt = Maltese
language-no = Norwegian
language-pl = Polish
language-pt = Portuguese
language-ro = Romanian
language-rm = Romansh
language-ru = Russian
language-sr = Serbian
language-sk = Slovak
language-sl = Slovenian
language-es = Spanish
language-sv = Swedish
language-tr = Turkish
language-uk = Ukrainian
# A language with a regional tag: $name (the language's name), $tag ("pt-BR").
vocabulary-language-tagged = { $name } ({ $tag })

## Terms of the vocabularies

# An education level: $label (its name), $code (its ISCED number).
vocabulary-isced-level = { $label } (ISCED { $code })
# A DigCompEdu area offered as a choice of its own, besides its competences:
# $code ("2"), $label (the area's name).
vocabulary-whole-area = { $code } { $label } (the whole area)
# An ISCED-F broad field offered as a choice of its own, besides its narrower fields.
vocabulary-broad-field = { $label } (broad field)

## Durations ("1 hour 30 minutes" is two of them, one after the other)

# $count: how many (a whole number, or a decimal one such as 1.5).
duration-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
    }
duration-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
    }
duration-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
    }
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
    }
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
    }
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
    }
duration-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
    }

## File sizes

# $count: how many bytes (under 1024).
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
    }
# $size: the number, already written with this language's decimal separator ("1.5").
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB

## Kinds of files

# A file that is a link to another site rather than an upload.
file-kind-link = Link
file-kind-pdf = PDF
file-kind-word = Word document
file-kind-excel = Excel spreadsheet
file-kind-powerpoint = PowerPoint presentation
file-kind-odt = OpenDocument text
file-kind-ods = OpenDocument spreadsheet
file-kind-odp = OpenDocument presentation
file-kind-rtf = Rich text (RTF)
file-kind-text = Plain text
file-kind-zip = ZIP archive
file-kind-gzip = gzip archive
file-kind-7z = 7-Zip archive
file-kind-tar = tar archive
# $format: the file format in capitals ("PNG", "MP3", "WEBM").
file-kind-image = Image ({ $format })
file-kind-audio = Audio ({ $format })
file-kind-video = Video ({ $format })
