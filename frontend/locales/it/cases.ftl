# Casi di innovazione: l'elenco (cases.html), il modulo (cases_form.html) e la
# pagina di un caso (cases_show.html).

## Comuni alle pagine

cases-country = Paese
cases-region = Regione
cases-sector = Settore
cases-stage = Fase di diffusione
cases-language = Lingua
cases-kinds-of-evidence = Tipi di evidenze
cases-evidence-links = Link alle evidenze
cases-licence = Licenza
cases-history = Cronologia
cases-verified-mark = <span class="badge verified">Verificato</span> da { $by } il <time datetime="{ $date_iso }">{ $date }</time>
cases-untitled = (senza titolo)
cases-place = { $region }, { $country }
cases-verified-by-someone = un facilitatore
cases-not-yours = Solo il suo autore può modificare o eliminare questo caso di innovazione

## Elenco e ricerca (cases.html)

cases-browse-title = Casi di innovazione
cases-share = Condividi un caso
cases-sign-in-to-share = <a href="{ $url }">Accedi</a> per condividere quello della tua scuola.
cases-browse-lead = Che cosa hanno sperimentato i team delle scuole, con quali strumenti, che cosa li ha ostacolati, che cosa ha fatto funzionare le cose, quali evidenze hanno e quanto si è diffusa l'esperienza. I facilitatori della comunità in cui un caso è stato pubblicato possono verificarlo.
cases-deleted = Il caso è stato eliminato.
cases-search-label = Cerca
cases-search-placeholder = es. tablet, tutoraggio tra pari, classe capovolta
cases-search-button = Cerca
cases-filter-any-country = Tutti i paesi
cases-filter-any-sector = Tutti i settori
cases-filter-any-stage = Tutte le fasi
cases-filter-level = Livello
cases-filter-any-level = Tutti i livelli
cases-filter-digcompedu = Competenza digitale (DigCompEdu)
cases-filter-any-competence = Tutte le competenze
cases-filter-selfie = Area SELFIE
cases-filter-any-area = Tutte le aree
cases-filter-evidence = Tipo di evidenza
cases-filter-any-evidence = Tutti i tipi di evidenza
cases-filter-any-language = Tutte le lingue
cases-filter-verified = Solo casi verificati da un facilitatore
cases-filter-local = Solo casi condivisi su questa istanza
cases-clear-filters = Cancella ricerca e filtri
cases-results = Risultati
cases-results-range = Risultati { $first }–{ $last }
cases-newest-range = Casi più recenti { $first }–{ $last }
cases-by-link = di <a href="{ $url }">{ $name }</a>
cases-by = di { $name }
cases-tags-label = Caratteristiche
cases-tag-stage = Fase: { $stage }
cases-none-match = Nessun caso corrisponde. Prova con altre parole o con meno filtri.
cases-no-more = Non ci sono altri casi.
cases-none-yet = Non ci sono ancora casi.
cases-share-first = <a href="{ $url }">Condividi il primo</a>.
cases-pages-label = Pagine dei risultati
cases-previous = Precedente
cases-next = Successiva

## Modulo per condividere o modificare un caso (cases_form.html)

