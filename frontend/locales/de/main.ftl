## Der Rahmen der Seiten

nav-skip = Zum Inhalt springen
nav-label = Konto
nav-communities = Communitys
nav-materials = Materialien
nav-cases = Praxisberichte
nav-home = Startseite
nav-sign-in = Anmelden
nav-sign-out = Abmelden
nav-languages = Sprache
nav-menu = Menü
footer-powered = Betrieben mit Collegium, freier Software unter der GNU AGPL. Teil des föderierten Netzwerks von Lerngemeinschaften.

## Die Seite „Über diese Instanz“

about-stats = <strong>{ $members }</strong> { $members ->
        [one] Mitglied
       *[other] Mitglieder
    } · <strong>{ $active }</strong> in diesem Monat aktiv
about-heading = Über diese Instanz
about-address = Adresse
about-languages = Sprachen
about-contact = Kontakt
about-follow-from-anywhere = Den Personen hier können Sie von jedem Fediverse-Server aus folgen, zum Beispiel von Mastodon: Suchen Sie nach <code>@name@{ $domain }</code>.

## Anmelden und registrieren

sign-in-login = Benutzername oder E-Mail-Adresse
sign-in-password = Passwort
sign-in-no-account = Noch kein Konto? <a href="{ $url }">Erstellen Sie eines</a>.
sign-up-title = Konto erstellen
sign-up-username = Benutzername
sign-up-username-help = Buchstaben, Ziffern und Unterstriche; Punkte und Bindestriche nur dazwischen. Andere sehen Sie als @name@{ $domain }.
sign-up-email = E-Mail-Adresse
sign-up-submit = Konto erstellen
sign-out-question = In diesem Browser von { $instance } abmelden? Apps, die Sie autorisiert haben, bleiben angemeldet.

## Apps (OAuth)

authorize-title = { $app } autorisieren
authorize-question = { $app } autorisieren?
authorize-asks = <strong>{ $app }</strong> möchte Ihr Konto mit diesen Berechtigungen nutzen:
authorize-asks-website = <strong>{ $app }</strong> (<a href="{ $url }" rel="nofollow noopener">{ $url }</a>) möchte Ihr Konto mit diesen Berechtigungen nutzen:
authorize-signed-in-as = Sie sind als <strong>{ $name }</strong> (@{ $username }) angemeldet.
authorize-approve = Autorisieren
authorize-deny = Ablehnen
oauth-code-title = Autorisierungscode
oauth-code-copy = Kopieren Sie diesen Code und fügen Sie ihn in <strong>{ $app }</strong> ein:
oauth-code-help = Der Code gilt nur einmal und nur zehn Minuten lang.

## Beiträge schreiben und lesen

compose-label = Beitrag schreiben
compose-placeholder = Teilen Sie eine Idee mit Kolleginnen und Kollegen. @name@domain erwähnt jemanden, #thema fügt einen Hashtag hinzu.
compose-content-warning = Inhaltswarnung (optional)
compose-visibility = Wer kann ihn sehen?
compose-visibility-public = Alle
compose-visibility-unlisted = Alle, aber nicht in öffentlichen Timelines
compose-visibility-private = Nur Follower
compose-visibility-direct = Nur die erwähnten Personen
compose-post = Veröffentlichen
timeline-heading = Ihre Timeline
timeline-empty = Hier ist noch nichts. Folgen Sie Kolleginnen und Kollegen, um ihre Beiträge zu sehen.
post-visibility-public = öffentlich
post-visibility-unlisted = nicht gelistet
post-visibility-private = nur für Follower
post-visibility-direct = nur für erwähnte Personen
post-boosted-by = geteilt von { $name }
post-remove-reason = Grund für das Entfernen
post-remove = Entfernen
post-counts = { $replies ->
        [one] { $replies } Antwort
       *[other] { $replies } Antworten
    } · { $favourites } ★ · { $reblogs ->
        [one] { $reblogs }-mal geteilt
       *[other] { $reblogs }-mal geteilt
    }
thread-title = { $name }: Beitrag
thread-post-by = Beitrag von { $name }
thread-in-community = In <a href="{ $url }">{ $title }</a>
thread-comment = Kommentar
thread-reply = Antworten
thread-pinned = Von der Moderation angeheftet.
thread-locked = Diese Diskussion ist geschlossen: Neue Kommentare sind nicht möglich.
thread-lock = Diskussion schließen
thread-unlock = Diskussion wieder öffnen
thread-pin = Diskussion anheften
thread-unpin = Nicht mehr anheften
tag-empty = Mit diesem Hashtag gibt es noch keine öffentlichen Beiträge.

## Profile

