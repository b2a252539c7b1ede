# Materiali didattici: elenco e ricerca, modulo, pagina di un materiale,
# cronologia delle versioni (di un materiale o di un caso).

## In comune tra le pagine

materials-untitled = (senza titolo)
materials-original-unnamed = un materiale
materials-original-elsewhere = un materiale su { $host }
materials-not-yours = Solo il suo autore può modificare o eliminare questo materiale

## Elenco e ricerca

materials-browse-title = Materiali didattici
materials-share-button = Condividi un materiale
materials-sign-in-to-share = <a href="{ $url }">Accedi</a> per condividere i tuoi.
materials-deleted = Il materiale è stato eliminato.
materials-search-label = Cerca
materials-search-placeholder = es. frazioni, fotosintesi, dibattito
materials-filter-type = Tipo
materials-filter-any-type = Tutti i tipi
materials-filter-level = Livello
materials-filter-any-level = Tutti i livelli
materials-filter-subject = Campo di istruzione (ISCED-F)
materials-filter-any-subject = Tutti i campi
materials-filter-competence = Competenza digitale (DigCompEdu)
materials-filter-any-competence = Tutte le competenze
materials-filter-language = Lingua
materials-filter-any-language = Tutte le lingue
materials-filter-licence = Licenza
materials-filter-any-licence = Tutte le licenze
materials-filter-local = Solo i materiali condivisi su questa istanza
materials-search-button = Cerca
materials-clear-filters = Azzera ricerca e filtri
materials-results-range = Risultati { $first }–{ $last }
materials-newest-range = Materiali più recenti { $first }–{ $last }
materials-results = Risultati
materials-by = di { $authors }
materials-shared-by-link = condiviso da <a href="{ $url }">@{ $acct }</a>
materials-shared-by = condiviso da @{ $acct }
materials-remix-of-link = Remix di <a href="{ $url }">{ $name }</a>
materials-remix-of = Remix di { $name }
materials-tags-label = Caratteristiche
materials-none-match = Nessun materiale corrisponde alla ricerca. Prova con altre parole o con meno filtri.
materials-no-more = Non ci sono altri materiali.
materials-none-yet = Ancora nessun materiale.
materials-share-first = <a href="{ $url }">Condividi il primo</a>.
materials-pages-label = Pagine dei risultati
materials-previous = Precedente
materials-next = Successiva

## Modulo per condividere, adattare o modificare un materiale

