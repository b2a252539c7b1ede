# Unterrichtsmaterialien: Übersicht und Suche, Formular, Seite eines Materials,
# Verlauf der Versionen (eines Materials oder eines Praxisberichts).

## Gemeinsam genutzt

materials-untitled = (ohne Titel)
materials-original-unnamed = ein Material
materials-original-elsewhere = ein Material auf { $host }
materials-not-yours = Nur wer das Material erstellt hat, kann es ändern oder löschen

## Übersicht und Suche

materials-browse-title = Unterrichtsmaterialien
materials-share-button = Material teilen
materials-sign-in-to-share = <a href="{ $url }">Melden Sie sich an</a>, um eigene Materialien zu teilen.
materials-deleted = Das Material wurde gelöscht.
materials-search-label = Suche
materials-search-placeholder = z. B. Brüche, Fotosynthese, Debatte
materials-filter-type = Art
materials-filter-any-type = Alle Arten
materials-filter-level = Bildungsstufe
materials-filter-any-level = Alle Bildungsstufen
materials-filter-subject = Bildungsfeld (ISCED-F)
materials-filter-any-subject = Alle Bildungsfelder
materials-filter-competence = Digitale Kompetenz (DigCompEdu)
materials-filter-any-competence = Alle Kompetenzen
materials-filter-language = Sprache
materials-filter-any-language = Alle Sprachen
materials-filter-licence = Lizenz
materials-filter-any-licence = Alle Lizenzen
materials-filter-local = Nur Materialien, die auf dieser Instanz geteilt wurden
materials-search-button = Suchen
materials-clear-filters = Suche und Filter zurücksetzen
materials-results-range = Ergebnisse { $first }–{ $last }
materials-newest-range = Neueste Materialien { $first }–{ $last }
materials-results = Ergebnisse
materials-by = von { $authors }
materials-shared-by-link = geteilt von <a href="{ $url }">@{ $acct }</a>
materials-shared-by = geteilt von @{ $acct }
materials-remix-of-link = Remix von <a href="{ $url }">{ $name }</a>
materials-remix-of = Remix von { $name }
materials-tags-label = Merkmale
materials-none-match = Keine passenden Materialien gefunden. Versuchen Sie andere Suchbegriffe oder weniger Filter.
materials-no-more = Es gibt keine weiteren Materialien.
materials-none-yet = Noch keine Materialien.
materials-share-first = <a href="{ $url }">Teilen Sie das erste</a>.
materials-pages-label = Ergebnisseiten
materials-previous = Zurück
materials-next = Weiter

## Formular zum Teilen, Anpassen oder Ändern eines Materials

