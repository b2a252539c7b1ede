## La cornice delle pagine

nav-skip = Vai al contenuto
nav-label = Account
nav-communities = Comunità
nav-materials = Materiali
nav-cases = Casi di innovazione
nav-home = Home
nav-sign-in = Accedi
nav-sign-out = Esci
nav-languages = Lingua
nav-menu = Menu
footer-powered = Basato su Collegium, software libero con licenza GNU AGPL. Fa parte della rete federata delle comunità di apprendimento.

## La pagina di presentazione

about-stats = <strong>{ $members }</strong> { $members ->
        [one] membro
       *[other] membri
    } · <strong>{ $active }</strong> { $active ->
        [one] attivo
       *[other] attivi
    } questo mese
about-heading = Informazioni su questa istanza
about-address = Indirizzo
about-languages = Lingue
about-contact = Contatti
about-follow-from-anywhere = Puoi seguire le persone iscritte qui da qualsiasi server del Fediverse, come Mastodon: cerca <code>@nome@{ $domain }</code>.

## Accesso e registrazione

sign-in-login = Nome utente o indirizzo email
sign-in-password = Password
sign-in-no-account = Non hai ancora un account? <a href="{ $url }">Creane uno</a>.
sign-up-title = Crea un account
sign-up-username = Nome utente
sign-up-username-help = Lettere, numeri e trattini bassi; punti e trattini solo in mezzo. Gli altri ti vedranno come @nome@{ $domain }.
sign-up-email = Indirizzo email
sign-up-submit = Crea l'account
sign-out-question = Vuoi uscire da { $instance } su questo browser? Le app che hai autorizzato restano collegate.

## App (OAuth)

authorize-title = Autorizza { $app }
authorize-question = Vuoi autorizzare { $app }?
authorize-asks = <strong>{ $app }</strong> chiede di usare il tuo account con queste autorizzazioni:
authorize-asks-website = <strong>{ $app }</strong> (<a href="{ $url }" rel="nofollow noopener">{ $url }</a>) chiede di usare il tuo account con queste autorizzazioni:
authorize-signed-in-as = Hai effettuato l'accesso come <strong>{ $name }</strong> (@{ $username }).
authorize-approve = Autorizza
authorize-deny = Rifiuta
oauth-code-title = Codice di autorizzazione
oauth-code-copy = Copia questo codice e incollalo in <strong>{ $app }</strong>:
oauth-code-help = Il codice funziona una sola volta, entro dieci minuti.

## Scrivere e leggere i post

compose-label = Scrivi un post
compose-placeholder = Condividi un'idea con i colleghi. @nome@dominio menziona qualcuno, #tema aggiunge un hashtag.
compose-content-warning = Avviso sul contenuto (facoltativo)
compose-visibility = Chi può vederlo
compose-visibility-public = Tutti
compose-visibility-unlisted = Tutti, ma non nelle timeline pubbliche
compose-visibility-private = Solo i follower
compose-visibility-direct = Solo le persone menzionate
compose-post = Pubblica
timeline-heading = La tua timeline
timeline-empty = Non c'è ancora niente. Segui i tuoi colleghi per vedere i loro post.
post-visibility-public = pubblico
post-visibility-unlisted = non in elenco
post-visibility-private = solo follower
post-visibility-direct = solo persone menzionate
post-boosted-by = condiviso da { $name }
post-remove-reason = Motivo della rimozione
post-remove = Rimuovi
post-counts = { $replies ->
        [one] { $replies } risposta
       *[other] { $replies } risposte
    } · { $favourites } ★ · { $reblogs ->
        [one] { $reblogs } condivisione
       *[other] { $reblogs } condivisioni
    }
thread-title = { $name }: post
thread-post-by = Post di { $name }
thread-in-community = In <a href="{ $url }">{ $title }</a>
thread-comment = Commento
thread-reply = Rispondi
thread-pinned = Messa in evidenza dai facilitatori.
thread-locked = Questa discussione è chiusa: non si possono aggiungere commenti.
thread-lock = Chiudi la discussione
thread-unlock = Riapri la discussione
thread-pin = Metti in evidenza
thread-unpin = Togli dall'evidenza
tag-empty = Non ci sono ancora post pubblici con questo hashtag.

