## L'annuaire

communities-search = Recherche
communities-language = Langue
communities-country = Pays
communities-topic = Thème
communities-filter = Filtrer
communities-open = Créer une communauté
communities-new-name = Nom (son adresse : @nom@{ $domain })
communities-new-title = Titre
communities-new-summary = De quoi s'agit-il ?
communities-new-languages = Langues (codes séparés par des virgules, p. ex. fr, it)
communities-new-country = Pays (deux lettres)
communities-new-topics = Thèmes (séparés par des virgules)
communities-new-submit = Créer
communities-needs-approval = adhésion sur validation
communities-none = Aucune communauté ne correspond.

## La page d'une communauté

community-members = { $count } { $count ->
        [one] membre
       *[other] membres
    }
community-languages = Langues
community-region = Région
community-topics = Thèmes
community-rules = Règles
community-leave = Quitter la communauté
community-withdraw-request = Retirer la demande d'adhésion
community-ask-to-join = Demander à rejoindre
community-join = Rejoindre
community-moderation-queue = File de modération
community-sign-in-to-join = <a href="{ $url }">Connectez-vous</a> pour rejoindre la communauté.
community-start-thread = Lancer une discussion
community-thread-title = Titre
community-thread-body = Texte
community-threads = Discussions
community-pinned = Épinglée :
community-untitled = (sans titre)
community-thread-meta = par @{ $author } · { $date } · { $comments } { $comments ->
        [one] commentaire
       *[other] commentaires
    }
community-thread-locked = verrouillée
community-no-threads = Aucune discussion pour l'instant.
community-log = Journal de modération
community-log-by = par @{ $who }
community-log-empty = Rien pour l'instant.
community-log-create = création de la communauté
community-log-remove_post = retrait d'un message
community-log-restore_post = rétablissement d'un message
community-log-lock = verrouillage d'une discussion
community-log-unlock = déverrouillage d'une discussion
community-log-pin = épinglage d'une discussion
community-log-unpin = désépinglage d'une discussion
community-log-ban = exclusion d'une personne
community-log-unban = levée d'une exclusion
community-log-add_facilitator = ajout à l'équipe d'animation
community-log-remove_facilitator = retrait de l'équipe d'animation

## Modération

moderation-title = Modération : { $community }
moderation-heading = Modération : <a href="{ $url }">{ $community }</a>
moderation-pictures = Icône et bannière
moderation-pictures-help = PNG, JPEG, GIF ou WebP, { $kib } Kio au maximum. Les serveurs des membres reçoivent la modification.
moderation-icon = Icône
moderation-banner = Bannière
moderation-current-icon = L'icône actuelle
moderation-current-banner = La bannière actuelle
moderation-upload-icon = Importer une icône
moderation-upload-banner = Importer une bannière
moderation-remove-icon = Supprimer l'icône
moderation-remove-banner = Supprimer la bannière
moderation-reports = Signalements en attente
moderation-report = @{ $reporter } a signalé @{ $target } : { $reason }
moderation-report-post = @{ $reporter } a signalé @{ $target } (message { $post }) : { $reason }
moderation-no-reports = Aucun signalement en attente.
moderation-requests = Demandes d'adhésion
moderation-approve = Accepter
moderation-reject = Refuser
moderation-no-requests = Personne n'attend.
moderation-bans = Exclusions
moderation-ban-until = jusqu'au { $date }
moderation-no-bans = Personne n'est exclu.

## Messages du serveur

communities-only-facilitators = Seules les équipes d'animation et d'administration peuvent créer des communautés
community-banned = L'accès à cette communauté vous est interdit
moderation-unknown-action = Choisissez retirer, verrouiller, déverrouiller, épingler ou désépingler
moderation-choose-image = Choisissez une image à importer

moderation-remove-title = Retirer ce message ?
moderation-remove-question = Il disparaît de { $community }, ici et sur les serveurs des membres. Le journal de modération garde votre motif.
moderation-remove-confirm = Le retirer

moderation-resolve = Marquer comme traité
moderation-ban-who = Exclure quelqu’un
moderation-ban-who-help = Son nom d’utilisateur ici, ou nom@serveur pour quelqu’un sur un autre serveur.
moderation-ban-reason = Motif (communiqué à la personne)
moderation-ban-days = Pour combien de jours
moderation-ban-days-help = Laissez vide pour exclure jusqu’à nouvel ordre.
moderation-ban-submit = Exclure
moderation-ban-unknown = Personne de ce nom n’est connu ici.
moderation-ban-days-invalid = Indiquez un nombre de jours de 1 à 3650, ou laissez vide.
