## El directorio

communities-search = Buscar
communities-language = Idioma
communities-country = País
communities-topic = Tema
communities-filter = Filtrar
communities-open = Crear una comunidad
communities-new-name = Nombre (su dirección: @nombre@{ $domain })
communities-new-title = Título
communities-new-summary = De qué trata
communities-new-languages = Idiomas (códigos separados por comas, p. ej., es, en)
communities-new-country = País (dos letras)
communities-new-topics = Temas (separados por comas)
communities-new-submit = Crear
communities-needs-approval = unirse requiere aprobación
communities-none = Ninguna comunidad coincide con la búsqueda.

## La página de una comunidad

community-members = { $count } { $count ->
        [one] miembro
       *[other] miembros
    }
community-languages = Idiomas
community-region = Región
community-topics = Temas
community-rules = Normas
community-leave = Salir de la comunidad
community-withdraw-request = Retirar la solicitud
community-ask-to-join = Solicitar unirse
community-join = Unirse
community-moderation-queue = Cola de moderación
community-sign-in-to-join = <a href="{ $url }">Inicia sesión</a> para unirte.
community-start-thread = Abrir un hilo
community-thread-title = Título
community-thread-body = Texto
community-threads = Hilos
community-pinned = Fijado:
community-untitled = (sin título)
community-thread-meta = por @{ $author } · { $date } · { $comments } { $comments ->
        [one] comentario
       *[other] comentarios
    }
community-thread-locked = cerrado
community-no-threads = Todavía no hay hilos.
community-log = Registro de moderación
community-log-by = por @{ $who }
community-log-empty = Todavía no hay nada.
community-log-create = comunidad creada
community-log-remove_post = publicación retirada
community-log-restore_post = publicación restaurada
community-log-lock = hilo cerrado
community-log-unlock = hilo reabierto
community-log-pin = hilo fijado
community-log-unpin = hilo desfijado
community-log-ban = persona expulsada
community-log-unban = expulsión levantada
community-log-add_facilitator = dinamizador añadido
community-log-remove_facilitator = dinamizador retirado

## Moderación

moderation-title = Moderación: { $community }
moderation-heading = Moderación: <a href="{ $url }">{ $community }</a>
moderation-pictures = Icono y banner
moderation-pictures-help = PNG, JPEG, GIF o WebP, { $kib } KiB como máximo. Los servidores de los miembros reciben el cambio.
moderation-icon = Icono
moderation-banner = Banner
moderation-current-icon = El icono actual
moderation-current-banner = El banner actual
moderation-upload-icon = Subir icono
moderation-upload-banner = Subir banner
moderation-remove-icon = Quitar icono
moderation-remove-banner = Quitar banner
moderation-reports = Denuncias pendientes
moderation-report = @{ $reporter } ha denunciado a @{ $target }: { $reason }
moderation-report-post = @{ $reporter } ha denunciado a @{ $target } (publicación { $post }): { $reason }
moderation-no-reports = No hay denuncias pendientes.
moderation-requests = Solicitudes para unirse
moderation-approve = Aprobar
moderation-reject = Rechazar
moderation-no-requests = No hay nadie esperando.
moderation-bans = Expulsiones
moderation-ban-until = hasta el { $date }
moderation-no-bans = No hay nadie expulsado.

## Mensajes del servidor

communities-only-facilitators = Solo los dinamizadores y los administradores pueden crear comunidades
community-banned = Esta comunidad te ha expulsado
moderation-unknown-action = Elige retirar, cerrar, reabrir, fijar o dejar de fijar
moderation-choose-image = Elige una imagen para subir

moderation-remove-title = ¿Retirar esta publicación?
moderation-remove-question = Desaparece de { $community }, aquí y en los servidores de los miembros. El registro de moderación guarda tu motivo.
moderation-remove-confirm = Retirarla

moderation-resolve = Marcar como resuelto
moderation-ban-who = Expulsar a alguien
moderation-ban-who-help = Su nombre de usuario aquí, o nombre@servidor para alguien de otro servidor.
moderation-ban-reason = Motivo (se le comunica)
moderation-ban-days = Durante cuántos días
moderation-ban-days-help = Déjalo vacío para expulsar hasta que lo levantes.
moderation-ban-submit = Expulsar
moderation-ban-unknown = No se conoce a nadie con ese nombre aquí.
moderation-ban-days-invalid = Indica un número de días de 1 a 3650, o déjalo vacío.
