## The settings pages: profile, account, preferences

nav-settings = Impostazioni
settings-title = Impostazioni
settings-nav-label = Sezioni delle impostazioni
settings-nav-profile = Profilo
settings-nav-account = Account
settings-nav-preferences = Preferenze
settings-saved = Salvato.
settings-save = Salva

## Profile

settings-profile-title = Il tuo profilo
settings-profile-not-saved = Il tuo profilo non è stato salvato. Controlla questo:
settings-profile-view = Vedi il tuo profilo pubblico
settings-display-name = Nome visualizzato
settings-display-name-help = Il nome che vedono i colleghi, fino a { $max } caratteri. Se lo lasci vuoto, compari con il tuo nome utente.
settings-bio = Su di te
settings-bio-help = Qualche frase su di te e sul tuo insegnamento, fino a { $max } caratteri. Una riga vuota inizia un nuovo paragrafo.
settings-teaching = Il tuo insegnamento
settings-education-levels = Livelli di istruzione
settings-languages = Lingue in cui insegni o lavori
settings-list-help = Separa più voci con delle virgole.
settings-school = Scuola
settings-region = Regione
settings-country = Paese

## Account

settings-account-title = Il tuo account
settings-username = Nome utente
settings-email = Indirizzo email
settings-email-help = Accedi con questo indirizzo, ed è qui che gli amministratori ti contattano.
settings-password-heading = Cambia la password
settings-password-current = Password attuale
settings-password-new = Nuova password
settings-password-new-help = Almeno { $min } caratteri.
settings-password-again = Ripeti la nuova password
settings-password-submit = Cambia la password
settings-password-wrong = La password attuale non è corretta. La tua password non è stata cambiata.
settings-password-mismatch = Le due nuove password non coincidono. La tua password non è stata cambiata.
settings-password-length = La nuova password deve avere tra { $min } e { $max } caratteri. La tua password non è stata cambiata.
settings-password-wait = Troppe password sbagliate. Aspetta { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    } e riprova.

## Preferences

settings-preferences-title = Preferenze
settings-language = Lingua dell'interfaccia
settings-language-browser = La lingua del mio browser
settings-language-help = Le pagine appaiono in questa lingua ogni volta che accedi, su qualsiasi dispositivo.
settings-language-unknown = Scegli una delle lingue dell'elenco.
settings-school-subjects = Materie che insegni
settings-school-subjects-help = È da queste che i colleghi ti trovano. Scrivi nella casella per restringere l’elenco.
settings-other-subjects = Altre materie, con parole tue
settings-other-subjects-help = Ciò che l’elenco sopra non contiene, per esempio un corso proprio della tua scuola. Separa più voci con delle virgole.
settings-country-none = Non indicato
settings-found = Farsi trovare
settings-discoverable = Mostra il mio profilo nell’elenco e suggeriscilo ad altri
settings-indexable = Consenti di trovare i miei post pubblici con la ricerca
settings-pictures = Immagini
settings-pictures-help = PNG, JPEG, GIF o WebP, fino a { $size } ciascuna.
settings-avatar = Immagine del profilo
settings-header = Immagine di copertina
settings-avatar-now = La tua immagine del profilo attuale
settings-header-now = La tua immagine di copertina attuale
settings-picture-none = Ancora nessuna.
settings-picture-file = Scegli un’immagine
settings-picture-upload = Carica
settings-picture-remove = Rimuovi
settings-picture-which = Indica quale immagine cambiare: quella del profilo o quella di copertina.
settings-picture-choose = Scegli prima un’immagine da caricare.
settings-time-zone = Fuso orario
settings-time-zone-utc = UTC (nessuno scelto)
settings-time-zone-help = Date e orari delle pagine sono mostrati in questo fuso.
settings-time-zone-use = Usa il fuso di questo dispositivo ({ $zone })
settings-time-zone-unknown = Scegli un fuso orario dall’elenco.
settings-default-visibility = Chi può vedere i tuoi nuovi post, salvo scelta diversa
settings-default-visibility-help = Il modulo per scrivere parte da questa scelta, come le app che la chiedono al server.
settings-visibility-unknown = Scegli dall’elenco chi può vedere i tuoi nuovi post.
settings-email-heading = Cambia il tuo indirizzo e-mail
settings-email-new = Nuovo indirizzo e-mail
settings-email-submit = Cambia l’indirizzo
settings-email-wrong-password = La password non è corretta; l’indirizzo non è stato cambiato.
settings-email-invalid = Questo non è un indirizzo e-mail.
settings-email-taken = Qualcun altro qui usa già questo indirizzo.
settings-sessions-heading = Dove hai effettuato l’accesso
settings-sessions-help = Disconnetti un browser che non usi più o che non riconosci.
settings-session-unknown-browser = Un browser sconosciuto
settings-session-this-browser = questo browser
settings-session-since = accesso il { $date }
settings-session-end = Disconnetti
settings-session-end-label = Disconnetti { $browser }, accesso il { $date }
settings-apps-heading = App che possono agire per te
settings-apps-none = Nessuna app ha accesso al tuo account.
settings-app-since = dal { $date } · può { $scopes }
settings-app-revoke = Revoca l’accesso
settings-app-revoke-label = Revoca l’accesso a { $name }
settings-welcome = Ti diamo il benvenuto! Racconta qualcosa di te ai colleghi: il tuo nome, cosa insegni e a chi. Qui tutto è facoltativo e si può cambiare quando vuoi.
