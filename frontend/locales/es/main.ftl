## El marco de las páginas

nav-skip = Saltar al contenido
nav-label = Cuenta
nav-communities = Comunidades
nav-materials = Materiales
nav-cases = Casos de innovación
nav-home = Inicio
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
nav-languages = Idioma
nav-menu = Menú
footer-powered = Funciona con Collegium, software libre con licencia GNU AGPL. Forma parte de la red federada de comunidades de aprendizaje.

## La página de presentación

about-stats = <strong>{ $members }</strong> { $members ->
        [one] miembro
       *[other] miembros
    } · <strong>{ $active }</strong> { $active ->
        [one] activo
       *[other] activos
    } este mes
about-heading = Acerca de esta instancia
about-address = Dirección
about-languages = Idiomas
about-contact = Contacto
about-follow-from-anywhere = Puedes seguir a quienes están aquí desde cualquier servidor del Fediverse, como Mastodon: busca <code>@nombre@{ $domain }</code>.

## Iniciar sesión y registrarse

sign-in-login = Nombre de usuario o correo electrónico
sign-in-password = Contraseña
sign-in-no-account = ¿Aún no tienes cuenta? <a href="{ $url }">Crea una</a>.
sign-up-title = Crear una cuenta
sign-up-username = Nombre de usuario
sign-up-username-help = Letras, números y guiones bajos; puntos y guiones solo en medio. Los demás te verán como @nombre@{ $domain }.
sign-up-email = Correo electrónico
sign-up-submit = Crear la cuenta
sign-out-question = ¿Cerrar sesión en { $instance } en este navegador? Las aplicaciones que has autorizado mantienen su sesión iniciada.

## Aplicaciones (OAuth)

authorize-title = Autorizar { $app }
authorize-question = ¿Autorizar { $app }?
authorize-asks = <strong>{ $app }</strong> pide usar tu cuenta con estos permisos:
authorize-asks-website = <strong>{ $app }</strong> (<a href="{ $url }" rel="nofollow noopener">{ $url }</a>) pide usar tu cuenta con estos permisos:
authorize-signed-in-as = Has iniciado sesión como <strong>{ $name }</strong> (@{ $username }).
authorize-approve = Autorizar
authorize-deny = Denegar
oauth-code-title = Código de autorización
oauth-code-copy = Copia este código y pégalo en <strong>{ $app }</strong>:
oauth-code-help = El código solo sirve una vez y durante diez minutos.

## Escribir y leer publicaciones

compose-label = Escribe una publicación
compose-placeholder = Comparte una idea con tus colegas. @nombre@dominio menciona a alguien, #tema añade una etiqueta.
compose-content-warning = Advertencia de contenido (opcional)
compose-visibility = Quién puede verla
compose-visibility-public = Todo el mundo
compose-visibility-unlisted = Todo el mundo, pero sin aparecer en las cronologías públicas
compose-visibility-private = Solo seguidores
compose-visibility-direct = Solo las personas mencionadas
compose-post = Publicar
timeline-heading = Tu cronología
timeline-empty = Todavía no hay nada. Sigue a tus colegas para ver sus publicaciones.
post-visibility-public = pública
post-visibility-unlisted = no listada
post-visibility-private = solo seguidores
post-visibility-direct = solo personas mencionadas
post-boosted-by = impulsado por { $name }
post-remove-reason = Motivo de la retirada
post-remove = Retirar
post-counts = { $replies ->
        [one] { $replies } respuesta
       *[other] { $replies } respuestas
    } · { $favourites } ★ · { $reblogs ->
        [one] { $reblogs } impulso
       *[other] { $reblogs } impulsos
    }
thread-title = { $name }: publicación
thread-post-by = Publicación de { $name }
thread-in-community = En <a href="{ $url }">{ $title }</a>
thread-comment = Comentario
thread-reply = Responder
thread-pinned = Fijado por los dinamizadores.
thread-locked = Este hilo está cerrado: ya no admite comentarios.
thread-lock = Cerrar el hilo
thread-unlock = Reabrir el hilo
thread-pin = Fijar el hilo
thread-unpin = Dejar de fijar el hilo
tag-empty = Todavía no hay publicaciones públicas con esta etiqueta.

