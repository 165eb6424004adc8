<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Accessibility</name>
    <message>
        <source>the field</source>
        <translation>el campo</translation>
    </message>
    <message>
        <source>Clear {field}</source>
        <translation>Borrar {field}</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>Más botones de la barra</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Paneles</translation>
    </message>
    <message>
        <source>{name} choices</source>
        <translation>Opciones de {name}</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>opciones</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Go back (hold the button for the pages before)</source>
        <translation>Volver atrás (mantenga pulsado el botón para ver las páginas anteriores)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>Go forward (hold the button for the pages after)</source>
        <translation>Ir adelante (mantenga pulsado el botón para ver las páginas siguientes)</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>Ir a la página de inicio</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>¿Necesita ayuda ahora?</translation>
    </message>
    <message>
        <source>Crisis lines and what to do in an emergency</source>
        <translation>Líneas de crisis y qué hacer en una emergencia</translation>
    </message>
    <message>
        <source>&amp;Search the library</source>
        <translation>&amp;Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Find in this &amp;page…</source>
        <translation>Buscar en esta &amp;página…</translation>
    </message>
    <message>
        <source>Find words in the open page</source>
        <translation>Buscar palabras en la página abierta</translation>
    </message>
    <message>
        <source>&amp;Bookmark this page</source>
        <translation>&amp;Guardar en marcadores</translation>
    </message>
    <message>
        <source>Add the page to your bookmarks, or remove it</source>
        <translation>Añadir la página a sus marcadores, o quitarla</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print the page with its references</source>
        <translation>Imprimir la página con sus referencias</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>Save the page with its references as a PDF file</source>
        <translation>Guardar la página con sus referencias como archivo PDF</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Letra más grande</translation>
    </message>
    <message>
        <source>Make the reading text larger</source>
        <translation>Agrandar la letra del texto</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Letra más &amp;pequeña</translation>
    </message>
    <message>
        <source>Make the reading text smaller</source>
        <translation>Achicar la letra del texto</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>Tamaño &amp;normal</translation>
    </message>
    <message>
        <source>Reading text at its usual size</source>
        <translation>La letra del texto a su tamaño habitual</translation>
    </message>
    <message>
        <source>&amp;Next panel</source>
        <translation>Panel &amp;siguiente</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the next panel</source>
        <translation>Llevar el foco del teclado al panel siguiente</translation>
    </message>
    <message>
        <source>Pre&amp;vious panel</source>
        <translation>Panel a&amp;nterior</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the previous panel</source>
        <translation>Llevar el foco del teclado al panel anterior</translation>
    </message>
    <message>
        <source>Go to the res&amp;ults</source>
        <translation>Ir a los r&amp;esultados</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the search results</source>
        <translation>Llevar el foco del teclado a los resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Go to the &amp;text</source>
        <translation>Ir al &amp;texto</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the text of the open page</source>
        <translation>Llevar el foco del teclado al texto de la página abierta</translation>
    </message>
    <message>
        <source>&amp;Clear recent pages and searches</source>
        <translation>&amp;Borrar páginas y búsquedas recientes</translation>
    </message>
    <message>
        <source>Forget the pages read and the searches made lately</source>
        <translation>Olvidar las páginas leídas y las búsquedas hechas últimamente</translation>
    </message>
    <message>
        <source>Content &amp;problems…</source>
        <translation>Pro&amp;blemas del contenido…</translation>
    </message>
    <message>
        <source>Files of the content pack that could not be read, and why</source>
        <translation>Archivos del paquete de contenido que no se pudieron leer, y por qué</translation>
    </message>
    <message>
        <source>&amp;About Lantern</source>
        <translation>&amp;Acerca de Lantern</translation>
    </message>
    <message>
        <source>Version and content pack</source>
        <translation>Versión y paquete de contenido</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close Lantern</source>
        <translation>Cerrar Lantern</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Letra más pequeña</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Letra más grande</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Clear everything and go back to the start</source>
        <translation>Borrarlo todo y volver al principio</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Print this page on the clinic&apos;s printer</source>
        <translation>Imprimir esta página en la impresora del centro</translation>
    </message>
</context>
<context>
    <name>Bookmarks</name>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>&amp;Show bookmarks</source>
        <translation>&amp;Mostrar marcadores</translation>
    </message>
    <message>
        <source>Bookmarks panel</source>
        <translation>Panel de marcadores</translation>
    </message>
    <message>
        <source>Pages you bookmarked. Enter opens one, Delete removes it.</source>
        <translation>Las páginas que guardó en marcadores. Intro abre una; Supr la quita.</translation>
    </message>
    <message>
        <source>No bookmarks yet. Press Ctrl+D on a page to keep it here.</source>
        <translation>Todavía no hay marcadores. Pulse Ctrl+D en una página para guardarla aquí.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected bookmark</source>
        <translation>Quitar el marcador elegido</translation>
    </message>
    <message>
        <source>Remove bookmark</source>
        <translation>Quitar el marcador</translation>
    </message>
    <message>
        <source>Bookmark removed: {title}</source>
        <translation>Marcador quitado: {title}</translation>
    </message>
    <message>
        <source>Bookmarked “{title}” (Bookmarks panel, Ctrl+D again to remove)</source>
        <translation>«{title}» guardado en marcadores (panel Marcadores; Ctrl+D otra vez para quitarlo)</translation>
    </message>