materials-form-edit-title = Ändern: { $name }
materials-form-remix-title = Anpassen: { $name }
materials-form-new-title = Unterrichtsmaterial teilen
materials-form-edit-lead = Beim Speichern entsteht Version { $version }. Die früheren Versionen bleiben im <a href="{ $url }">Verlauf</a> erhalten, und die Server, auf denen das Material liegt, erhalten die neue.
materials-form-remix-lead = Das Formular ist mit den Angaben aus <a href="{ $url }">dem Original</a> ausgefüllt: Ändern Sie, was Sie angepasst haben. Ihre Fassung verweist auf das Original, und wer es erstellt hat, wird benachrichtigt.
materials-form-original-licence = Lizenz des Originals: { $licence }.
materials-form-note-no-derivatives = Seine Lizenz erlaubt es nicht, bearbeitete Fassungen weiterzugeben (Keine Bearbeitungen): Bitten Sie die Autorinnen und Autoren um Erlaubnis, bevor Sie Ihre Anpassung veröffentlichen.
materials-form-note-all-rights-reserved = Die Autorinnen und Autoren behalten sich alle Rechte vor: Bitten Sie sie um Erlaubnis, bevor Sie Ihre Anpassung veröffentlichen.
materials-form-note-share-alike = Seine Lizenz verlangt die Weitergabe unter gleichen Bedingungen (ShareAlike): Veröffentlichen Sie Ihre Anpassung unter derselben Lizenz.
materials-form-new-lead = Eine Unterrichtsplanung, ein Arbeitsblatt, eine Präsentation, ein Projekt … Lehrkräfte hier und auf anderen Servern können es finden, nutzen, kommentieren und anpassen.
materials-form-files-lost = Die ausgewählten Dateien wurden nicht übernommen: Wählen Sie sie erneut aus, bevor Sie das Formular absenden.
materials-form-about = Worum es geht
materials-form-name = Titel
materials-form-name-help = Das sehen Lehrkräfte in den Suchergebnissen, z. B. „Bruchrechnen mit Pizza: ein Arbeitsblatt für die 4. Klasse“.
materials-form-description = Kurzbeschreibung
materials-form-description-help = Ein paar Sätze: was es ist, für wen es gedacht ist und wie man es einsetzt.
materials-form-body = Das Material selbst
materials-form-optional = optional
materials-form-body-help = Anleitungen, Arbeitsschritte, Fragen, der Text eines Arbeitsblatts … Eine Leerzeile beginnt einen neuen Absatz; Webadressen werden zu Links. Lassen Sie das Feld leer, wenn alles in den Dateien steht.
materials-form-language = Sprache
materials-form-authors = Autorinnen und Autoren
materials-form-authors-help = Namen, durch Kommas getrennt.
materials-form-licence = Lizenz
materials-form-choose-licence = Lizenz wählen …
materials-form-licence-help = Was andere damit tun dürfen. Mit Creative-Commons-Lizenzen können Lehrkräfte Ihre Arbeit weiterverwenden und anpassen; mit CC BY-SA bleiben auch ihre Bearbeitungen frei.
materials-form-licence-link = Über die Lizenzen
materials-form-audience = Zielgruppe
materials-form-types = Art des Materials
materials-form-levels = Bildungsstufen (ISCED 2011)
materials-form-subjects = Bildungsfelder (ISCED-F)
materials-form-subjects-help = Das Bildungsfeld jedes gewählten Schulfachs wird automatisch ergänzt; wählen Sie weitere, wenn sie passen (höchstens 10).
materials-form-time = Zeitbedarf
materials-form-time-none = Keine Angabe
materials-form-time-other = Andere Dauer
materials-form-time-other-placeholder = z. B. 50 oder PT1H15M
materials-form-time-other-help = Minuten (50) oder eine Dauer nach ISO 8601: PT1H15M sind 1 Stunde 15 Minuten, P3D sind 3 Tage. Ist das Feld ausgefüllt, gilt es statt der Auswahl.
materials-form-time-other-choice = Andere Dauer (unten)
materials-form-teaches = Was es vermittelt
materials-form-competences = Digitale Kompetenzen Lehrender (DigCompEdu), für Materialien zur Fortbildung von Lehrkräften
materials-form-teaches-text = Vermittelte Fähigkeiten oder Themen
materials-form-teaches-text-help = Eine Angabe pro Zeile, z. B. „Brüche addieren“ oder „Argumentierendes Schreiben“. Zusammen mit den Kompetenzen oben höchstens 10.
materials-form-files-and-links = Dateien und Links
materials-form-files-now = Aktuelle Dateien
materials-form-remove-file = { $name } entfernen
materials-form-add-files = Dateien hinzufügen
materials-form-files = Dateien
materials-form-files-help =
    PDF, Office-Dokumente (Word, Excel, PowerPoint, OpenDocument, RTF), Bilder (PNG, JPEG, GIF, WebP), Audio (MP3, Ogg, WAV, M4A, FLAC), Video (MP4, WebM), Archive (ZIP, gzip, 7z, tar) und reiner Text. { $at_once ->
        [one] Eine Datei auf einmal, höchstens { $size }
       *[other] Bis zu { $at_once } Dateien auf einmal, jede höchstens { $size }
    }; ein Material hat insgesamt höchstens { $max ->
        [one] eine Datei oder einen Link
       *[other] { $max } Dateien und Links
    }.
materials-form-file-too-large = { $count ->
    [one] { $names } ist größer als { $size } und würde abgelehnt. Wählen Sie kleinere Dateien.
   *[other] { $names } sind größer als { $size } und würden abgelehnt. Wählen Sie kleinere Dateien.
    }