cases-form-title-new = Condividi un caso di innovazione
cases-form-title-edit = Modifica: { $title }
cases-form-edit-lead = Salvando crei la versione { $version }. Le versioni precedenti restano nella <a href="{ $url }">cronologia</a>, i server che hanno il caso ricevono quella nuova e l'eventuale verifica resta.
cases-form-new-lead = Racconta alle altre scuole che cosa ha sperimentato il tuo team: il problema, che cosa avete fatto e con quali strumenti, che cosa vi ha ostacolato, che cosa ha fatto funzionare le cose, quali evidenze avete e quanto è costato. Vanno compilati solo i campi indicati come obbligatori; il resto aiuta i colleghi a capire se potrebbe funzionare anche da loro.
cases-form-error-help = Non è stato pubblicato nulla: correggi qui sotto e invia di nuovo il modulo. Quello che hai scritto è stato conservato.
cases-required = obbligatorio
cases-optional = facoltativo
cases-form-brief = Il caso in breve
cases-form-title = Titolo
cases-form-title-help = Ciò che gli altri vedono nei risultati di ricerca, es. «Tutoraggio tra pari con i tablet in una scuola primaria di un piccolo paese».
cases-form-summary = Sintesi
cases-form-summary-help = Poche frasi: che cosa è stato sperimentato, con chi e con quali risultati.
cases-form-language = Lingua del caso
cases-form-where = Dove e per chi
cases-form-country-unset = Non indicato
cases-form-country-help = Paesi dell'UE e del SEE e la Svizzera.
cases-form-region-help = Una regione, una provincia o una città, es. «Tirolo» o «Lione».
cases-form-levels = Livelli di istruzione (ISCED 2011)
cases-form-what = Che cosa avete fatto
cases-form-context = Contesto
cases-form-context-help = La scuola o l'ambiente e gli studenti: quanti sono, quanti anni hanno, eventuali particolarità.
cases-form-problem = Problema o bisogno
cases-form-problem-help = Che cosa volevate cambiare, e perché.
cases-form-intervention = Intervento
cases-form-intervention-help = Che cosa è stato fatto: la didattica, le attività, per quanto tempo, con quale frequenza. Una riga vuota inizia un nuovo paragrafo.
cases-form-ict-tools = Tecnologie e strumenti
cases-form-ict-tools-help = Separati da virgole, es. «Tablet, Padlet, Moodle». Al massimo { $max }.
cases-form-actors = Attori e ruoli
cases-form-actors-help = Chi ha partecipato e che cosa ha fatto ciascuno: docenti, dirigente scolastico, studenti, genitori, partner.
cases-form-obstacles = Che cosa ha ostacolato e che cosa ha aiutato
cases-form-barriers = Ostacoli
cases-form-barriers-help = Che cosa ha reso le cose difficili e come lo avete affrontato.
cases-form-enablers = Fattori abilitanti e di successo
cases-form-enablers-help = Che cosa ha fatto funzionare le cose: supporto, tempo, formazione, attrezzature, persone.
cases-form-evidence = Evidenze di impatto
cases-form-indicators = Indicatori e risultati
cases-form-indicators-help = Che cosa avete misurato o osservato e che cosa è cambiato, es. «I punteggi di lettura sono aumentati del 12% in un anno».
cases-form-evidence-links-help = Un indirizzo web per riga (http:// o https://): un rapporto, i risultati di un questionario, una valutazione. Al massimo { $max }.
cases-form-evidence-links-placeholder = https://
cases-form-spreading = Diffusione
cases-form-costs = Costi e risorse
cases-form-costs-help = Denaro, attrezzature, tempo del personale e formazione necessari.
cases-form-transfer = Condizioni per il trasferimento
cases-form-transfer-help = Che cosa servirebbe a un'altra scuola per fare lo stesso.
cases-form-stage-choose = Scegli quanto si è diffuso…
cases-form-stage-help = Da un'idea non ancora sperimentata, passando per un progetto pilota in alcune classi, fino all'intera scuola, a una regione o all'intero sistema di istruzione.
cases-form-frameworks = Quadri di riferimento
cases-form-digcompedu = Competenze digitali dei docenti (DigCompEdu) che sviluppa
cases-form-selfie = Aree SELFIE interessate
cases-form-selfie-help = Le aree di SELFIE, lo strumento di autoriflessione della Commissione europea per le scuole.
cases-form-sharing = Condivisione
cases-form-materials = Materiali didattici collegati
cases-form-materials-help = Uno per riga: il titolo di un materiale, il suo indirizzo (qui o su un altro server) o il suo numero qui. Al massimo { $max }.
cases-form-licence-choose = Scegli una licenza…
cases-form-licence-help = Che cosa possono fare gli altri con il caso. Con una licenza Creative Commons altre persone possono riutilizzarlo e tradurlo.
cases-form-licence-about = Informazioni sulle licenze
cases-form-contact = Contatto
cases-form-contact-help = Come contattare il team, es. l'indirizzo della scuola o un'e-mail. È visibile a tutti.
cases-form-community-fixed-link = Pubblicato nella comunità <a href="{ $url }">{ $name }</a>; questo non si può cambiare.
cases-form-community-fixed = Pubblicato nella comunità { $name }; questo non si può cambiare.
cases-form-no-community = Pubblicato in modo autonomo, fuori da qualsiasi comunità.
cases-form-community = Comunità
cases-form-community-none = Nessuna: pubblicalo in modo autonomo
cases-form-community-help = Se lo pubblichi in una comunità, i suoi membri lo vedono e i suoi facilitatori possono verificarlo.
cases-form-community-join = Non sei ancora membro di nessuna comunità: <a href="{ $url }">unisciti a una</a> per pubblicarci i tuoi casi, che i suoi facilitatori potranno verificare.
cases-form-community-final = Non potrai cambiarlo in seguito.
cases-form-public-edit = Salvando pubblichi la modifica: chiunque può trovare il caso e commentarlo, e arriva ai server dei tuoi follower.
cases-form-public-new = Pubblicandolo lo rendi pubblico: chiunque può trovarlo e commentarlo, e arriva ai server dei tuoi follower e ai membri della comunità.
cases-form-save = Salva le modifiche
cases-form-publish = Pubblica
cases-form-cancel = Annulla

## Pagina di un caso (cases_show.html)

cases-notice-published = Pubblicato. Ora le scuole di qui e di altri server possono trovarlo.
cases-notice-saved = Salvato come versione { $version }.
cases-notice-verified = Segnato come verificato. I membri della comunità vengono informati.
cases-notice-unverified = La verifica è stata rimossa.
cases-back = Casi di innovazione
cases-shared-by-link = Condiviso da <a href="{ $url }">{ $name }</a>
cases-shared-by = Condiviso da { $name }
cases-changed = modificato il <time datetime="{ $date_iso }">{ $date }</time>
cases-in-community-link = Pubblicato nella comunità <a href="{ $url }">{ $name }</a>
cases-in-community = Pubblicato nella comunità { $name }
cases-from-elsewhere = Condiviso da un altro server: <a href="{ $url }" rel="noopener noreferrer">vedilo lì</a>.
cases-edit = Modifica
cases-comments = Commenti ({ $count })
cases-levels = Livelli
cases-digcompedu = Competenze digitali (DigCompEdu)
cases-selfie = Aree SELFIE
cases-verified = Verificato
cases-verified-by = Verificato da { $by } il <time datetime="{ $date_iso }">{ $date }</time>
cases-not-yet = Non ancora
cases-version = Versione
cases-evidence-kinds-list = Tipi di evidenze: { $kinds }
cases-section-context = Contesto
cases-section-problem = Problema o bisogno
cases-section-intervention = Intervento
cases-section-ict-tools = Tecnologie e strumenti
cases-section-actors = Attori e ruoli
cases-section-barriers = Ostacoli
cases-section-enablers = Fattori abilitanti e di successo
cases-section-evidence = Evidenze di impatto
cases-section-costs = Costi e risorse
cases-section-transfer = Condizioni per il trasferimento
cases-section-contact = Contatto
cases-materials = Materiali didattici
cases-on-another-server = su un altro server
cases-material-unnamed = Un materiale didattico
cases-material-elsewhere = Un materiale didattico su { $host }
cases-verification = Verifica
cases-verification-done-link = <span class="badge verified">Verificato</span> da { $by } il <time datetime="{ $date_iso }">{ $date }</time>, nella comunità <a href="{ $url }">{ $name }</a>.
cases-verification-done = <span class="badge verified">Verificato</span> da { $by } il <time datetime="{ $date_iso }">{ $date }</time>, nella comunità { $name }.
cases-verification-pending-link = Non ancora verificato. I facilitatori di <a href="{ $url }">{ $name }</a> possono verificarlo dopo averlo controllato.
cases-verification-pending = Non ancora verificato. I facilitatori di { $name } possono verificarlo dopo averlo controllato.
cases-confirm-unverify = Vuoi rimuovere la verifica di «{ $title }»?
cases-unverify = Rimuovi la verifica
cases-verify = Segna come verificato
cases-unverify-help = Se la rimuovi, i membri della comunità vengono informati che il caso non è più verificato.
cases-verify-help = Il tuo nome e la data di oggi compaiono accanto al contrassegno, e i membri della comunità vengono informati.
cases-verification-unknown-action = Convalida non riuscita: scegli “verify” o “unverify”
cases-verification-no-community = Convalida non riuscita: si può verificare solo un caso pubblicato in una comunità
cases-delete = Elimina
cases-delete-warning = Eliminandolo lo togli da qui e lo comunichi agli altri server che lo hanno. Non si può annullare.
cases-confirm-delete = Vuoi eliminare definitivamente «{ $title }»?
cases-form-school-subjects = Materie scolastiche
cases-form-school-subjects-help = Le materie in cui si inserisce l’innovazione (al massimo 10). Scrivi nella casella per restringere l’elenco.
cases-form-subjects = Campi di istruzione (ISCED-F)
cases-form-subjects-help = Il campo di ogni materia scelta viene aggiunto da solo; aggiungine altri se sono pertinenti (al massimo 10).
cases-school-subjects = Materie scolastiche
cases-subjects = Campi di istruzione
cases-filter-school-subject = Materia scolastica
cases-filter-any-school-subject = Tutte le materie
cases-filter-subject = Campo di istruzione (ISCED-F)
cases-filter-any-subject = Tutti i campi
cases-form-materials-find = Cerca un materiale da collegare
cases-form-materials-find-help = Scrivi parole del titolo o della descrizione e sceglilo tra i risultati.
cases-form-materials-link = Collega «{ $name }»
cases-form-materials-linked = «{ $name }» è collegato.
cases-form-materials-already = «{ $name }» è già collegato.
cases-form-materials-none = Nessun materiale corrisponde a queste parole.