materials-form-edit-title = Modifica: { $name }
materials-form-remix-title = Adattamento: { $name }
materials-form-new-title = Condividi un materiale didattico
materials-form-edit-lead = Salvando crei la versione { $version }. Le versioni precedenti restano nella <a href="{ $url }">cronologia</a> e i server che hanno il materiale ricevono quella nuova.
materials-form-remix-lead = Il modulo è già compilato con i dati dell’<a href="{ $url }">originale</a>: modifica ciò che hai adattato. La tua versione rimanda all’originale e il suo autore riceve una notifica.
materials-form-original-licence = Licenza dell’originale: { $licence }.
materials-form-note-no-derivatives = La sua licenza non consente di condividere versioni adattate (Non opere derivate): chiedi il permesso ai suoi autori prima di pubblicare il tuo adattamento.
materials-form-note-all-rights-reserved = I suoi autori si riservano tutti i diritti: chiedi loro il permesso prima di pubblicare il tuo adattamento.
materials-form-note-share-alike = La sua licenza è ShareAlike (Condividi allo stesso modo): pubblica il tuo adattamento con la stessa licenza.
materials-form-new-lead = Una progettazione didattica, una scheda, una presentazione, un progetto… I docenti qui e su altri server potranno trovarlo, usarlo, commentarlo e adattarlo.
materials-form-files-lost = I file che avevi scelto non sono stati conservati: sceglili di nuovo prima di inviare il modulo.
materials-form-about = Di cosa si tratta
materials-form-name = Titolo
materials-form-name-help = Ciò che i docenti vedono nei risultati di ricerca, es. “Le frazioni con la pizza: una scheda per la classe quarta”.
materials-form-description = Breve descrizione
materials-form-description-help = Qualche frase: che cos’è, a chi è rivolto e come usarlo.
materials-form-body = Il materiale vero e proprio
materials-form-optional = facoltativo
materials-form-body-help = Istruzioni, passaggi, domande, il testo di una scheda… Una riga vuota inizia un nuovo paragrafo; gli indirizzi web diventano link. Lascia vuoto questo campo se è tutto nei file.
materials-form-language = Lingua
materials-form-authors = Autori
materials-form-authors-help = Nomi, separati da virgole.
materials-form-licence = Licenza
materials-form-choose-licence = Scegli una licenza…
materials-form-licence-help = Che cosa possono farne gli altri. Le licenze Creative Commons permettono ai docenti di riutilizzare e adattare il tuo lavoro; con CC BY-SA anche i loro adattamenti restano aperti.
materials-form-licence-link = Informazioni sulle licenze
materials-form-audience = A chi è rivolto
materials-form-types = Tipo di risorsa
materials-form-levels = Livelli di istruzione (ISCED 2011)
materials-form-subjects = Campi di istruzione (ISCED-F)
materials-form-subjects-help = Il campo di ogni materia scelta viene aggiunto da solo; aggiungine altri se sono pertinenti (al massimo 10).
materials-form-time = Durata
materials-form-time-none = Non indicata
materials-form-time-other = Altra durata
materials-form-time-other-placeholder = es. 50 o PT1H15M
materials-form-time-other-help = Minuti (50) oppure una durata ISO 8601: PT1H15M significa 1 ora e 15 minuti, P3D 3 giorni. Se compili questo campo, vale al posto della scelta.
materials-form-time-other-choice = Un’altra durata (qui sotto)
materials-form-teaches = Che cosa insegna
materials-form-competences = Competenze digitali dei docenti (DigCompEdu), per i materiali di formazione degli insegnanti
materials-form-teaches-text = Abilità o argomenti che insegna
materials-form-teaches-text-help = Una per riga, es. “Sommare le frazioni” o “Scrittura argomentativa”. Insieme alle competenze qui sopra, al massimo 10.
materials-form-files-and-links = File e link
materials-form-files-now = I file attuali
materials-form-remove-file = Rimuovi { $name }
materials-form-add-files = Aggiungi file
materials-form-files = File
materials-form-files-help =
    PDF, documenti d’ufficio (Word, Excel, PowerPoint, OpenDocument, RTF), immagini (PNG, JPEG, GIF, WebP), audio (MP3, Ogg, WAV, M4A, FLAC), video (MP4, WebM), archivi (ZIP, gzip, 7z, tar) e testo semplice. { $at_once ->
        [one] Un file alla volta, al massimo di { $size }
       *[other] Fino a { $at_once } file alla volta, ciascuno al massimo di { $size }
    }; un materiale può avere in tutto al massimo { $max ->
        [one] un file o link
       *[other] { $max } tra file e link
    }.
materials-form-file-too-large = { $count ->
    [one] { $names } supera { $size } e verrebbe rifiutato. Scegli file più piccoli.
   *[other] { $names } superano { $size } e verrebbero rifiutati. Scegli file più piccoli.
    }