profile-fact-subjects = Fächer
profile-fact-education-levels = Bildungsstufen
profile-fact-languages = Sprachen
profile-fact-school = Schule
profile-fact-region = Region
profile-joined = Dabei seit { $date } · { $followers ->
        [one] { $followers } Follower
       *[other] { $followers } Follower
    } · folgt { $following ->
        [one] { $following } Person
       *[other] { $following } Personen
    }
profile-follow = Folgen
profile-unfollow = Entfolgen
profile-withdraw-request = Folgeanfrage zurückziehen
profile-posts = Beiträge
profile-no-posts = Keine Beiträge vorhanden.
profile-remote = Auf einem anderen Server: <a href="{ $url }" rel="nofollow noopener">zum ursprünglichen Profil</a>.

## Fehlerseiten

error-title-400 = Mit der Anfrage stimmt etwas nicht
error-text-400 = Die Seite konnte mit den gesendeten Daten nichts anfangen.
error-title-401 = Bitte melden Sie sich an
error-text-401 = Für diese Seite müssen Sie angemeldet sein.
error-title-403 = Nicht erlaubt
error-text-403 = Das dürfen Sie hier nicht tun.
error-title-404 = Nicht gefunden
error-text-404 = Unter dieser Adresse gibt es nichts.
error-title-409 = Bereits erledigt
error-text-409 = Das steht im Widerspruch zu etwas, das es schon gibt.
error-title-413 = Zu groß
error-text-413 = Die gesendeten Daten sind größer, als diese Instanz annimmt.
error-title-422 = Bitte prüfen Sie das Formular
error-text-422 = Einige Ihrer Eingaben können nicht verwendet werden.
error-title-429 = Zu viele Versuche
error-text-429 = Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.
error-title-500 = Etwas ist schiefgelaufen
error-text-500 = Der Fehler liegt bei uns, nicht bei Ihnen. Bitte versuchen Sie es gleich noch einmal.
error-back-home = Zurück zur Startseite

## Meldungen des Servers

sign-in-invalid = Benutzername, E-Mail-Adresse oder Passwort ist falsch.
sign-up-closed = Auf dieser Instanz können Sie sich nicht selbst registrieren. Bitten Sie die Administration um ein Konto.
authorize-denied = Sie haben die App nicht autorisiert.

## A post card's buttons

post-reply = Antworten ({ $count })
post-like = Gefällt mir ({ $count })
post-liked = Gefällt Ihnen ({ $count })
post-boost = Teilen ({ $count })
post-boosted = Geteilt ({ $count })
post-delete = Löschen
post-delete-title = Diesen Beitrag löschen?
post-delete-question = Er verschwindet hier und auf den Servern, die ihn haben. Das lässt sich nicht rückgängig machen.
post-delete-confirm = Löschen
post-delete-cancel = Behalten
post-unknown-action = Wählen Sie „Gefällt mir“, „Teilen“ oder „Löschen“.

## Notifications

nav-notifications = Mitteilungen
nav-notifications-unread = Mitteilungen ({ $count ->
        [100] 99+
       *[other] { $count }
    })
notifications-title = Mitteilungen
notifications-new = neu
notifications-none = Noch nichts. Wenn Ihnen jemand folgt, Sie erwähnt, Ihre Beiträge mag oder teilt, sehen Sie es hier.
notifications-follow = <a href="{ $url }">{ $name }</a> folgt Ihnen jetzt
notifications-follow_request = <a href="{ $url }">{ $name }</a> möchte Ihnen folgen
notifications-mention = <a href="{ $url }">{ $name }</a> hat Sie erwähnt
notifications-favourite = <a href="{ $url }">{ $name }</a> gefällt Ihr Beitrag
notifications-reblog = <a href="{ $url }">{ $name }</a> hat Ihren Beitrag geteilt
notifications-status = <a href="{ $url }">{ $name }</a> hat etwas veröffentlicht
notifications-collegium-remix = <a href="{ $url }">{ $name }</a> hat Ihr Material bearbeitet und neu veröffentlicht

## Search

nav-search = Suche
search-title = Suche
search-title-for = Suche: { $q }
search-label = Personen, Beiträge, Hashtags, Communitys, Materialien und Praxisberichte
search-help = Ein Name, ein Wort, #Hashtag, @name@server für jemanden auf einem anderen Server oder die Adresse eines Beitrags.
search-help-signed-out = Ein Name, ein Wort oder #Hashtag. Melden Sie sich an, um Personen und Beiträge auf anderen Servern zu finden.
search-submit = Suchen
search-nothing = Nichts gefunden für „{ $q }“.
search-people = Personen
search-a-community = eine Community
search-posts = Beiträge
search-hashtags = Hashtags
search-none-here = Keine.
search-all-communities = In den Communitys suchen
search-all-materials = In den Materialien suchen, mit Filtern
search-all-cases = In den Praxisberichten suchen, mit Filtern
search-too-long = Die Suche ist zu lang.