materials-form-links = Links zu Dateien an anderer Stelle
materials-form-links-help = Eine Webadresse pro Zeile (http:// oder https://), z. B. ein Video oder ein geteiltes Dokument.
materials-form-publish-note-edit = Beim Speichern wird die Änderung veröffentlicht: Alle können das Material finden, kommentieren und anpassen, und es geht an die Server Ihrer Follower.
materials-form-publish-note-new = Mit dem Veröffentlichen wird das Material öffentlich: Alle können es finden, kommentieren und anpassen, und es geht an die Server Ihrer Follower.
materials-form-save = Änderungen speichern
materials-form-publish-adaptation = Anpassung veröffentlichen
materials-form-publish = Veröffentlichen
materials-form-cancel = Abbrechen

## Seite eines Materials

materials-show-published = Veröffentlicht. Lehrkräfte hier und auf anderen Servern können es jetzt finden.
materials-show-saved = Als Version { $version } gespeichert.
materials-show-changed = geändert am <time datetime="{ $iso }">{ $date }</time>
materials-show-adapted-from-link = Angepasste Fassung von <a href="{ $url }">{ $name }</a>
materials-show-adapted-from = Angepasste Fassung von { $name }
materials-show-source = Von einem anderen Server geteilt: <a href="{ $url }" rel="noopener noreferrer">dort ansehen</a>.
materials-show-remix = Remixen
materials-show-sign-in-to-remix = Zum Remixen anmelden
materials-show-edit = Bearbeiten
materials-show-comments = Kommentare ({ $count })
materials-show-licence = Lizenz
materials-show-language = Sprache
materials-show-type = Art
materials-show-levels = Bildungsstufen
materials-show-subjects = Bildungsfelder (ISCED-F)
materials-show-competences = Digitale Kompetenzen (DigCompEdu)
materials-show-teaches = Vermittelt
materials-show-time = Zeitbedarf
materials-show-version = Version
materials-show-history = Verlauf
materials-show-body = Das Material
materials-show-files = Dateien
materials-show-file-host = auf { $host }
materials-show-download = Herunterladen
materials-show-open = Öffnen
materials-show-no-files = Keine Dateien: Alles steht auf dieser Seite.
materials-show-remixes = Remixe
materials-show-remix-elsewhere = auf einem anderen Server
materials-show-no-remixes = Noch niemand hat es angepasst.
materials-show-first-remix = <a href="{ $url }">Erstellen Sie den ersten Remix</a>.
materials-show-delete-heading = Löschen
materials-show-delete-explained = Beim Löschen werden das Material und seine Dateien hier entfernt, und die anderen Server, auf denen es liegt, werden benachrichtigt. Das lässt sich nicht rückgängig machen.
materials-show-delete-confirm = „{ $name }“ endgültig löschen?
materials-show-delete = Löschen

## Der Entwurf, den der Browser von einem Formular aufbewahrt (Materialien und Praxisberichte)

draft-kept = Entwurf in diesem Browser gespeichert ({ $time }).
draft-restored = Ihr nicht gespeicherter Entwurf vom { $time } wurde wiederhergestellt.
draft-discard = Entwurf verwerfen
draft-discarded = Der Entwurf wurde verworfen.

## Verlauf der Versionen eines Materials oder eines Praxisberichts

history-title = Verlauf: { $title }
history-lead = Alle Versionen, die neueste zuerst, so wie sie damals lauteten.
history-lead-case = Alle Versionen des Praxisberichts, die neueste zuerst, so wie sie damals lauteten.
history-version = Version { $version }
history-current = die aktuelle
history-first-published = erstmals veröffentlicht
history-changed = geändert: { $parts }
history-unchanged = keine Änderung an Text oder Angaben
history-stage = Verbreitungsstufe: { $stage }
history-licence = Lizenz: { $licence }
history-none = Es sind keine Versionen verzeichnet.

## Was sich zwischen zwei Versionen geändert hat

history-part-title = Titel
history-part-description = Beschreibung
history-part-text = Text
history-part-language = Sprache
history-part-authors = Autorinnen und Autoren
history-part-licence = Lizenz
history-part-terms = Arten, Bildungsstufen, Fächer oder Kompetenzen
history-part-teaches = was es vermittelt
history-part-time-required = Zeitbedarf
history-part-original = Original
history-part-files = Dateien
history-part-summary = Zusammenfassung
history-part-country = Land
history-part-region = Region
history-part-sector = Bildungsbereich
history-part-levels = Bildungsstufen
history-part-context = Kontext
history-part-problem = Problem oder Bedarf
history-part-intervention = Maßnahme
history-part-ict-tools = digitale Medien und Werkzeuge
history-part-actors = Beteiligte und Rollen
history-part-barriers = Hindernisse
history-part-enablers = Gelingensbedingungen und Erfolgsfaktoren
history-part-evidence-kinds = Arten von Belegen
history-part-evidence = Belege für die Wirkung
history-part-evidence-links = Links zu den Belegen
history-part-costs = Kosten und Ressourcen
history-part-transfer = Voraussetzungen für die Übertragung
history-part-stage = Verbreitungsstufe
history-part-digcompedu = DigCompEdu-Kompetenzen
history-part-selfie = SELFIE-Bereiche
history-part-linked-materials = verknüpfte Materialien
history-part-contact = Kontakt
materials-filter-school-subject = Schulfach
materials-filter-any-school-subject = Alle Schulfächer
materials-show-school-subjects = Schulfächer
materials-form-school-subjects = Schulfächer
materials-form-school-subjects-help = Kreuzen Sie jedes Fach an, für das es gedacht ist (höchstens 10). Tippen Sie ins Feld, um die Liste einzugrenzen.
history-part-school-subjects = Schulfächer
history-part-subjects = Bildungsfelder