materials-form-links = Link a file su altri siti
materials-form-links-help = Un indirizzo web per riga (http:// o https://), es. un video o un documento condiviso.
materials-form-publish-note-edit = Salvando pubblichi la modifica: chiunque può trovare il materiale, commentarlo e adattarlo, e viene inviato ai server di chi ti segue.
materials-form-publish-note-new = Pubblicando rendi pubblico il materiale: chiunque può trovarlo, commentarlo e adattarlo, e viene inviato ai server di chi ti segue.
materials-form-save = Salva le modifiche
materials-form-publish-adaptation = Pubblica l’adattamento
materials-form-publish = Pubblica
materials-form-cancel = Annulla

## Pagina di un materiale

materials-show-published = Pubblicato. Ora i docenti qui e su altri server possono trovarlo.
materials-show-saved = Salvato come versione { $version }.
materials-show-changed = modificato il <time datetime="{ $iso }">{ $date }</time>
materials-show-adapted-from-link = Adattato da <a href="{ $url }">{ $name }</a>
materials-show-adapted-from = Adattato da { $name }
materials-show-source = Condiviso da un altro server: <a href="{ $url }" rel="noopener noreferrer">vedilo lì</a>.
materials-show-remix = Fai un remix
materials-show-sign-in-to-remix = Accedi per fare un remix
materials-show-edit = Modifica
materials-show-comments = Commenti ({ $count })
materials-show-licence = Licenza
materials-show-language = Lingua
materials-show-type = Tipo
materials-show-levels = Livelli
materials-show-subjects = Campi di istruzione (ISCED-F)
materials-show-competences = Competenze digitali (DigCompEdu)
materials-show-teaches = Insegna
materials-show-time = Durata
materials-show-version = Versione
materials-show-history = Cronologia
materials-show-body = Il materiale
materials-show-files = File
materials-show-file-host = su { $host }
materials-show-download = Scarica
materials-show-open = Apri
materials-show-no-files = Nessun file: è tutto in questa pagina.
materials-show-remixes = Remix
materials-show-remix-elsewhere = su un altro server
materials-show-no-remixes = Nessuno l’ha ancora adattato.
materials-show-first-remix = <a href="{ $url }">Fai il primo remix</a>.
materials-show-delete-heading = Elimina
materials-show-delete-explained = Se lo elimini, il materiale e i suoi file vengono rimossi da qui e gli altri server che lo hanno ricevono un avviso. L’operazione non si può annullare.
materials-show-delete-confirm = Eliminare definitivamente “{ $name }”?
materials-show-delete = Elimina

## La bozza di un modulo che il browser conserva (materiali e casi di innovazione)

draft-kept = Bozza salvata in questo browser ({ $time }).
draft-restored = La tua bozza non salvata del { $time } è stata ripristinata.
draft-discard = Elimina la bozza
draft-discarded = La bozza è stata eliminata.

## Cronologia delle versioni di un materiale o di un caso

history-title = Cronologia: { $title }
history-lead = Tutte le versioni, dalla più recente, così come erano allora.
history-lead-case = Tutte le versioni del caso, dalla più recente, così come erano allora.
history-version = Versione { $version }
history-current = quella attuale
history-first-published = prima pubblicazione
history-changed = modifiche: { $parts }
history-unchanged = nessuna modifica al testo o ai dati
history-stage = Fase di diffusione: { $stage }
history-licence = Licenza: { $licence }
history-none = Non è registrata nessuna versione.

## Che cosa è cambiato tra due versioni

history-part-title = titolo
history-part-description = descrizione
history-part-text = testo
history-part-language = lingua
history-part-authors = autori
history-part-licence = licenza
history-part-terms = tipi, livelli, materie o competenze
history-part-teaches = che cosa insegna
history-part-time-required = durata
history-part-original = originale
history-part-files = file
history-part-summary = sintesi
history-part-country = paese
history-part-region = regione
history-part-sector = settore
history-part-levels = livelli
history-part-context = contesto
history-part-problem = problema o bisogno
history-part-intervention = intervento
history-part-ict-tools = tecnologie e strumenti
history-part-actors = attori e ruoli
history-part-barriers = ostacoli
history-part-enablers = fattori abilitanti e di successo
history-part-evidence-kinds = tipi di evidenze
history-part-evidence = evidenze di impatto
history-part-evidence-links = link alle evidenze
history-part-costs = costi e risorse
history-part-transfer = condizioni per il trasferimento
history-part-stage = fase di diffusione
history-part-digcompedu = competenze DigCompEdu
history-part-selfie = aree SELFIE
history-part-linked-materials = materiali didattici collegati
history-part-contact = contatto
materials-filter-school-subject = Materia scolastica
materials-filter-any-school-subject = Tutte le materie
materials-show-school-subjects = Materie scolastiche
materials-form-school-subjects = Materie scolastiche
materials-form-school-subjects-help = Spunta ogni materia a cui è destinato (al massimo 10). Scrivi nella casella per restringere l’elenco.
history-part-school-subjects = materie scolastiche
history-part-subjects = campi di istruzione