## The kind of a titled post on its card

post-kind-material = Unterrichtsmaterial
post-kind-case = Praxisbericht
post-kind-thread = Diskussion
post-kind-article = Artikel
post-kind-note = Beitrag

## Reporting a post

post-report = Melden
post-report-title = Diesen Beitrag melden
post-report-question = Sagen Sie der Moderation (und dem Server der Person, wenn es ein anderer ist), was daran nicht in Ordnung ist. Die Person erfährt nicht, wer gemeldet hat.
post-report-reason = Was ist nicht in Ordnung
post-report-send = Meldung senden
post-report-done = Danke. Die Meldung wurde gesendet.
post-report-back = Zurück
post-report-empty = Sagen Sie, was nicht in Ordnung ist.

## Following from another server

profile-remote-follow = Von Ihrem eigenen Server aus folgen
profile-remote-follow-help = Ihr Server, zum Beispiel mastodon.social, oder Ihre ganze Adresse @sie@ihr.server. Bestätigen Sie dort.
profile-remote-follow-invalid = Das ist keine Serveradresse wie mastodon.social.

## Editing a post

post-edit = Bearbeiten
post-edit-title = Ihren Beitrag bearbeiten
post-edit-help = Die Server, die ihn haben, erhalten die neue Fassung; die frühere bleibt im Verlauf.
post-edit-text = Text
post-edit-save = Änderung speichern
post-edit-cancel = Abbrechen

## About: privacy, imprint, rules