## Perfiles

profile-fact-subjects = Materias
profile-fact-education-levels = Niveles educativos
profile-fact-languages = Idiomas
profile-fact-school = Centro educativo
profile-fact-region = Región
profile-joined = Miembro desde { $date } · { $followers ->
        [one] { $followers } seguidor
       *[other] { $followers } seguidores
    } · sigue a { $following ->
        [one] { $following } persona
       *[other] { $following } personas
    }
profile-follow = Seguir
profile-unfollow = Dejar de seguir
profile-withdraw-request = Retirar la solicitud de seguimiento
profile-posts = Publicaciones
profile-no-posts = No hay publicaciones que mostrar.
profile-remote = En otro servidor: <a href="{ $url }" rel="nofollow noopener">ver el perfil original</a>.

## Páginas de error

error-title-400 = Algo falla en la solicitud
error-text-400 = La página no ha entendido lo que se ha enviado.
error-title-401 = Inicia sesión
error-text-401 = Para ver esta página tienes que iniciar sesión.
error-title-403 = No permitido
error-text-403 = Aquí no puedes hacer esto.
error-title-404 = No encontrado
error-text-404 = No hay nada en esta dirección.
error-title-409 = Ya está hecho
error-text-409 = Esto choca con algo que ya existe.
error-title-413 = Demasiado grande
error-text-413 = Lo que se ha enviado supera el tamaño que acepta esta instancia.
error-title-422 = Revisa el formulario
error-text-422 = Parte de lo que has introducido no se puede usar.
error-title-429 = Demasiados intentos
error-text-429 = Espera un poco y vuelve a intentarlo.
error-title-500 = Algo ha salido mal
error-text-500 = Es culpa nuestra, no tuya. Vuelve a intentarlo dentro de un momento.
error-back-home = Volver a la página de inicio

## Mensajes del servidor

sign-in-invalid = Nombre de usuario, correo electrónico o contraseña incorrectos.
sign-up-closed = Esta instancia no admite registros. Pide una cuenta a quien la administra.
authorize-denied = No has autorizado la aplicación.

## A post card's buttons

post-reply = Responder ({ $count })
post-like = Me gusta ({ $count })
post-liked = Te gusta ({ $count })
post-boost = Impulsar ({ $count })
post-boosted = Impulsado ({ $count })
post-delete = Eliminar
post-delete-title = ¿Eliminar esta publicación?
post-delete-question = Desaparece aquí y de los servidores que la recibieron. No se puede deshacer.
post-delete-confirm = Eliminar
post-delete-cancel = Conservarla
post-unknown-action = Elige «Me gusta», «Impulsar» o «Eliminar».

## Notifications

nav-notifications = Notificaciones
nav-notifications-unread = Notificaciones ({ $count ->
        [100] 99+
       *[other] { $count }
    })
notifications-title = Notificaciones
notifications-new = nueva
notifications-none = Nada todavía. Cuando alguien te siga, te mencione, marque Me gusta o impulse tus publicaciones, lo verás aquí.
notifications-follow = <a href="{ $url }">{ $name }</a> te sigue
notifications-follow_request = <a href="{ $url }">{ $name }</a> quiere seguirte
notifications-mention = <a href="{ $url }">{ $name }</a> te ha mencionado
notifications-favourite = A <a href="{ $url }">{ $name }</a> le gusta tu publicación
notifications-reblog = <a href="{ $url }">{ $name }</a> ha impulsado tu publicación
notifications-status = <a href="{ $url }">{ $name }</a> ha publicado
notifications-collegium-remix = <a href="{ $url }">{ $name }</a> ha adaptado tu material

## Search

nav-search = Buscar
search-title = Buscar
search-title-for = Buscar: { $q }
search-label = Personas, publicaciones, etiquetas, comunidades, materiales y casos de innovación
search-help = Un nombre, una palabra, #etiqueta, @nombre@servidor para alguien de otro servidor, o la dirección de una publicación.
search-help-signed-out = Un nombre, una palabra o #etiqueta. Inicia sesión para encontrar personas y publicaciones en otros servidores.
search-submit = Buscar
search-nothing = No se ha encontrado nada para «{ $q }».
search-people = Personas
search-a-community = una comunidad
search-posts = Publicaciones
search-hashtags = Etiquetas
search-none-here = Ninguno.
search-all-communities = Buscar en las comunidades
search-all-materials = Buscar en los materiales, con filtros
search-all-cases = Buscar en los casos de innovación, con filtros
search-too-long = La búsqueda es demasiado larga.

