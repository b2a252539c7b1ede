## L'elenco

communities-search = Cerca
communities-language = Lingua
communities-country = Paese
communities-topic = Argomento
communities-filter = Filtra
communities-open = Crea una comunità
communities-new-name = Nome (il suo indirizzo: @nome@{ $domain })
communities-new-title = Titolo
communities-new-summary = Di che cosa si occupa
communities-new-languages = Lingue (codici separati da virgole, ad es. it, en)
communities-new-country = Paese (due lettere)
communities-new-topics = Argomenti (separati da virgole)
communities-new-submit = Crea
communities-needs-approval = iscrizione su approvazione
communities-none = Nessuna comunità corrisponde alla ricerca.

## La pagina di una comunità

community-members = { $count } { $count ->
        [one] membro
       *[other] membri
    }
community-languages = Lingue
community-region = Regione
community-topics = Argomenti
community-rules = Regole
community-leave = Lascia la comunità
community-withdraw-request = Ritira la richiesta di iscrizione
community-ask-to-join = Chiedi di unirti
community-join = Unisciti
community-moderation-queue = Coda di moderazione
community-sign-in-to-join = <a href="{ $url }">Accedi</a> per unirti.
community-start-thread = Avvia una discussione
community-thread-title = Titolo
community-thread-body = Testo
community-threads = Discussioni
community-pinned = In evidenza:
community-untitled = (senza titolo)
community-thread-meta = di @{ $author } · { $date } · { $comments } { $comments ->
        [one] commento
       *[other] commenti
    }
community-thread-locked = chiusa
community-no-threads = Ancora nessuna discussione.
community-log = Registro di moderazione
community-log-by = da @{ $who }
community-log-empty = Ancora niente.
community-log-create = comunità creata
community-log-remove_post = post rimosso
community-log-restore_post = post ripristinato
community-log-lock = discussione chiusa
community-log-unlock = discussione riaperta
community-log-pin = discussione messa in evidenza
community-log-unpin = discussione tolta dall'evidenza
community-log-ban = persona esclusa
community-log-unban = esclusione revocata
community-log-add_facilitator = facilitatore aggiunto
community-log-remove_facilitator = facilitatore rimosso

## Moderazione

moderation-title = Moderazione: { $community }
moderation-heading = Moderazione: <a href="{ $url }">{ $community }</a>
moderation-pictures = Icona e banner
moderation-pictures-help = PNG, JPEG, GIF o WebP, al massimo { $kib } KiB. I server dei membri ricevono la modifica.
moderation-icon = Icona
moderation-banner = Banner
moderation-current-icon = L'icona attuale
moderation-current-banner = Il banner attuale
moderation-upload-icon = Carica l'icona
moderation-upload-banner = Carica il banner
moderation-remove-icon = Rimuovi l'icona
moderation-remove-banner = Rimuovi il banner
moderation-reports = Segnalazioni aperte
moderation-report = @{ $reporter } ha segnalato @{ $target }: { $reason }
moderation-report-post = @{ $reporter } ha segnalato @{ $target } (post { $post }): { $reason }
moderation-no-reports = Nessuna segnalazione aperta.
moderation-requests = Richieste di iscrizione
moderation-approve = Approva
moderation-reject = Rifiuta
moderation-no-requests = Nessuno è in attesa.
moderation-bans = Esclusioni
moderation-ban-until = fino al { $date }
moderation-no-bans = Nessuno è escluso.

## Messaggi del server

communities-only-facilitators = Solo i facilitatori e gli amministratori possono creare comunità
community-banned = Questa comunità ti ha escluso
moderation-unknown-action = Scegli tra rimuovi, chiudi, riapri, metti in evidenza o togli dall'evidenza
moderation-choose-image = Scegli un'immagine da caricare

moderation-remove-title = Rimuovere questo post?
moderation-remove-question = Sparisce da { $community }, qui e sui server dei membri. Il registro di moderazione conserva il tuo motivo.
moderation-remove-confirm = Rimuovi

moderation-resolve = Segna come gestita
moderation-ban-who = Escludi qualcuno
moderation-ban-who-help = Il suo nome utente qui, o nome@server per qualcuno su un altro server.
moderation-ban-reason = Motivo (viene comunicato)
moderation-ban-days = Per quanti giorni
moderation-ban-days-help = Lascia vuoto per escludere finché non revochi.
moderation-ban-submit = Escludi
moderation-ban-unknown = Nessuno con questo nome è conosciuto qui.
moderation-ban-days-invalid = Indica un numero di giorni da 1 a 3650, o lascia vuoto.