footer-about = Über diese Instanz
about-privacy = Datenschutz
about-imprint = Impressum
about-contact-line = Kontakt: <a href="mailto:{ $email }">{ $email }</a>
privacy-default-intro = Die Administration von { $instance } hat noch keine eigene Datenschutzerklärung verfasst. Das speichert die Software, und warum:
privacy-default-account = Ihr Konto: Benutzername, E-Mail-Adresse (um Sie zu erreichen; nie angezeigt), ein Hash Ihres Passworts, Ihre Rolle, die gewählte Sprache der Oberfläche und was Sie in Ihr Profil schreiben.
privacy-default-posts = Was Sie veröffentlichen, mögen, teilen und melden und wem Sie folgen, solange Sie es behalten; ein gelöschter Beitrag wird hier gelöscht, und die Server, die ihn haben, werden gebeten, ihn ebenfalls zu löschen.
privacy-default-federation = Nicht private Beiträge und Ihr öffentliches Profil gehen an die Server der Personen, die Ihnen folgen, und der Communitys, in denen Sie schreiben, wie bei jedem Fediverse-Server.
privacy-default-cookies = Cookies: eines, damit Sie angemeldet bleiben, eines gegen gefälschte Formulare und eines für die gewählte Sprache. Kein Tracking, keine Werbung.
privacy-default-sign-in = Anmeldeversuche mit der Adresse, von der sie kamen, für kurze Zeit, um das Erraten von Passwörtern zu verhindern.
privacy-default-rights = Sie können Ihre Beiträge jederzeit ändern oder löschen; bitten Sie die Administration, Ihr Konto zu löschen oder Ihnen Ihre Daten zu geben.
sign-up-rules = Die Regeln hier
sign-up-agree = Ich akzeptiere die Regeln und habe die <a href="{ $url }">Datenschutzerklärung</a> gelesen.
sign-up-agree-needed = Bitte akzeptieren Sie die Regeln und die Datenschutzerklärung.
picker-find = In der Liste suchen
picker-chosen = Ausgewählt: { $list }
picker-nothing-chosen = Noch nichts ausgewählt.
picker-no-match = Nichts in der Liste passt zu Ihrer Eingabe.
sign-in-pending = Ihr Konto wartet auf die Bestätigung durch die Administration; sobald es bestätigt ist, können Sie sich anmelden.
sign-in-suspended = Dieses Konto ist gesperrt. Schreiben Sie der Administration dieser Instanz, um den Grund zu erfahren.
sign-up-reason = Warum möchten Sie beitreten?
sign-up-reason-help = Die Administration liest das, bevor sie Ihr Konto bestätigt – zum Beispiel Ihre Schule und was Sie unterrichten.
sign-up-reason-needed = Sagen Sie in wenigen Worten, warum Sie beitreten möchten (höchstens 1.000 Zeichen).
sign-up-waiting = Vielen Dank. Ihr Konto wartet auf die Bestätigung durch die Administration; sobald es bestätigt ist, können Sie sich anmelden.
invalid-too-long = { $field }: bitte höchstens { $max } Zeichen.
invalid-too-many = { $field }: bitte höchstens { $max } Einträge.
invalid-item-too-long = Ein Eintrag bei „{ $field }“ ist zu lang.
invalid-blank = { $field }: Dieses Feld muss ausgefüllt werden.
invalid-choose = { $field }: Bitte wählen Sie eines aus.
invalid-not-in-list = { $field }: „{ $value }“ ist keine der Auswahlmöglichkeiten.
invalid-link = „{ $value }“ ist keine Webadresse (sie muss mit http:// oder https:// beginnen).
invalid-duration = „{ $value }“ ist keine lesbare Zeitangabe: Wählen Sie eine aus der Liste oder geben Sie Minuten an, etwa 45.
invalid-material-description-blank = Beschreiben Sie das Material in wenigen Sätzen: was es ist und wie man es nutzt.
invalid-case-summary-blank = Fassen Sie in wenigen Sätzen zusammen, was erprobt wurde und was daraus wurde.
invalid-case-intervention-blank = Beschreiben Sie, was getan wurde, mit welcher Pädagogik und welchen Aktivitäten.
invalid-original-unknown = Das Material, das hier angepasst wird, ist uns nicht bekannt.
invalid-original-itself = Ein Material kann keine Anpassung seiner selbst sein.
invalid-file-id = Eine der zu entfernenden Dateien gehört nicht zu diesem Material.
invalid-material-ambiguous = Mehrere Materialien heißen „{ $value }“: Geben Sie stattdessen die Adresse an.
invalid-material-unknown = „{ $value }“ ist kein uns bekanntes Unterrichtsmaterial: Geben Sie Titel, Adresse oder Nummer an.
invalid-language-tag = „{ $value }“ ist kein Sprachcode wie de oder pt-BR.
invalid-country = Wählen Sie das Land aus der Liste.
invalid-username = Ein Benutzername hat höchstens { $max } Zeichen: Buchstaben, Ziffern und Unterstriche, Punkte oder Bindestriche nur dazwischen.
invalid-community-name = Die Adresse einer Community hat höchstens { $max } Zeichen: Buchstaben, Ziffern und Unterstriche, Punkte oder Bindestriche nur dazwischen.
invalid-email = „{ $value }“ ist keine E-Mail-Adresse.
invalid-password-length = Das Passwort braucht mindestens { $min } Zeichen.
invalid-username-taken = Der Benutzername { $value } ist bereits vergeben.
invalid-name-or-email-taken = Dieser Benutzername oder diese E-Mail-Adresse ist bereits vergeben.
field-name = Titel
field-description = Beschreibung
field-body = Text
field-authors = Autorinnen und Autoren
field-resource-types = Materialarten
field-levels = Bildungsstufen
field-level = Bildungsstufe
field-school-subjects = Schulfächer
field-school-subject = Schulfach
field-subjects = Bildungsfelder
field-subject = Bildungsfeld
field-teaches = Vermittelte Kompetenzen
field-licence = Lizenz
field-links = Links
field-title = Titel
field-summary = Zusammenfassung
field-context = Kontext
field-problem = Problem oder Bedarf
field-intervention = Maßnahme
field-ict-tools = IKT und Werkzeuge
field-actors = Beteiligte und Rollen
field-barriers = Hindernisse
field-enablers = Förderliche Faktoren
field-evidence-kinds = Arten von Belegen
field-evidence = Art von Beleg
field-evidence-indicators = Belege der Wirkung
field-evidence-links = Links zu Belegen
field-costs = Kosten und Ressourcen
field-transfer = Bedingungen für die Übertragung
field-stage = Stufe
field-sector = Bereich
field-country = Land
field-region = Region
field-digcompedu = Digitale Kompetenzen (DigCompEdu)
field-selfie = SELFIE-Bereiche
field-materials = Verknüpfte Unterrichtsmaterialien
field-contact = Kontakt
field-text = Text
field-content-warning = Inhaltswarnung
field-rules = Regeln
field-display-name = Anzeigename
field-bio = Über Sie
field-education-levels = Bildungsstufen
field-languages = Sprachen
field-language = Sprache
field-school = Schule
field-topic = Themen
field-type = Materialart
field-remove-files = Zu entfernende Dateien
field-time-required = Benötigte Zeit
invalid-picture-local = Laden Sie das Bild auf der Einstellungsseite hoch, statt die Adresse einer Datei hier anzugeben.
invalid-not-an-image = Die Datei ist kein Bild, das wir annehmen: PNG, JPEG, GIF oder WebP.
invalid-file-kind = „{ $value }“ ist keine Dateiart, die wir annehmen: PDF, Office-Dokumente, Bilder, Audio, Video, Archive oder reiner Text.
invalid-files-at-once = Höchstens { $max } Dateien lassen sich auf einmal senden.
invalid-too-many-files = Ein Material darf höchstens { $max } Dateien und Links haben.