## Profili

profile-fact-subjects = Materie
profile-fact-education-levels = Livelli di istruzione
profile-fact-languages = Lingue
profile-fact-school = Scuola
profile-fact-region = Regione
profile-joined = Membro da { $date } · { $followers ->
        [one] { $followers } follower
       *[other] { $followers } follower
    } · segue { $following ->
        [one] { $following } persona
       *[other] { $following } persone
    }
profile-follow = Segui
profile-unfollow = Non seguire più
profile-withdraw-request = Ritira la richiesta di follow
profile-posts = Post
profile-no-posts = Nessun post da mostrare.
profile-remote = Su un altro server: <a href="{ $url }" rel="nofollow noopener">vedi il profilo originale</a>.

## Pagine di errore

error-title-400 = C'è un problema con la richiesta
error-text-400 = La pagina non ha capito che cosa è stato inviato.
error-title-401 = Accedi per continuare
error-text-401 = Per vedere questa pagina devi aver effettuato l'accesso.
error-title-403 = Non consentito
error-text-403 = Qui non puoi farlo.
error-title-404 = Pagina non trovata
error-text-404 = A questo indirizzo non c'è niente.
error-title-409 = Già fatto
error-text-409 = È in conflitto con qualcosa che esiste già.
error-title-413 = Troppo grande
error-text-413 = Ciò che hai inviato supera il limite accettato da questa istanza.
error-title-422 = Controlla il modulo
error-text-422 = Alcuni dei dati inseriti non si possono usare.
error-title-429 = Troppi tentativi
error-text-429 = Aspetta un po' e riprova.
error-title-500 = Qualcosa è andato storto
error-text-500 = È colpa nostra, non tua. Riprova tra un momento.
error-back-home = Torna alla pagina iniziale

## Messaggi del server

sign-in-invalid = Nome utente, indirizzo email o password non validi.
sign-up-closed = Questa istanza non accetta nuove registrazioni. Chiedi un account a chi la amministra.
authorize-denied = Non hai autorizzato l'app.

## A post card's buttons

post-reply = Rispondi ({ $count })
post-like = Mi piace ({ $count })
post-liked = Ti piace ({ $count })
post-boost = Condividi ({ $count })
post-boosted = Condiviso ({ $count })
post-delete = Elimina
post-delete-title = Eliminare questo post?
post-delete-question = Sparisce qui e dai server che lo hanno ricevuto. Non si può annullare.
post-delete-confirm = Elimina
post-delete-cancel = Tienilo
post-unknown-action = Scegli «Mi piace», «Condividi» o «Elimina».

## Notifications

nav-notifications = Notifiche
nav-notifications-unread = Notifiche ({ $count ->
        [100] 99+
       *[other] { $count }
    })
notifications-title = Notifiche
notifications-new = nuova
notifications-none = Ancora niente. Quando qualcuno ti segue, ti menziona, mette mi piace o condivide i tuoi post, lo vedi qui.
notifications-follow = <a href="{ $url }">{ $name }</a> ha iniziato a seguirti
notifications-follow_request = <a href="{ $url }">{ $name }</a> chiede di seguirti
notifications-mention = <a href="{ $url }">{ $name }</a> ti ha menzionato
notifications-favourite = A <a href="{ $url }">{ $name }</a> piace il tuo post
notifications-reblog = <a href="{ $url }">{ $name }</a> ha condiviso il tuo post
notifications-status = <a href="{ $url }">{ $name }</a> ha pubblicato
notifications-collegium-remix = <a href="{ $url }">{ $name }</a> ha adattato il tuo materiale

## Search

nav-search = Cerca
search-title = Cerca
search-title-for = Cerca: { $q }
search-label = Persone, post, hashtag, comunità, materiali e casi di innovazione
search-help = Un nome, una parola, #hashtag, @nome@server per qualcuno su un altro server, o l’indirizzo di un post.
search-help-signed-out = Un nome, una parola o #hashtag. Accedi per trovare persone e post su altri server.
search-submit = Cerca
search-nothing = Nessun risultato per «{ $q }».
search-people = Persone
search-a-community = una comunità
search-posts = Post
search-hashtags = Hashtag
search-none-here = Nessuno.
search-all-communities = Cerca nelle comunità
search-all-materials = Cerca nei materiali, con i filtri
search-all-cases = Cerca nei casi di innovazione, con i filtri
search-too-long = La ricerca è troppo lunga.

