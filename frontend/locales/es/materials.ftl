# Materiales didácticos: lista y búsqueda, formulario, página de un material,
# historial de versiones (de un material o de un caso).

## Común a las páginas

materials-untitled = (sin título)
materials-original-unnamed = un material
materials-original-elsewhere = un material en { $host }
materials-not-yours = Solo su autor puede cambiar o eliminar este material

## Lista y búsqueda

materials-browse-title = Materiales didácticos
materials-share-button = Compartir un material
materials-sign-in-to-share = <a href="{ $url }">Inicia sesión</a> para compartir los tuyos.
materials-deleted = El material se ha eliminado.
materials-search-label = Buscar
materials-search-placeholder = p. ej., fracciones, fotosíntesis, debate
materials-filter-type = Tipo
materials-filter-any-type = Cualquier tipo
materials-filter-level = Nivel
materials-filter-any-level = Cualquier nivel
materials-filter-subject = Campo de educación (ISCED-F)
materials-filter-any-subject = Cualquier campo
materials-filter-competence = Competencia digital (DigCompEdu)
materials-filter-any-competence = Cualquier competencia
materials-filter-language = Idioma
materials-filter-any-language = Cualquier idioma
materials-filter-licence = Licencia
materials-filter-any-licence = Cualquier licencia
materials-filter-local = Solo materiales compartidos en esta instancia
materials-search-button = Buscar
materials-clear-filters = Borrar búsqueda y filtros
materials-results-range = Resultados { $first }–{ $last }
materials-newest-range = Materiales más recientes { $first }–{ $last }
materials-results = Resultados
materials-by = por { $authors }
materials-shared-by-link = compartido por <a href="{ $url }">@{ $acct }</a>
materials-shared-by = compartido por @{ $acct }
materials-remix-of-link = Remezcla de <a href="{ $url }">{ $name }</a>
materials-remix-of = Remezcla de { $name }
materials-tags-label = Características
materials-none-match = Ningún material coincide. Prueba con otras palabras o con menos filtros.
materials-no-more = No hay más materiales.
materials-none-yet = Todavía no hay materiales.
materials-share-first = <a href="{ $url }">Comparte el primero</a>.
materials-pages-label = Páginas de resultados
materials-previous = Anterior
materials-next = Siguiente

## Formulario para compartir, adaptar o modificar un material

