## The settings pages: profile, account, preferences

nav-settings = Einstellungen
settings-title = Einstellungen
settings-nav-label = Bereiche der Einstellungen
settings-nav-profile = Profil
settings-nav-account = Konto
settings-nav-preferences = Präferenzen
settings-saved = Gespeichert.
settings-save = Speichern

## Profile

settings-profile-title = Ihr Profil
settings-profile-not-saved = Ihr Profil wurde nicht gespeichert. Bitte prüfen Sie Folgendes:
settings-profile-view = Ihr öffentliches Profil ansehen
settings-display-name = Anzeigename
settings-display-name-help = Der Name, den Kolleginnen und Kollegen sehen, bis zu { $max } Zeichen. Ohne Anzeigenamen erscheinen Sie mit Ihrem Benutzernamen.
settings-bio = Über Sie
settings-bio-help = Ein paar Sätze über Sie und Ihren Unterricht, bis zu { $max } Zeichen. Eine Leerzeile beginnt einen neuen Absatz.
settings-teaching = Ihr Unterricht
settings-education-levels = Bildungsstufen
settings-languages = Sprachen, in denen Sie unterrichten oder arbeiten
settings-list-help = Trennen Sie mehrere Einträge durch Kommas.
settings-school = Schule
settings-region = Region
settings-country = Land

## Account

settings-account-title = Ihr Konto
settings-username = Benutzername
settings-email = E-Mail-Adresse
settings-email-help = Mit dieser Adresse melden Sie sich an, und unter ihr erreicht Sie die Administration.
settings-password-heading = Passwort ändern
settings-password-current = Aktuelles Passwort
settings-password-new = Neues Passwort
settings-password-new-help = Mindestens { $min } Zeichen.
settings-password-again = Neues Passwort wiederholen
settings-password-submit = Passwort ändern
settings-password-wrong = Das aktuelle Passwort ist nicht richtig. Ihr Passwort wurde nicht geändert.
settings-password-mismatch = Die beiden neuen Passwörter stimmen nicht überein. Ihr Passwort wurde nicht geändert.
settings-password-length = Das neue Passwort muss zwischen { $min } und { $max } Zeichen lang sein. Ihr Passwort wurde nicht geändert.
settings-password-wait = Zu viele falsche Passwörter. Bitte warten Sie { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    } und versuchen Sie es dann noch einmal.

## Preferences

settings-preferences-title = Präferenzen
settings-language = Sprache der Oberfläche
settings-language-browser = Die Sprache meines Browsers
settings-language-help = In dieser Sprache erscheinen die Seiten, wann immer Sie angemeldet sind, auf jedem Gerät.
settings-language-unknown = Bitte wählen Sie eine der Sprachen aus der Liste.
settings-school-subjects = Schulfächer, die Sie unterrichten
settings-school-subjects-help = Daran finden Kolleginnen und Kollegen Sie. Tippen Sie ins Feld, um die Liste einzugrenzen.
settings-other-subjects = Weitere Fächer, in Ihren eigenen Worten
settings-other-subjects-help = Was die Liste oben nicht enthält, etwa ein schuleigenes Fach. Trennen Sie mehrere durch Kommas.
settings-country-none = Keine Angabe
settings-found = Gefunden werden
settings-discoverable = Mein Profil im Verzeichnis zeigen und anderen vorschlagen
settings-indexable = Meine öffentlichen Beiträge in der Suche finden lassen
settings-pictures = Bilder
settings-pictures-help = PNG, JPEG, GIF oder WebP, jeweils bis zu { $size }.
settings-avatar = Profilbild
settings-header = Titelbild
settings-avatar-now = Ihr jetziges Profilbild
settings-header-now = Ihr jetziges Titelbild
settings-picture-none = Noch keines.
settings-picture-file = Bild auswählen
settings-picture-upload = Hochladen
settings-picture-remove = Entfernen
settings-picture-which = Geben Sie an, welches Bild geändert werden soll: das Profilbild oder das Titelbild.
settings-picture-choose = Wählen Sie zuerst ein Bild zum Hochladen aus.
settings-time-zone = Zeitzone
settings-time-zone-utc = UTC (keine gewählt)
settings-time-zone-help = Daten und Uhrzeiten auf den Seiten werden darin angezeigt.
settings-time-zone-use = Zeitzone dieses Geräts verwenden ({ $zone })
settings-time-zone-unknown = Wählen Sie eine Zeitzone aus der Liste.
settings-default-visibility = Wer Ihre neuen Beiträge sehen kann, wenn Sie nichts anderes wählen
settings-default-visibility-help = Das Eingabefeld beginnt damit, ebenso Apps, die den Server fragen.
settings-visibility-unknown = Wählen Sie aus der Liste, wer Ihre neuen Beiträge sehen kann.
settings-email-heading = E-Mail-Adresse ändern
settings-email-new = Neue E-Mail-Adresse
settings-email-submit = Adresse ändern
settings-email-wrong-password = Das Passwort stimmt nicht; die Adresse wurde nicht geändert.
settings-email-invalid = Das ist keine E-Mail-Adresse.
settings-email-taken = Diese Adresse verwendet hier bereits jemand anderes.
settings-sessions-heading = Wo Sie angemeldet sind
settings-sessions-help = Melden Sie einen Browser ab, den Sie nicht mehr nutzen oder nicht kennen.
settings-session-unknown-browser = Ein unbekannter Browser
settings-session-this-browser = dieser Browser
settings-session-since = angemeldet am { $date }
settings-session-end = Abmelden
settings-session-end-label = { $browser } abmelden, angemeldet am { $date }
settings-apps-heading = Apps, die für Sie handeln dürfen
settings-apps-none = Keine App hat Zugriff auf Ihr Konto.
settings-app-since = seit { $date } · darf { $scopes }
settings-app-revoke = Zugriff entziehen
settings-app-revoke-label = { $name } den Zugriff entziehen
settings-welcome = Willkommen! Erzählen Sie Kolleginnen und Kollegen ein wenig von sich: Ihren Namen, was und wen Sie unterrichten. Alles hier ist freiwillig und jederzeit änderbar.