</context>
<context>
    <name>Contents</name>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Contents panel</source>
        <translation>Panel de contenido</translation>
    </message>
    <message>
        <source>Sections of this page</source>
        <translation>Secciones de esta página</translation>
    </message>
    <message>
        <source>Choose a section to go to it in the text</source>
        <translation>Elija una sección para ir a ella en el texto</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contenido</translation>
    </message>
    <message>
        <source>Show the sections of the open page</source>
        <translation>Mostrar las secciones de la página abierta</translation>
    </message>
    <message>
        <source>This page has no sections.</source>
        <translation>Esta página no tiene secciones.</translation>
    </message>
    <message>
        <source>Went to the section {title}</source>
        <translation>Ahora en la sección {title}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Content problems</source>
        <translation>Problemas del contenido</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se encontraron problemas.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Content licence</source>
        <translation>Licencia del contenido</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Avisos de terceros</translation>
    </message>
    <message>
        <source>The file {name} could not be read: {error}</source>
        <translation>No se pudo leer el archivo {name}: {error}</translation>
    </message>
    <message>
        <source>The content is still loading.</source>
        <translation>El contenido todavía se está cargando.</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>versión {version}</translation>
    </message>
    <message>
        <source>Facts last checked: {date} (each article shows its own date)</source>
        <translation>Datos comprobados por última vez: {date} (cada artículo muestra su propia fecha)</translation>
    </message>
    <message>
        <source>About Lantern</source>
        <translation>Acerca de Lantern</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>An offline reading companion about psychedelic-assisted therapy and newer treatments for depression and PTSD.</source>
        <translation>Un compañero de lectura sin conexión sobre la terapia asistida con psicodélicos y los tratamientos más nuevos para la depresión y el TEPT.</translation>
    </message>
    <message>
        <source>Information, not medical advice.</source>
        <translation>Información, no consejo médico.</translation>
    </message>
    <message>
        <source>Lantern&apos;s code: MIT. Its content: CC BY 4.0. Qt {qt} and PySide6 {pyside}: LGPL-3.0. The other tabs have the full texts and the libraries&apos; notices.</source>
        <translation>El código de Lantern: MIT. Su contenido: CC BY 4.0. Qt {qt} y PySide6 {pyside}: LGPL-3.0. Las otras pestañas tienen los textos completos y los avisos de las bibliotecas.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licencias</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this page</source>
        <translation>Buscar en esta página</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message numerus="yes">
        <source>%n match</source>
        <comment>%n matches</comment>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>Filter terms</source>
        <translation>Filtrar términos</translation>
    </message>
    <message>
        <source>Filter glossary terms</source>
        <translation>Filtrar los términos del glosario</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>Términos del glosario</translation>
    </message>
    <message>
        <source>Glossary entry</source>
        <translation>Entrada del glosario</translation>
    </message>
    <message>
        <source>Choose a term above, or click a word underlined with dots in the text, to see what it means.</source>
        <translation>Elija un término arriba, o haga clic en una palabra subrayada con puntos en el texto, para ver qué significa.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>Teclado en pantalla</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Clear the field</source>
        <translation>Borrar el campo</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>Ocultar teclado</translation>
    </message>
    <message>
        <source>Hide the keyboard</source>
        <translation>Ocultar el teclado</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Smaller text</source>
        <translation>Letra más pequeña</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Letra más grande</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>Imprimir esta página</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Website links are off here</source>
        <translation>Aquí no se abren sitios web</translation>
    </message>
    <message>
        <source>This link goes to a website, which this screen cannot open.</source>
        <translation>Este enlace lleva a un sitio web, y esta pantalla no puede abrirlo.</translation>
    </message>
    <message>
        <source>You can note the address and look it up later:</source>
        <translation>Puede apuntar la dirección y buscarla más tarde:</translation>
    </message>
    <message>
        <source>No printer here</source>
        <translation>Aquí no hay impresora</translation>
    </message>
    <message>
        <source>This screen has no printer set up. Please ask at the front desk.</source>
        <translation>Esta pantalla no tiene una impresora configurada. Pregunte en recepción, por favor.</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimiendo</translation>
    </message>
    <message>
        <source>“{title}” is on its way to the printer.</source>
        <translation>«{title}» va camino de la impresora.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message>
        <source>Still reading?</source>
        <translation>¿Sigue leyendo?</translation>
    </message>
    <message>
        <source>Yes, I&apos;m still reading</source>
        <translation>Sí, sigo leyendo</translation>
    </message>
    <message numerus="yes">
        <source>Lantern will start over in %n second,