materials-form-edit-title = Modificar: { $name }
materials-form-remix-title = Adaptación: { $name }
materials-form-new-title = Compartir un material didáctico
materials-form-edit-lead = Al guardar se crea la versión { $version }. Las versiones anteriores se quedan en el <a href="{ $url }">historial</a>, y los servidores que tienen el material reciben la nueva.
materials-form-remix-lead = El formulario ya está rellenado con los datos del <a href="{ $url }">original</a>: cambia lo que hayas adaptado. Tu versión enlaza con el original, y se avisa a su autor.
materials-form-original-licence = Licencia del original: { $licence }.
materials-form-note-no-derivatives = Su licencia no permite compartir versiones adaptadas (SinObraDerivada): pide permiso a sus autores antes de publicar tu adaptación.
materials-form-note-all-rights-reserved = Sus autores se reservan todos los derechos: pídeles permiso antes de publicar tu adaptación.
materials-form-note-share-alike = Su licencia es ShareAlike (CompartirIgual): publica tu adaptación con la misma licencia.
materials-form-new-lead = Una programación de aula, una ficha, una presentación, un proyecto… Docentes de aquí y de otros servidores podrán encontrarlo, usarlo, comentarlo y adaptarlo.
materials-form-files-lost = No se han conservado los archivos que elegiste: vuelve a elegirlos antes de enviar el formulario.
materials-form-about = Sobre el material
materials-form-name = Título
materials-form-name-help = Lo que ven los docentes en los resultados de búsqueda, p. ej., «Fracciones con pizza: una ficha para 4.º de primaria».
materials-form-description = Descripción breve
materials-form-description-help = Unas frases: qué es, para quién es y cómo usarlo.
materials-form-body = El material en sí
materials-form-optional = opcional
materials-form-body-help = Instrucciones, pasos, preguntas, el texto de una ficha… Una línea en blanco empieza un párrafo nuevo; las direcciones web se convierten en enlaces. Déjalo vacío si todo está en los archivos.
materials-form-language = Idioma
materials-form-authors = Autores
materials-form-authors-help = Nombres, separados por comas.
materials-form-licence = Licencia
materials-form-choose-licence = Elige una licencia…
materials-form-licence-help = Lo que otras personas pueden hacer con él. Las licencias Creative Commons permiten a los docentes reutilizar y adaptar tu trabajo; con CC BY-SA, sus adaptaciones también siguen siendo abiertas.
materials-form-licence-link = Sobre las licencias
materials-form-audience = A quién va dirigido
materials-form-types = Tipo de recurso
materials-form-levels = Niveles educativos (ISCED 2011)
materials-form-subjects = Campos de educación (ISCED-F)
materials-form-subjects-help = El campo de cada asignatura elegida se añade solo; añade otros si encajan (10 como máximo).
materials-form-time = Duración
materials-form-time-none = Sin indicar
materials-form-time-other = Otra duración
materials-form-time-other-placeholder = p. ej., 50 o PT1H15M
materials-form-time-other-help = Minutos (50) o una duración ISO 8601: PT1H15M es 1 hora y 15 minutos, P3D son 3 días. Si lo rellenas, cuenta en lugar de la opción elegida.
materials-form-time-other-choice = Otra duración (abajo)
materials-form-teaches = Qué enseña
materials-form-competences = Competencias digitales docentes (DigCompEdu), para materiales de formación del profesorado
materials-form-teaches-text = Destrezas o temas que enseña
materials-form-teaches-text-help = Uno por línea, p. ej., «Sumar fracciones» o «Escritura argumentativa». Junto con las competencias de arriba, 10 como máximo.
materials-form-files-and-links = Archivos y enlaces
materials-form-files-now = Archivos actuales
materials-form-remove-file = Quitar { $name }
materials-form-add-files = Añadir archivos
materials-form-files = Archivos
materials-form-files-help =
    PDF, documentos de ofimática (Word, Excel, PowerPoint, OpenDocument, RTF), imágenes (PNG, JPEG, GIF, WebP), audio (MP3, Ogg, WAV, M4A, FLAC), vídeo (MP4, WebM), archivos comprimidos (ZIP, gzip, 7z, tar) y texto sin formato. { $at_once ->
        [one] Un archivo cada vez, de { $size } como máximo
       *[other] Hasta { $at_once } archivos a la vez, de { $size } como máximo cada uno
    }; un material puede tener en total { $max ->
        [one] un archivo o enlace como máximo
       *[other] { $max } archivos y enlaces como máximo
    }.
materials-form-file-too-large = { $count ->
    [one] { $names } supera { $size } y se rechazaría. Elige archivos más pequeños.
   *[other] { $names } superan { $size } y se rechazarían. Elige archivos más pequeños.
    }
