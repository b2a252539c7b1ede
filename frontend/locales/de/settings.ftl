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
settings-subjects = Fächer
settings-education-levels = Bildungsstufen
settings-languages = Sprachen, in denen Sie unterrichten oder arbeiten
settings-list-help = Trennen Sie mehrere Einträge durch Kommas.
settings-school = Schule
settings-region = Region
settings-country = Land
settings-country-help = Der zweistellige Code des Landes, etwa AT, DE, FR oder IT.

## Account

settings-account-title = Ihr Konto
settings-username = Benutzername
settings-email = E-Mail-Adresse
settings-email-help = Mit dieser Adresse können Sie sich anmelden. Um sie zu ändern, wenden Sie sich an die Administration dieser Instanz.
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