so the next person sees a clean screen.</source>
        <comment>Lantern will start over in %n seconds,
so the next person sees a clean screen.</comment>
        <translation>
            <numerusform>Lantern volverá a empezar en %n segundo,
para que la próxima persona encuentre la pantalla limpia.</numerusform>
            <numerusform>Lantern volverá a empezar en %n segundos,
para que la próxima persona encuentre la pantalla limpia.</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Solo personal</translation>
    </message>
    <message>
        <source>Enter the staff PIN to leave kiosk mode.</source>
        <translation>Escriba el PIN del personal para salir del modo quiosco.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Recently read</source>
        <translation>Leídas &amp;recientemente</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="vanished">&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Printed from Lantern, an offline reading companion. Information, not medical advice.</source>
        <translation>Impreso desde Lantern, un compañero de lectura sin conexión. Información, no consejo médico.</translation>
    </message>
    <message>
        <source>Source: {source}.</source>
        <translation>Fuente: {source}.</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>No se pudo escribir el PDF.</translation>
    </message>
    <message>
        <source>The PDF could not be written ({reason}).</source>
        <translation>No se pudo escribir el PDF ({reason}).</translation>
    </message>
    <message>
        <source>There is no page to export.</source>
        <translation>No hay ninguna página que exportar.</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Flotante</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Reader</source>
        <translation>Lector</translation>
    </message>
    <message>
        <source>The article or answer being read</source>
        <translation>El artículo o la respuesta que se está leyendo</translation>
    </message>
    <message>
        <source>No more headings</source>
        <translation>No hay más títulos</translation>
    </message>
    <message>
        <source>No earlier headings</source>
        <translation>No hay títulos anteriores</translation>
    </message>
    <message>
        <source>Heading level {level}, {heading}</source>
        <translation>Título de nivel {level}, {heading}</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>En español</source>
        <translation>En español</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>In English</translation>
    </message>
