# Praxisberichte zu Innovationen: Übersicht (cases.html), Formular (cases_form.html)
# und die Seite eines Berichts (cases_show.html).

## Gemeinsam genutzt

cases-country = Land
cases-region = Region
cases-sector = Bildungsbereich
cases-stage = Verbreitungsstufe
cases-language = Sprache
cases-kinds-of-evidence = Arten von Belegen
cases-evidence-links = Links zu den Belegen
cases-licence = Lizenz
cases-history = Verlauf
cases-verified-mark = <span class="badge verified">Bestätigt</span> von { $by } am <time datetime="{ $date_iso }">{ $date }</time>
cases-untitled = (ohne Titel)
cases-place = { $region }, { $country }
cases-verified-by-someone = der Moderation
cases-not-yours = Nur wer den Praxisbericht erstellt hat, kann ihn ändern oder löschen

## Übersicht und Suche (cases.html)

cases-browse-title = Praxisberichte zu Innovationen
cases-share = Praxisbericht teilen
cases-sign-in-to-share = <a href="{ $url }">Melden Sie sich an</a>, um einen Bericht aus Ihrer eigenen Schule zu teilen.
cases-browse-lead = Was Schulteams ausprobiert haben, mit welchen Werkzeugen, was im Weg stand, was zum Gelingen beigetragen hat, welche Belege es gibt und wie weit es sich verbreitet hat. Die Moderation der Community, in der ein Bericht veröffentlicht wurde, kann ihn bestätigen.
cases-deleted = Der Praxisbericht wurde gelöscht.
cases-search-label = Suche
cases-search-placeholder = z. B. Tablets, Lernpatenschaften, Flipped Classroom
cases-search-button = Suchen
cases-filter-any-country = Alle Länder
cases-filter-any-sector = Alle Bildungsbereiche
cases-filter-any-stage = Alle Stufen
cases-filter-level = Bildungsstufe
cases-filter-any-level = Alle Bildungsstufen
cases-filter-digcompedu = Digitale Kompetenz (DigCompEdu)
cases-filter-any-competence = Alle Kompetenzen
cases-filter-selfie = SELFIE-Bereich
cases-filter-any-area = Alle Bereiche
cases-filter-evidence = Art der Belege
cases-filter-any-evidence = Alle Arten von Belegen
cases-filter-any-language = Alle Sprachen
cases-filter-verified = Nur von der Moderation bestätigte Berichte
cases-filter-local = Nur auf dieser Instanz geteilte Berichte
cases-clear-filters = Suche und Filter zurücksetzen
cases-results = Ergebnisse
cases-results-range = Ergebnisse { $first }–{ $last }
cases-newest-range = Neueste Praxisberichte { $first }–{ $last }
cases-by-link = von <a href="{ $url }">{ $name }</a>
cases-by = von { $name }
cases-tags-label = Beschrieben als
cases-tag-stage = Stufe: { $stage }
cases-none-match = Keine passenden Praxisberichte gefunden. Versuchen Sie andere Suchbegriffe oder weniger Filter.
cases-no-more = Es gibt keine weiteren Praxisberichte.
cases-none-yet = Noch keine Praxisberichte.
cases-share-first = <a href="{ $url }">Teilen Sie den ersten</a>.
cases-pages-label = Ergebnisseiten
cases-previous = Zurück
cases-next = Weiter

## Formular zum Teilen oder Ändern (cases_form.html)