## The kind of a titled post on its card

post-kind-material = Material didáctico
post-kind-case = Caso de innovación
post-kind-thread = Hilo
post-kind-article = Artículo
post-kind-note = Publicación

## Reporting a post

post-report = Denunciar
post-report-title = Denunciar esta publicación
post-report-question = Cuenta a los dinamizadores (y al servidor de la persona autora, si es otro) qué está mal. La persona autora no sabrá quién la denunció.
post-report-reason = Qué está mal
post-report-send = Enviar la denuncia
post-report-done = Gracias. La denuncia se ha enviado.
post-report-back = Volver
post-report-empty = Explica qué está mal.

## Following from another server

profile-remote-follow = Seguir desde tu propio servidor
profile-remote-follow-help = Tu servidor, por ejemplo mastodon.social, o tu dirección completa @tú@tu.servidor. Lo confirmas allí.
profile-remote-follow-invalid = Eso no es una dirección de servidor como mastodon.social.

## Editing a post

post-edit = Editar
post-edit-title = Editar tu publicación
post-edit-help = Los servidores que la tienen reciben la versión nueva; la anterior queda en su historial.
post-edit-text = Texto
post-edit-save = Guardar el cambio
post-edit-cancel = Cancelar

## About: privacy, imprint, rules

footer-about = Acerca de esta instancia
about-privacy = Privacidad
about-imprint = Aviso legal
about-contact-line = Contacto: <a href="mailto:{ $email }">{ $email }</a>
privacy-default-intro = La administración de { $instance } todavía no ha escrito su propio aviso de privacidad. Esto es lo que guarda el software, y por qué:
privacy-default-account = Tu cuenta: nombre de usuario, dirección de correo (para contactarte; nunca se muestra), un hash de tu contraseña, tu rol, el idioma de la interfaz que elegiste y lo que pones en tu perfil.
privacy-default-posts = Lo que publicas, marcas como Me gusta, impulsas y denuncias, y a quién sigues, mientras lo conserves; borrar una publicación la borra aquí y pide a los servidores que la tienen que la borren también.
privacy-default-federation = Las publicaciones no privadas y tu perfil público van a los servidores de las personas que te siguen y de las comunidades donde escribes, como en cualquier servidor del Fediverso.
privacy-default-cookies = Cookies: una para mantener tu sesión, una contra formularios falsificados y una para el idioma elegido. Sin rastreo ni publicidad.
privacy-default-sign-in = Los intentos de inicio de sesión con la dirección de la que vienen, durante poco tiempo, para impedir que se adivinen contraseñas.
privacy-default-rights = Puedes cambiar o borrar lo que publicaste en cualquier momento; pide a la administración que borre tu cuenta o que te dé una copia de tus datos.
sign-up-rules = Las normas aquí
sign-up-agree = Acepto las normas y he leído el <a href="{ $url }">aviso de privacidad</a>.
sign-up-agree-needed = Acepta las normas y el aviso de privacidad.
picker-find = Buscar en la lista
picker-chosen = Elegidos: { $list }
picker-nothing-chosen = Aún no has elegido nada.
picker-no-match = Nada de la lista coincide con lo que has escrito.
sign-in-pending = Tu cuenta espera la aprobación de un administrador; podrás iniciar sesión cuando se apruebe.
sign-in-suspended = Esta cuenta está suspendida. Escribe a los administradores de esta instancia para saber por qué.
sign-up-reason = ¿Por qué quieres unirte?
sign-up-reason-help = Un administrador lo lee antes de aprobar tu cuenta: por ejemplo, tu centro y lo que enseñas.
sign-up-reason-needed = Di en pocas palabras por qué quieres unirte (1000 caracteres como máximo).
sign-up-waiting = Gracias. Tu cuenta espera la aprobación de un administrador; podrás iniciar sesión cuando se apruebe.
invalid-too-long = { $field }: como máximo { $max } caracteres, por favor.
invalid-too-many = { $field }: como máximo { $max } entradas, por favor.
invalid-item-too-long = Una entrada de «{ $field }» es demasiado larga.
invalid-blank = { $field }: hay que rellenar este campo.
invalid-choose = { $field }: elige uno, por favor.
invalid-not-in-list = { $field }: «{ $value }» no es una de las opciones.
invalid-link = «{ $value }» no es una dirección web (debe empezar por http:// o https://).
invalid-duration = «{ $value }» no es una duración legible: elige una de la lista o indica minutos, por ejemplo 45.
invalid-material-description-blank = Describe el material en unas frases: qué es y cómo usarlo.
invalid-case-summary-blank = Resume en unas frases qué se probó y qué resultó.
invalid-case-intervention-blank = Di qué se hizo, con qué pedagogía y qué actividades.
invalid-original-unknown = No conocemos el material que este adapta.
invalid-original-itself = Un material no puede ser una adaptación de sí mismo.
invalid-file-id = Uno de los archivos que quitar no es de este material.
invalid-material-ambiguous = Hay más de un material llamado «{ $value }»: indica su dirección en su lugar.
invalid-material-unknown = «{ $value }» no es un material didáctico que conozcamos: indica su título, su dirección o su número.
invalid-language-tag = «{ $value }» no es un código de idioma como de o pt-BR.
invalid-country = Elige el país de la lista.
invalid-username = Un nombre de usuario tiene como máximo { $max } caracteres: letras, números y guiones bajos, con puntos o guiones solo entre ellos.
invalid-community-name = La dirección de una comunidad tiene como máximo { $max } caracteres: letras, números y guiones bajos, con puntos o guiones solo entre ellos.
invalid-email = «{ $value }» no es una dirección de correo.
invalid-password-length = La contraseña necesita al menos { $min } caracteres.
invalid-username-taken = El nombre de usuario { $value } ya está en uso.
invalid-name-or-email-taken = Ese nombre de usuario o dirección de correo ya está en uso.
field-name = Título
field-description = Descripción
field-body = Texto
field-authors = Autores
field-resource-types = Tipos de material
field-levels = Niveles educativos
field-level = Nivel educativo
field-school-subjects = Asignaturas
field-school-subject = Asignatura
field-subjects = Campos de educación
field-subject = Campo de educación
field-teaches = Competencias que enseña
field-licence = Licencia
field-links = Enlaces
field-title = Título
field-summary = Resumen
field-context = Contexto
field-problem = Problema o necesidad
field-intervention = Intervención
field-ict-tools = TIC y herramientas
field-actors = Actores y funciones
field-barriers = Obstáculos
field-enablers = Factores de éxito
field-evidence-kinds = Tipos de evidencia
field-evidence = Tipo de evidencia
field-evidence-indicators = Evidencias de impacto
field-evidence-links = Enlaces a las evidencias
field-costs = Costes y recursos
field-transfer = Condiciones para la transferencia
field-stage = Etapa
field-sector = Sector
field-country = País
field-region = Región
field-digcompedu = Competencias digitales (DigCompEdu)
field-selfie = Áreas SELFIE
field-materials = Materiales didácticos enlazados
field-contact = Contacto
field-text = Texto
field-content-warning = Advertencia de contenido
field-rules = Normas
field-display-name = Nombre visible
field-bio = Sobre ti
field-education-levels = Niveles educativos
field-languages = Idiomas
field-language = Idioma
field-school = Centro educativo
field-topic = Temas
field-type = Tipo de material
field-remove-files = Archivos que quitar
field-time-required = Tiempo necesario
invalid-picture-local = Sube la imagen en la página de ajustes en lugar de indicar la dirección de un archivo de aquí.
invalid-not-an-image = El archivo no es una imagen admitida: PNG, JPEG, GIF o WebP.
invalid-file-kind = «{ $value }» no es un tipo de archivo admitido: PDF, documentos de oficina, imágenes, audio, vídeo, archivos comprimidos o texto sin formato.
invalid-files-at-once = Se pueden enviar como máximo { $max } archivos a la vez.
invalid-too-many-files = Un material puede tener como máximo { $max } archivos y enlaces.