materials-form-links = Enlaces a archivos en otros sitios
materials-form-links-help = Una dirección web por línea (http:// o https://), p. ej., un vídeo o un documento compartido.
materials-form-publish-note-edit = Al guardar se publica el cambio: cualquiera puede encontrar el material, comentarlo y adaptarlo, y llega a los servidores de tus seguidores.
materials-form-publish-note-new = Al publicarlo, el material se hace público: cualquiera puede encontrarlo, comentarlo y adaptarlo, y llega a los servidores de tus seguidores.
materials-form-save = Guardar cambios
materials-form-publish-adaptation = Publicar la adaptación
materials-form-publish = Publicar
materials-form-cancel = Cancelar

## Página de un material

materials-show-published = Publicado. Docentes de aquí y de otros servidores ya pueden encontrarlo.
materials-show-saved = Guardado como versión { $version }.
materials-show-changed = modificado el <time datetime="{ $iso }">{ $date }</time>
materials-show-adapted-from-link = Adaptado de <a href="{ $url }">{ $name }</a>
materials-show-adapted-from = Adaptado de { $name }
materials-show-source = Compartido desde otro servidor: <a href="{ $url }" rel="noopener noreferrer">velo allí</a>.
materials-show-remix = Remezclar
materials-show-sign-in-to-remix = Inicia sesión para remezclar
materials-show-edit = Editar
materials-show-comments = Comentarios ({ $count })
materials-show-licence = Licencia
materials-show-language = Idioma
materials-show-type = Tipo
materials-show-levels = Niveles
materials-show-subjects = Campos de educación (ISCED-F)
materials-show-competences = Competencias digitales (DigCompEdu)
materials-show-teaches = Enseña
materials-show-time = Duración
materials-show-version = Versión
materials-show-history = Historial
materials-show-body = El material
materials-show-files = Archivos
materials-show-file-host = en { $host }
materials-show-download = Descargar
materials-show-open = Abrir
materials-show-no-files = No hay archivos: todo está en esta página.
materials-show-remixes = Remezclas
materials-show-remix-elsewhere = en otro servidor
materials-show-no-remixes = Nadie lo ha adaptado todavía.
materials-show-first-remix = <a href="{ $url }">Haz la primera remezcla</a>.
materials-show-delete-heading = Eliminar
materials-show-delete-explained = Al eliminarlo, el material y sus archivos desaparecen de aquí y se avisa a los demás servidores que lo tienen. No se puede deshacer.
materials-show-delete-confirm = ¿Eliminar «{ $name }» definitivamente?
materials-show-delete = Eliminar

## El borrador de un formulario que guarda el navegador (materiales y casos de innovación)

draft-kept = Borrador guardado en este navegador ({ $time }).
draft-restored = Se ha recuperado tu borrador sin guardar del { $time }.
draft-discard = Descartar el borrador
draft-discarded = Se ha descartado el borrador.

## Historial de versiones de un material o de un caso

history-title = Historial: { $title }
history-lead = Todas las versiones, de la más reciente a la más antigua, tal como eran entonces.
history-lead-case = Todas las versiones del caso, de la más reciente a la más antigua, tal como eran entonces.
history-version = Versión { $version }
history-current = la actual
history-first-published = primera publicación
history-changed = cambios: { $parts }
history-unchanged = sin cambios en el texto ni en los datos
history-stage = Fase de generalización: { $stage }
history-licence = Licencia: { $licence }
history-none = No hay versiones registradas.

## Qué cambió entre dos versiones

history-part-title = título
history-part-description = descripción
history-part-text = texto
history-part-language = idioma
history-part-authors = autores
history-part-licence = licencia
history-part-terms = tipos, niveles, materias o competencias
history-part-teaches = qué enseña
history-part-time-required = duración
history-part-original = original
history-part-files = archivos
history-part-summary = resumen
history-part-country = país
history-part-region = región
history-part-sector = sector
history-part-levels = niveles
history-part-context = contexto
history-part-problem = problema o necesidad
history-part-intervention = intervención
history-part-ict-tools = TIC y herramientas
history-part-actors = participantes y funciones
history-part-barriers = barreras
history-part-enablers = facilitadores y factores de éxito
history-part-evidence-kinds = tipos de evidencia
history-part-evidence = evidencias de impacto
history-part-evidence-links = enlaces a las evidencias
history-part-costs = costes y recursos
history-part-transfer = condiciones para la transferencia
history-part-stage = etapa de generalización
history-part-digcompedu = competencias DigCompEdu
history-part-selfie = áreas SELFIE
history-part-linked-materials = materiales didácticos vinculados
history-part-contact = contacto
materials-filter-school-subject = Asignatura
materials-filter-any-school-subject = Cualquier asignatura
materials-show-school-subjects = Asignaturas
materials-form-school-subjects = Asignaturas
materials-form-school-subjects-help = Marca cada asignatura a la que está destinado (10 como máximo). Escribe en la casilla para acortar la lista.
history-part-school-subjects = asignaturas
history-part-subjects = campos de educación