</context>
<context>
    <name>References</name>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>The works this page cites. Click or tap one to copy it or see its QR code.</source>
        <translation>Las obras que cita esta página. Haga clic o toque una para copiarla o ver su código QR.</translation>
    </message>
    <message>
        <source>This page cites no references.</source>
        <translation>Esta página no cita referencias.</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Copiar la cita</translation>
    </message>
    <message>
        <source>Copy the selected reference, as one line of text, to the clipboard</source>
        <translation>Copiar la referencia elegida, como una línea de texto, al portapapeles</translation>
    </message>
    <message>
        <source>QR code of the selected reference&apos;s link</source>
        <translation>Código QR del enlace de la referencia elegida</translation>
    </message>
    <message>
        <source>Link of the selected reference</source>
        <translation>Enlace de la referencia elegida</translation>
    </message>
    <message>
        <source>Scan with a phone camera to open the study:</source>
        <translation>Escanéelo con la cámara del teléfono para abrir el estudio:</translation>
    </message>
    <message>
        <source>This address is too long for a QR code:</source>
        <translation>Esta dirección es demasiado larga para un código QR:</translation>
    </message>
    <message>
        <source>This reference has no DOI or web address.</source>
        <translation>Esta referencia no tiene DOI ni dirección web.</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Show only results of this kind</source>
        <translation>Mostrar solo resultados de este tipo</translation>
    </message>
    <message>
        <source>T&amp;opic</source>
        <translation>Te&amp;ma</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Show only results about this topic</source>
        <translation>Mostrar solo resultados sobre este tema</translation>
    </message>
    <message>
        <source>All kinds ({count})</source>
        <translation>Todos ({count})</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Todos</translation>
    </message>
    <message numerus="yes">
        <source>(the best %n listed)</source>
        <comment>(the best %n listed)</comment>
        <translation>
            <numerusform>(se muestra el mejor)</numerusform>
            <numerusform>(se muestran los %n mejores)</numerusform>
        </translation>
    </message>
    <message>
        <source>Results for “{query}”</source>
        <translation>Resultados para «{query}»</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>No se encontró nada para «{query}».</translation>
    </message>
    <message>
        <source>Glossary terms spelled like it:</source>
        <translation>Términos del glosario que se escriben parecido:</translation>
    </message>
    <message>
        <source>Or start with one of these questions:</source>
        <translation>O empiece por una de estas preguntas:</translation>
    </message>
    <message>
        <source>Did you mean {word}?</source>
        <translation>¿Quiso decir {word}?</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Recent search</source>
        <translation>Búsqueda reciente</translation>
    </message>
    <message>
        <source>{kind}: {title}, section {heading}</source>
        <translation>{kind}: {title}, sección {heading}</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Settings were reset</source>
        <translation>Se restableció la configuración</translation>
    </message>
    <message>
        <source>Details are in the log file:</source>
        <translation>Los detalles están en el archivo de registro:</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Lantern hit an unexpected error and carried on. If something looks wrong, close Lantern and open it again.</source>
        <translation>Lantern tuvo un error inesperado y siguió funcionando. Si algo no se ve bien, cierre Lantern y vuelva a abrirlo.</translation>
    </message>
    <message>
        <source>Your settings file could not be read, so Lantern started with its default layout. The old file was kept as {name} in {folder}.</source>
        <translation>No se pudo leer su archivo de configuración, así que Lantern empezó con la disposición predeterminada. El archivo antiguo se guardó como {name} en {folder}.</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Como el &amp;sistema</translation>
    </message>
    <message>
        <source>Light or dark as the desktop is set</source>
        <translation>Claro u oscuro, según esté configurado el escritorio</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>Light colours</source>
        <translation>Colores claros</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>Dark colours</source>
        <translation>Colores oscuros</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <source>High contrast colours</source>
        <translation>Colores de alto contraste</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Lantern is already open (process {pid}).</source>
        <translation>Lantern ya está abierto (proceso {pid}).</translation>
    </message>
    <message>
        <source>Lantern is already open.</source>
        <translation>Lantern ya está abierto.</translation>
    </message>
    <message>
        <source>Lantern is already open</source>
        <translation>Lantern ya está abierto</translation>
    </message>
    <message>
        <source>Switch to its window to keep reading.</source>
        <translation>Cambie a su ventana para seguir leyendo.</translation>
    </message>
    <message>
        <source>Tap to search</source>
        <translation>Toque para buscar</translation>
    </message>
    <message>
        <source>Need help now</source>
        <translation>Necesita ayuda ahora</translation>
    </message>
    <message>
        <source>No search results. Search with Control K.</source>
        <translation>No hay resultados de búsqueda. Busque con Control K.</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Abriendo la biblioteca…</translation>
    </message>
    <message>
        <source>Loading content…</source>
        <translation>Cargando el contenido…</translation>
    </message>
    <message>
        <source>Lantern could not open its library</source>
        <translation>Lantern no pudo abrir su biblioteca</translation>
    </message>
    <message>
        <source>Loading failed</source>
        <translation>No se pudo cargar</translation>
    </message>
    <message>
        <source>Not found: {address}</source>
        <translation>No se encontró: {address}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
    <message>
        <source>This page is not in the library.</source>
        <translation>Esta página no está en la biblioteca.</translation>
    </message>
    <message>
        <source>This page could not be opened</source>
        <translation>No se pudo abrir esta página</translation>
    </message>
    <message>
        <source>Something went wrong while putting it together.</source>
        <translation>Algo salió mal al prepararla.</translation>
    </message>
    <message>
        <source>Nothing read yet</source>
        <translation>Todavía no ha leído nada</translation>
    </message>
    <message>
        <source>Open in your browser?</source>
        <translation>¿Abrir en su navegador?</translation>
    </message>
    <message>
        <source>This link leaves Lantern and opens in your web browser:</source>
        <translation>Este enlace sale de Lantern y se abre en su navegador web:</translation>
    </message>
    <message>
        <source>“{word}” is not in the glossary. Ctrl+K searches the library for it.</source>
        <translation>«{word}» no está en el glosario. Ctrl+K lo busca en la biblioteca.</translation>
    </message>
    <message>
        <source>Search: try DMN, ketamine, microdosing…</source>
        <translation>Buscar: pruebe DMN, ketamina, microdosis…</translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation>Creando el índice de búsqueda</translation>
    </message>
    <message>
        <source>Building the search index… %p%</source>
        <translation>Creando el índice de búsqueda… %p %</translation>
    </message>
    <message>
        <source>Content reloaded · no problems</source>
        <translation>Contenido recargado · sin problemas</translation>
    </message>
    <message>
        <source>Content reloaded · {problem}</source>
        <translation>Contenido recargado · {problem}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more (View › Content problems)</source>
        <comment>and %n more (View › Content problems)</comment>
        <translation>
            <numerusform>y %n más (Ver › Problemas del contenido)</numerusform>
            <numerusform>y %n más (Ver › Problemas del contenido)</numerusform>
        </translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>Actualizando el índice de búsqueda…</translation>
    </message>
    <message>
        <source>Search index updated</source>
        <translation>Índice de búsqueda actualizado</translation>
    </message>
    <message>
        <source>The search index could not be updated; searching the previous one</source>
        <translation>No se pudo actualizar el índice de búsqueda; se busca en el anterior</translation>
    </message>
</context>
</TS>
