## Das Verzeichnis

communities-search = Suche
communities-language = Sprache
communities-country = Land
communities-topic = Thema
communities-filter = Filtern
communities-open = Eine Community gründen
communities-new-name = Name (ihre Adresse: @name@{ $domain })
communities-new-title = Titel
communities-new-summary = Worum es geht
communities-new-languages = Sprachen (Kürzel, durch Kommas getrennt, z. B. de, it)
communities-new-country = Land (zwei Buchstaben)
communities-new-topics = Themen (durch Kommas getrennt)
communities-new-submit = Gründen
communities-needs-approval = Beitritt nach Freigabe
communities-none = Keine passenden Communitys gefunden.

## Die Seite einer Community

community-members = { $count } { $count ->
        [one] Mitglied
       *[other] Mitglieder
    }
community-languages = Sprachen
community-region = Region
community-topics = Themen
community-rules = Regeln
community-leave = Community verlassen
community-withdraw-request = Beitrittsanfrage zurückziehen
community-ask-to-join = Beitritt anfragen
community-join = Beitreten
community-moderation-queue = Moderationswarteschlange
community-sign-in-to-join = <a href="{ $url }">Melden Sie sich an</a>, um beizutreten.
community-start-thread = Neue Diskussion beginnen
community-thread-title = Titel
community-thread-body = Text
community-threads = Diskussionen
community-pinned = Angeheftet:
community-untitled = (ohne Titel)
community-thread-meta = von @{ $author } · { $date } · { $comments } { $comments ->
        [one] Kommentar
       *[other] Kommentare
    }
community-thread-locked = geschlossen
community-no-threads = Noch keine Diskussionen.
community-log = Moderationsprotokoll
community-log-by = von @{ $who }
community-log-empty = Noch keine Einträge.
community-log-create = Community gegründet
community-log-remove_post = Beitrag entfernt
community-log-restore_post = Beitrag wiederhergestellt
community-log-lock = Diskussion geschlossen
community-log-unlock = Diskussion wieder geöffnet
community-log-pin = Diskussion angeheftet
community-log-unpin = Anheften aufgehoben
community-log-ban = Person gesperrt
community-log-unban = Sperre aufgehoben
community-log-add_facilitator = Person zur Moderation hinzugefügt
community-log-remove_facilitator = Person aus der Moderation entfernt

## Moderation

moderation-title = Moderation: { $community }
moderation-heading = Moderation: <a href="{ $url }">{ $community }</a>
moderation-pictures = Profilbild und Titelbild
moderation-pictures-help = PNG, JPEG, GIF oder WebP, höchstens { $kib } KiB. Die Server der Mitglieder übernehmen die Änderung.
moderation-icon = Profilbild
moderation-banner = Titelbild
moderation-current-icon = Das aktuelle Profilbild
moderation-current-banner = Das aktuelle Titelbild
moderation-upload-icon = Profilbild hochladen
moderation-upload-banner = Titelbild hochladen
moderation-remove-icon = Profilbild entfernen
moderation-remove-banner = Titelbild entfernen
moderation-reports = Offene Meldungen
moderation-report = @{ $reporter } hat @{ $target } gemeldet: { $reason }
moderation-report-post = @{ $reporter } hat @{ $target } gemeldet (Beitrag { $post }): { $reason }
moderation-no-reports = Keine offenen Meldungen.
moderation-requests = Beitrittsanfragen
moderation-approve = Annehmen
moderation-reject = Ablehnen
moderation-no-requests = Niemand wartet.
moderation-bans = Sperren
moderation-ban-until = bis { $date }
moderation-no-bans = Niemand ist gesperrt.

## Meldungen des Servers

communities-only-facilitators = Nur die Moderation und die Administration können Communitys gründen
community-banned = Sie sind in dieser Community gesperrt
moderation-unknown-action = Wählen Sie „Entfernen“, „Schließen“, „Wieder öffnen“, „Anheften“ oder „Nicht mehr anheften“
moderation-choose-image = Wählen Sie ein Bild zum Hochladen aus

moderation-remove-title = Diesen Beitrag entfernen?
moderation-remove-question = Er verschwindet aus { $community }, hier und auf den Servern der Mitglieder. Das Moderationsprotokoll hält Ihre Begründung fest.
moderation-remove-confirm = Entfernen

moderation-resolve = Als erledigt markieren
moderation-ban-who = Jemanden sperren
moderation-ban-who-help = Der Benutzername hier oder name@server für jemanden auf einem anderen Server.
moderation-ban-reason = Begründung (wird der Person mitgeteilt)
moderation-ban-days = Für wie viele Tage
moderation-ban-days-help = Leer lassen, um bis auf Weiteres zu sperren.
moderation-ban-submit = Sperren
moderation-ban-unknown = Niemand mit diesem Namen ist hier bekannt.
moderation-ban-days-invalid = Geben Sie eine Zahl von 1 bis 3650 Tagen an oder lassen Sie das Feld leer.