## The kind of a titled post on its card

post-kind-material = Materiale didattico
post-kind-case = Caso di innovazione
post-kind-thread = Discussione
post-kind-article = Articolo
post-kind-note = Post

## Reporting a post

post-report = Segnala
post-report-title = Segnala questo post
post-report-question = Spiega ai facilitatori (e al server dell’autore, se è un altro) che cosa non va. L’autore non saprà chi lo ha segnalato.
post-report-reason = Che cosa non va
post-report-send = Invia la segnalazione
post-report-done = Grazie. La segnalazione è stata inviata.
post-report-back = Indietro
post-report-empty = Spiega che cosa non va.

## Following from another server

profile-remote-follow = Segui dal tuo server
profile-remote-follow-help = Il tuo server, per esempio mastodon.social, o il tuo indirizzo completo @tu@tuo.server. Confermi lì.
profile-remote-follow-invalid = Questo non è un indirizzo di server come mastodon.social.

## Editing a post

post-edit = Modifica
post-edit-title = Modifica il tuo post
post-edit-help = I server che lo hanno ricevono la nuova versione; quella precedente resta nella cronologia.
post-edit-text = Testo
post-edit-save = Salva la modifica
post-edit-cancel = Annulla

## About: privacy, imprint, rules

footer-about = Informazioni su questa istanza
about-privacy = Privacy
about-imprint = Note legali
about-contact-line = Contatto: <a href="mailto:{ $email }">{ $email }</a>
privacy-default-intro = Gli amministratori di { $instance } non hanno ancora scritto una propria informativa sulla privacy. Ecco cosa conserva il software, e perché:
privacy-default-account = Il tuo account: nome utente, indirizzo e-mail (per contattarti; mai mostrato), un hash della tua password, il tuo ruolo, la lingua dell’interfaccia scelta e ciò che scrivi nel tuo profilo.
privacy-default-posts = Ciò che pubblichi, a cui metti mi piace, che condividi e segnali, e chi segui, finché lo tieni; eliminare un post lo elimina qui e chiede ai server che lo hanno di eliminarlo a loro volta.
privacy-default-federation = I post non privati e il tuo profilo pubblico vanno ai server delle persone che ti seguono e delle comunità in cui scrivi, come su ogni server del Fediverso.
privacy-default-cookies = Cookie: uno per restare connesso, uno contro i moduli falsificati e uno per la lingua scelta. Nessun tracciamento, nessuna pubblicità.
privacy-default-sign-in = I tentativi di accesso con l’indirizzo da cui provengono, per poco tempo, per impedire di indovinare le password.
privacy-default-rights = Puoi modificare o eliminare i tuoi post in qualsiasi momento; chiedi agli amministratori di eliminare il tuo account o di darti una copia dei tuoi dati.
sign-up-rules = Le regole qui
sign-up-agree = Accetto le regole e ho letto l’<a href="{ $url }">informativa sulla privacy</a>.
sign-up-agree-needed = Accetta le regole e l’informativa sulla privacy.
picker-find = Cerca nell’elenco
picker-chosen = Scelti: { $list }
picker-nothing-chosen = Ancora nessuna scelta.
picker-no-match = Nulla nell’elenco corrisponde a quanto hai scritto.
sign-in-pending = Il tuo account attende l’approvazione di un amministratore; potrai accedere dopo l’approvazione.
sign-in-suspended = Questo account è sospeso. Scrivi agli amministratori di questa istanza per saperne il motivo.
sign-up-reason = Perché vorresti unirti?
sign-up-reason-help = Un amministratore lo legge prima di approvare il tuo account: per esempio la tua scuola e cosa insegni.
sign-up-reason-needed = Di’ in poche parole perché vorresti unirti (al massimo 1.000 caratteri).
sign-up-waiting = Grazie. Il tuo account attende l’approvazione di un amministratore; potrai accedere dopo l’approvazione.
invalid-too-long = { $field }: al massimo { $max } caratteri, per favore.
invalid-too-many = { $field }: al massimo { $max } voci, per favore.
invalid-item-too-long = Una voce di «{ $field }» è troppo lunga.
invalid-blank = { $field }: questo campo va compilato.
invalid-choose = { $field }: scegline uno, per favore.
invalid-not-in-list = { $field }: «{ $value }» non è una delle scelte.
invalid-link = «{ $value }» non è un indirizzo web (deve iniziare con http:// o https://).
invalid-duration = «{ $value }» non è una durata leggibile: scegline una dall’elenco o indica i minuti, per esempio 45.
invalid-material-description-blank = Descrivi il materiale in poche frasi: che cos’è e come usarlo.
invalid-case-summary-blank = Riassumi in poche frasi cosa è stato provato e cosa ne è risultato.
invalid-case-intervention-blank = Di’ cosa è stato fatto, con quale pedagogia e quali attività.
invalid-original-unknown = Il materiale che questo adatta non ci è noto.
invalid-original-itself = Un materiale non può essere un adattamento di sé stesso.
invalid-file-id = Uno dei file da rimuovere non appartiene a questo materiale.
invalid-material-ambiguous = Più materiali si chiamano «{ $value }»: indica invece il suo indirizzo.
invalid-material-unknown = «{ $value }» non è un materiale didattico che conosciamo: indica il titolo, l’indirizzo o il numero.
invalid-language-tag = «{ $value }» non è un codice di lingua come de o pt-BR.
invalid-country = Scegli il paese dall’elenco.
invalid-username = Un nome utente ha al massimo { $max } caratteri: lettere, numeri e trattini bassi, con punti o trattini solo in mezzo.
invalid-community-name = L’indirizzo di una comunità ha al massimo { $max } caratteri: lettere, numeri e trattini bassi, con punti o trattini solo in mezzo.
invalid-email = «{ $value }» non è un indirizzo e-mail.
invalid-password-length = La password deve avere almeno { $min } caratteri.
invalid-username-taken = Il nome utente { $value } è già in uso.
invalid-name-or-email-taken = Questo nome utente o indirizzo e-mail è già in uso.
field-name = Titolo
field-description = Descrizione
field-body = Testo
field-authors = Autori
field-resource-types = Tipi di materiale
field-levels = Livelli di istruzione
field-level = Livello di istruzione
field-school-subjects = Materie scolastiche
field-school-subject = Materia scolastica
field-subjects = Campi di istruzione
field-subject = Campo di istruzione
field-teaches = Competenze insegnate
field-licence = Licenza
field-links = Link
field-title = Titolo
field-summary = Sintesi
field-context = Contesto
field-problem = Problema o bisogno
field-intervention = Intervento
field-ict-tools = TIC e strumenti
field-actors = Attori e ruoli
field-barriers = Ostacoli
field-enablers = Fattori di successo
field-evidence-kinds = Tipi di evidenza
field-evidence = Tipo di evidenza
field-evidence-indicators = Evidenze di impatto
field-evidence-links = Link alle evidenze
field-costs = Costi e risorse
field-transfer = Condizioni per il trasferimento
field-stage = Fase
field-sector = Settore
field-country = Paese
field-region = Regione
field-digcompedu = Competenze digitali (DigCompEdu)
field-selfie = Aree SELFIE
field-materials = Materiali didattici collegati
field-contact = Contatto
field-text = Testo
field-content-warning = Avviso sul contenuto
field-rules = Regole
field-display-name = Nome visualizzato
field-bio = Su di te
field-education-levels = Livelli di istruzione
field-languages = Lingue
field-language = Lingua
field-school = Scuola
field-topic = Temi
field-type = Tipo di materiale
field-remove-files = File da rimuovere
field-time-required = Tempo necessario
invalid-picture-local = Carica l’immagine nella pagina delle impostazioni invece di indicare l’indirizzo di un file di qui.
invalid-not-an-image = Il file non è un’immagine accettata: PNG, JPEG, GIF o WebP.
invalid-file-kind = «{ $value }» non è un tipo di file accettato: PDF, documenti d’ufficio, immagini, audio, video, archivi o testo semplice.
invalid-files-at-once = Si possono inviare al massimo { $max } file alla volta.
invalid-too-many-files = Un materiale può avere al massimo { $max } file e link.
