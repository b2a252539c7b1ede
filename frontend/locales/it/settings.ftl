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
settings-subjects = Materie
settings-education-levels = Livelli di istruzione
settings-languages = Lingue in cui insegni o lavori
settings-list-help = Separa più voci con delle virgole.
settings-school = Scuola
settings-region = Regione
settings-country = Paese
settings-country-help = Il codice del paese di due lettere, per esempio AT, DE, FR o IT.

## Account

settings-account-title = Il tuo account
settings-username = Nome utente
settings-email = Indirizzo email
settings-email-help = Puoi accedere con questo indirizzo. Per cambiarlo, chiedi a chi amministra questa istanza.
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