cases-form-title-new = Praxisbericht zu einer Innovation teilen
cases-form-title-edit = Ändern: { $title }
cases-form-edit-lead = Beim Speichern entsteht Version { $version }. Die früheren Versionen bleiben im <a href="{ $url }">Verlauf</a> erhalten, die Server, die den Bericht haben, erhalten die neue Fassung, und eine Bestätigung bleibt bestehen.
cases-form-new-lead = Erzählen Sie anderen Schulen, was Ihr Team ausprobiert hat: das Problem, was Sie getan haben und mit welchen Werkzeugen, was im Weg stand, was zum Gelingen beigetragen hat, welche Belege Sie haben und was es gekostet hat. Nur die als Pflichtfeld markierten Felder müssen ausgefüllt werden; alles Weitere hilft anderen bei der Entscheidung, ob es auch bei ihnen funktionieren würde.
cases-form-error-help = Es wurde nichts veröffentlicht: Bitte korrigieren Sie die Angabe unten und senden Sie das Formular erneut. Ihre Eingaben bleiben erhalten.
cases-required = Pflichtfeld
cases-optional = optional
cases-form-brief = Der Bericht in Kürze
cases-form-title = Titel
cases-form-title-help = Das sehen andere in den Suchergebnissen, z. B. „Lernpatenschaften mit Tablets an einer Grundschule auf dem Land“.
cases-form-summary = Zusammenfassung
cases-form-summary-help = Ein paar Sätze: was ausprobiert wurde, mit wem und was dabei herausgekommen ist.
cases-form-language = Sprache des Berichts
cases-form-where = Wo und für wen
cases-form-country-unset = Keine Angabe
cases-form-country-help = Länder der EU und des EWR sowie die Schweiz.
cases-form-region-help = Eine Region, ein Bundesland, eine Provinz oder eine Stadt, z. B. „Tirol“ oder „Lyon“.
cases-form-levels = Bildungsstufen (ISCED 2011)
cases-form-what = Was Sie getan haben
cases-form-context = Kontext
cases-form-context-help = Die Schule oder Einrichtung und die Lernenden: wie viele, wie alt, was sie besonders auszeichnet.
cases-form-problem = Problem oder Bedarf
cases-form-problem-help = Was Sie ändern wollten und warum.
cases-form-intervention = Maßnahme
cases-form-intervention-help = Was getan wurde: die Didaktik, die Aktivitäten, wie lange, wie oft. Eine Leerzeile beginnt einen neuen Absatz.
cases-form-ict-tools = Digitale Medien und Werkzeuge
cases-form-ict-tools-help = Durch Kommas getrennt, z. B. „Tablets, Padlet, Moodle“. Höchstens { $max }.
cases-form-actors = Beteiligte und Rollen
cases-form-actors-help = Wer mitgewirkt hat und was die Einzelnen getan haben: Lehrkräfte, Schulleitung, Lernende, Eltern, Partner.
cases-form-obstacles = Was im Weg stand und was geholfen hat
cases-form-barriers = Hindernisse
cases-form-barriers-help = Was es schwer gemacht hat und wie Sie damit umgegangen sind.
cases-form-enablers = Gelingensbedingungen und Erfolgsfaktoren
cases-form-enablers-help = Was zum Gelingen beigetragen hat: Unterstützung, Zeit, Fortbildung, Ausstattung, Menschen.
cases-form-evidence = Belege für die Wirkung
cases-form-indicators = Indikatoren und Ergebnisse
cases-form-indicators-help = Was Sie gemessen oder beobachtet haben und was sich verändert hat, z. B. „Die Leseleistungen stiegen in einem Jahr um 12 %“.
cases-form-evidence-links-help = Eine Webadresse pro Zeile (http:// oder https://): ein Bericht, die Ergebnisse einer Umfrage, eine Evaluation. Höchstens { $max }.
cases-form-evidence-links-placeholder = https://
cases-form-spreading = Verbreitung
cases-form-costs = Kosten und Ressourcen
cases-form-costs-help = Geld, Ausstattung, Arbeitszeit und Fortbildung, die nötig waren.
cases-form-transfer = Voraussetzungen für die Übertragung
cases-form-transfer-help = Was eine andere Schule bräuchte, um dasselbe umzusetzen.
cases-form-stage-choose = Wählen Sie, wie weit es sich verbreitet hat …
cases-form-stage-help = Von einer noch nicht erprobten Idee über ein Pilotprojekt mit einigen Klassen bis zur ganzen Schule, einer Region oder dem gesamten Bildungssystem.
cases-form-frameworks = Referenzrahmen
cases-form-digcompedu = Digitale Kompetenzen Lehrender (DigCompEdu), die damit gefördert werden
cases-form-selfie = Betroffene SELFIE-Bereiche
cases-form-selfie-help = Die Bereiche von SELFIE, dem Selbstreflexionstool der Europäischen Kommission für Schulen.
cases-form-sharing = Teilen
cases-form-materials = Verknüpfte Unterrichtsmaterialien
cases-form-materials-help = Eines pro Zeile: der Titel eines Materials, seine Adresse (hier oder auf einem anderen Server) oder seine Nummer hier. Höchstens { $max }.
cases-form-licence-choose = Wählen Sie eine Lizenz …
cases-form-licence-help = Was andere mit dem Bericht tun dürfen. Mit einer Creative-Commons-Lizenz können andere ihn weiterverwenden und übersetzen.
cases-form-licence-about = Über die Lizenzen
cases-form-contact = Kontakt
cases-form-contact-help = Wie andere das Team erreichen können, z. B. über die Adresse der Schule oder per E-Mail. Die Angabe ist für alle sichtbar.
cases-form-community-fixed-link = Veröffentlicht in der Community <a href="{ $url }">{ $name }</a>; das lässt sich nicht ändern.
cases-form-community-fixed = Veröffentlicht in der Community { $name }; das lässt sich nicht ändern.
cases-form-no-community = Eigenständig veröffentlicht, in keiner Community.
cases-form-community = Community
cases-form-community-none = Keine: eigenständig veröffentlichen
cases-form-community-help = Wird der Bericht in einer Community veröffentlicht, sehen ihn ihre Mitglieder, und die Moderation kann ihn bestätigen.
cases-form-community-join = Sie sind noch in keiner Community Mitglied: <a href="{ $url }">Treten Sie einer bei</a>, um dort Berichte zu veröffentlichen, die die Moderation dann bestätigen kann.
cases-form-community-final = Das lässt sich später nicht mehr ändern.
cases-form-public-edit = Beim Speichern wird die Änderung veröffentlicht: Alle können den Bericht finden und kommentieren, und er geht an die Server Ihrer Follower.
cases-form-public-new = Mit dem Veröffentlichen wird der Bericht öffentlich: Alle können ihn finden und kommentieren, und er geht an die Server Ihrer Follower und an die Mitglieder der Community.
cases-form-save = Änderungen speichern
cases-form-publish = Veröffentlichen
cases-form-cancel = Abbrechen

## Seite eines Praxisberichts (cases_show.html)

cases-notice-published = Veröffentlicht. Schulen hier und auf anderen Servern können den Bericht jetzt finden.
cases-notice-saved = Als Version { $version } gespeichert.
cases-notice-verified = Als bestätigt markiert. Die Mitglieder der Community werden benachrichtigt.
cases-notice-unverified = Die Bestätigung wurde zurückgenommen.
cases-back = Praxisberichte
cases-shared-by-link = Geteilt von <a href="{ $url }">{ $name }</a>
cases-shared-by = Geteilt von { $name }
cases-changed = geändert am <time datetime="{ $date_iso }">{ $date }</time>
cases-in-community-link = Veröffentlicht in der Community <a href="{ $url }">{ $name }</a>
cases-in-community = Veröffentlicht in der Community { $name }
cases-from-elsewhere = Von einem anderen Server geteilt: <a href="{ $url }" rel="noopener noreferrer">dort ansehen</a>.
cases-edit = Bearbeiten
cases-comments = Kommentare ({ $count })
cases-levels = Bildungsstufen
cases-digcompedu = Digitale Kompetenzen (DigCompEdu)
cases-selfie = SELFIE-Bereiche
cases-verified = Bestätigt
cases-verified-by = Bestätigt von { $by } am <time datetime="{ $date_iso }">{ $date }</time>
cases-not-yet = Noch nicht
cases-version = Version
cases-evidence-kinds-list = Arten von Belegen: { $kinds }
cases-section-context = Kontext
cases-section-problem = Problem oder Bedarf
cases-section-intervention = Maßnahme
cases-section-ict-tools = Digitale Medien und Werkzeuge
cases-section-actors = Beteiligte und Rollen
cases-section-barriers = Hindernisse
cases-section-enablers = Gelingensbedingungen und Erfolgsfaktoren
cases-section-evidence = Belege für die Wirkung
cases-section-costs = Kosten und Ressourcen
cases-section-transfer = Voraussetzungen für die Übertragung
cases-section-contact = Kontakt
cases-materials = Unterrichtsmaterialien
cases-on-another-server = auf einem anderen Server
cases-material-unnamed = Ein Unterrichtsmaterial
cases-material-elsewhere = Ein Unterrichtsmaterial auf { $host }
cases-verification = Bestätigung
cases-verification-done-link = <span class="badge verified">Bestätigt</span> von { $by } am <time datetime="{ $date_iso }">{ $date }</time>, in der Community <a href="{ $url }">{ $name }</a>.
cases-verification-done = <span class="badge verified">Bestätigt</span> von { $by } am <time datetime="{ $date_iso }">{ $date }</time>, in der Community { $name }.
cases-verification-pending-link = Noch nicht bestätigt. Die Moderation von <a href="{ $url }">{ $name }</a> kann den Bericht bestätigen, sobald sie ihn geprüft hat.
cases-verification-pending = Noch nicht bestätigt. Die Moderation von { $name } kann den Bericht bestätigen, sobald sie ihn geprüft hat.
cases-confirm-unverify = Die Bestätigung von „{ $title }“ zurücknehmen?
cases-unverify = Bestätigung zurücknehmen
cases-verify = Als bestätigt markieren
cases-unverify-help = Wenn Sie die Bestätigung zurücknehmen, erfahren die Mitglieder der Community, dass der Bericht nicht mehr bestätigt ist.
cases-verify-help = Ihr Name und das heutige Datum werden bei der Markierung angezeigt, und die Mitglieder der Community werden benachrichtigt.
cases-verification-unknown-action = Ungültige Angabe: Wählen Sie „verify“ oder „unverify“
cases-verification-no-community = Ungültige Angabe: Nur ein Praxisbericht, der in einer Community veröffentlicht wurde, kann bestätigt werden
cases-delete = Löschen
cases-delete-warning = Beim Löschen wird der Bericht hier entfernt, und die anderen Server, die ihn haben, werden benachrichtigt. Das lässt sich nicht rückgängig machen.
cases-confirm-delete = „{ $title }“ endgültig löschen?
cases-form-school-subjects = Schulfächer
cases-form-school-subjects-help = Die Fächer, in denen die Innovation stattfindet (höchstens 10). Tippen Sie ins Feld, um die Liste einzugrenzen.
cases-form-subjects = Bildungsfelder (ISCED-F)
cases-form-subjects-help = Das Bildungsfeld jedes gewählten Schulfachs wird automatisch ergänzt; wählen Sie weitere, wenn sie passen (höchstens 10).
cases-school-subjects = Schulfächer
cases-subjects = Bildungsfelder
cases-filter-school-subject = Schulfach
cases-filter-any-school-subject = Alle Schulfächer
cases-filter-subject = Bildungsfeld (ISCED-F)
cases-filter-any-subject = Alle Bildungsfelder
cases-form-materials-find = Material zum Verknüpfen suchen
cases-form-materials-find-help = Tippen Sie Wörter aus Titel oder Beschreibung und wählen Sie es aus den Ergebnissen.
cases-form-materials-link = „{ $name }“ verknüpfen
cases-form-materials-linked = „{ $name }“ ist verknüpft.
cases-form-materials-already = „{ $name }“ ist bereits verknüpft.
cases-form-materials-none = Kein Material passt zu diesen Wörtern.
