<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccuracyPlot</name>
    <message>
        <location filename="../../ui/plots/curves.py" line="372"/>
        <source>Accuracy per epoch</source>
        <translation>Aciertos por época</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="373"/>
        <source>Share of examples the network classifies correctly, on the training examples and on the test examples. Higher is better.</source>
        <translation>Porcentaje de ejemplos que la red clasifica bien, en los ejemplos de entrenamiento y en los de prueba. Cuanto más alto, mejor.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="375"/>
        <source>accuracy (%)</source>
        <translation>aciertos (%)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="377"/>
        <source>Accuracy</source>
        <translation>Aciertos</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="44"/>
        <location filename="../../ui/panels/confusion_panel.py" line="60"/>
        <source>Confusion matrix</source>
        <extracomment>the data set rows (in the data table&apos;s order) of the clicked cell</extracomment>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="50"/>
        <source>Examples counted</source>
        <translation>Ejemplos contados</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="51"/>
        <source>Count the test examples (never learned from) or the training examples</source>
        <translation>Contar los ejemplos de prueba (de los que nunca aprende) o los de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="53"/>
        <source>Test examples</source>
        <translation>Ejemplos de prueba</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="54"/>
        <source>Training examples</source>
        <translation>Ejemplos de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="55"/>
        <source>Rows: the true class · columns: the network&apos;s answer</source>
        <translation>Filas: la clase verdadera · columnas: la respuesta de la red</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="61"/>
        <source>How many examples of each true class (row) the network gives each answer (column). Click a cell to select those examples in the data table.</source>
        <translation>Cuántos ejemplos de cada clase verdadera (fila) reciben cada respuesta de la red (columna). Haz clic en una celda para seleccionar esos ejemplos en la tabla de datos.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="125"/>
        <source>The confusion matrix counts classes: this data set predicts numbers.</source>
        <translation>La matriz de confusión cuenta clases: este conjunto de datos predice números.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="126"/>
        <source>No data set.</source>
        <translation>No hay conjunto de datos.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="132"/>
        <source>Press Train or Step to see the network&apos;s answers.</source>
        <translation>Pulsa Entrenar o Paso para ver las respuestas de la red.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="143"/>
        <source>There are no test examples: every example is used for training.</source>
        <translation>No hay ejemplos de prueba: todos los ejemplos se usan para el entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="145"/>
        <source>{n} test examples</source>
        <translation>{n} ejemplos de prueba</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="145"/>
        <source>{n} training examples</source>
        <translation>{n} ejemplos de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="146"/>
        <source>{what}: {right} right ({percent}).</source>
        <translation>{what}: {right} aciertos ({percent}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="165"/>
        <source>right</source>
        <translation>aciertos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="179"/>
        <source>{n} examples of {true} called {true}: right</source>
        <translation>{n} ejemplos de {true} clasificados como {true}: aciertos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="183"/>
        <source>{n} examples of {true} called {predicted}: wrong</source>
        <translation>{n} ejemplos de {true} clasificados como {predicted}: errores</translation>
    </message>
    <message>
        <location filename="../../ui/panels/confusion_panel.py" line="188"/>
        <source>Share of the {true} examples the network gets right</source>
        <translation>Parte de los ejemplos de {true} que la red acierta</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../ui/crash_guard.py" line="83"/>
        <source>Something went wrong in nnsim, but your work is still open and nnsim keeps running.</source>
        <extracomment>the log&apos;s name in the user&apos;s data folder an error was caught: (one-line summary, the log&apos;s path); queued to the window&apos;s thread the dialog about the last error (None before any), kept so errors do not stack up</extracomment>
        <translation>Algo ha fallado en nnsim, pero tu trabajo sigue abierto y nnsim sigue funcionando.</translation>
    </message>
    <message>
        <location filename="../../ui/crash_guard.py" line="85"/>
        <source>What happened: %1</source>
        <translation>Qué ha pasado: %1</translation>
    </message>
    <message>
        <location filename="../../ui/crash_guard.py" line="87"/>
        <source>The details were written to %1.</source>
        <translation>Los detalles se han guardado en %1.</translation>
    </message>
    <message>
        <location filename="../../ui/crash_guard.py" line="88"/>
        <source>To be safe, save your work to a new file.</source>
        <translation>Por si acaso, guarda tu trabajo en un archivo nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/crash_guard.py" line="92"/>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <location filename="../../ui/crash_guard.py" line="96"/>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <location filename="../../ui/crash_guard.py" line="98"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="109"/>
        <source>Import a table: {name}</source>
        <translation>Importar una tabla: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="110"/>
        <source>Import a CSV table</source>
        <translation>Importar una tabla CSV</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="134"/>
        <source>Text encoding</source>
        <translation>Codificación del texto</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="135"/>
        <source>How the file&apos;s letters are stored; if accents look wrong in the preview, try another</source>
        <translation>Cómo guarda el archivo sus letras; si los acentos se ven mal en la vista previa, prueba otra</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="137"/>
        <source>Separator</source>
        <translation>Separador</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="138"/>
        <source>The character between the values of a row</source>
        <translation>El carácter que separa los valores de una fila</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="139"/>
        <source>Decimal mark</source>
        <translation>Separador decimal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="140"/>
        <source>How the numbers write their decimals: 5.1 or 5,1</source>
        <translation>Cómo escriben los números sus decimales: 5.1 o 5,1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="141"/>
        <source>Answer column</source>
        <translation>Columna de la respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="142"/>
        <source>The column the network learns to predict: the known answer</source>
        <translation>La columna que la red aprende a predecir: la respuesta conocida</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="143"/>
        <source>Kind of answer</source>
        <translation>Tipo de respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="144"/>
        <source>A class is a name or a category; a number is a quantity to predict</source>
        <translation>Una clase es un nombre o una categoría; un número es una cantidad que predecir</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="145"/>
        <source>Columns to leave out</source>
        <translation>Columnas que se dejan fuera</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="146"/>
        <source>Tick the columns the network should not learn from, such as names or ids</source>
        <translation>Marca las columnas de las que la red no debe aprender, como nombres o identificadores</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="148"/>
        <source>Preview of the first rows</source>
        <translation>Vista previa de las primeras filas</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="149"/>
        <source>The first rows of the file, as they will be read</source>
        <translation>Las primeras filas del archivo, tal como se leerán</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="156"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="157"/>
        <source>What must be fixed, in the file or in the choices, before loading</source>
        <translation>Lo que hay que corregir, en el archivo o en las opciones, antes de cargar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="159"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="161"/>
        <source>Reading progress</source>
        <translation>Progreso de la lectura</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="162"/>
        <source>How much of the file has been read</source>
        <translation>Cuánto del archivo se ha leído ya</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="166"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="166"/>
        <source>UTF-8 with a byte-order mark</source>
        <translation>UTF-8 con marca de orden de bytes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="167"/>
        <source>UTF-16 (little-endian)</source>
        <translation>UTF-16 (little-endian)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="168"/>
        <source>UTF-16 (big-endian)</source>
        <translation>UTF-16 (big-endian)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="169"/>
        <source>Windows-1252 (Western Europe)</source>
        <translation>Windows-1252 (Europa occidental)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="171"/>
        <source>Comma ( , )</source>
        <translation>Coma ( , )</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="171"/>
        <source>Semicolon ( ; )</source>
        <translation>Punto y coma ( ; )</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="171"/>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="173"/>
        <source>Point (5.1)</source>
        <translation>Punto (5.1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="174"/>
        <source>Comma (5,1)</source>
        <translation>Coma (5,1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="175"/>
        <source>A class (a name or category)</source>
        <translation>Una clase (un nombre o una categoría)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="176"/>
        <source>A number (a quantity)</source>
        <translation>Un número (una cantidad)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="179"/>
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="181"/>
        <source>Load the table</source>
        <translation>Cargar la tabla</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="189"/>
        <source>Reading the file</source>
        <translation>Lectura del archivo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="191"/>
        <source>&amp;Encoding</source>
        <translation>&amp;Codificación</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="191"/>
        <source>&amp;Separator</source>
        <translation>&amp;Separador</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="192"/>
        <source>&amp;Decimal mark</source>
        <translation>Separador &amp;decimal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="194"/>
        <source>What to learn</source>
        <translation>Qué aprender</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="196"/>
        <source>&amp;Answer column</source>
        <translation>Columna de la &amp;respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="197"/>
        <source>&amp;The answer is</source>
        <translation>&amp;La respuesta es</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="198"/>
        <source>Leave out</source>
        <translation>Dejar fuera</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="214"/>
        <source>First rows of the file:</source>
        <translation>Primeras filas del archivo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="216"/>
        <source>Problems:</source>
        <translation>Problemas:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="280"/>
        <source>{choice} (detected)</source>
        <translation>{choice} (detectado)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="316"/>
        <source>The answer column</source>
        <translation>La columna de la respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="324"/>
        <source>{name} (answer)</source>
        <translation>{name} (respuesta)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="326"/>
        <source>{name} (left out)</source>
        <translation>{name} (fuera)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="350"/>
        <source>No problems in the {n} rows shown.</source>
        <translation>Ningún problema en las {n} filas mostradas.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="352"/>
        <source>No problems in the first {n} rows; Load checks the rest.</source>
        <translation>Ningún problema en las primeras {n} filas; Cargar revisa el resto.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="355"/>
        <source>No problems in the first {n} rows; Load reads and checks the whole file.</source>
        <translation>Ningún problema en las primeras {n} filas; Cargar lee y revisa todo el archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="359"/>
        <source>Column “{name}” holds words, not numbers: tick it under Leave out, or choose it as the answer.</source>
        <translation>La columna «{name}» tiene palabras, no números: márcala en Dejar fuera o elígela como respuesta.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="362"/>
        <source>Fix the problems above (or change the choices) to load the table.</source>
        <translation>Corrige los problemas de arriba (o cambia las opciones) para cargar la tabla.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="372"/>
        <source>This file cannot be imported.</source>
        <translation>Este archivo no se puede importar.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="411"/>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/csv_import.py" line="434"/>
        <source>Nothing was loaded. Fix the file (or change the choices) and try again.</source>
        <translation>No se ha cargado nada. Corrige el archivo (o cambia las opciones) y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>DataNames</name>
    <message>
        <location filename="../../model/messages.py" line="250"/>
        <source>sepal length (cm)</source>
        <extracomment>The built-in data sets&apos; texts as the engine gives them: column names, and the titles and descriptions of the data set chooser.</extracomment>
        <translation>largo del sépalo (cm)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="251"/>
        <source>sepal width (cm)</source>
        <translation>ancho del sépalo (cm)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="252"/>
        <source>petal length (cm)</source>
        <translation>largo del pétalo (cm)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="253"/>
        <source>petal width (cm)</source>
        <translation>ancho del pétalo (cm)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="255"/>
        <source>Iris flowers</source>
        <translation>Flores Iris</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="256"/>
        <source>150 real flowers, 4 measurements, 3 species (Fisher 1936)</source>
        <translation>150 flores reales, 4 medidas, 3 especies (Fisher, 1936)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="257"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="258"/>
        <source>2-D, 2 classes in opposite corners: no single line separates them</source>
        <translation>2-D, 2 clases en esquinas opuestas: ninguna recta las separa</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="259"/>
        <source>Circles</source>
        <translation>Círculos</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="260"/>
        <source>2-D, a disc of one class inside a ring of the other</source>
        <translation>2-D, un disco de una clase dentro de un anillo de la otra</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="261"/>
        <source>Two blobs</source>
        <translation>Dos nubes</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="262"/>
        <source>2-D, two round clouds: a straight line separates them</source>
        <translation>2-D, dos nubes redondas: una recta las separa</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="263"/>
        <source>Spiral</source>
        <translation>Espiral</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="264"/>
        <source>2-D, two arms winding around each other: the hardest</source>
        <translation>2-D, dos brazos enroscados entre sí: el más difícil</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="265"/>
        <source>Moons</source>
        <translation>Lunas</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="266"/>
        <source>2-D, two interleaved half circles</source>
        <translation>2-D, dos medias lunas entrelazadas</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="267"/>
        <source>Sine curve</source>
        <translation>Curva seno</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="268"/>
        <source>regression, 1 input: y = sin(x) + noise</source>
        <translation>regresión, 1 entrada: y = sen(x) + ruido</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="269"/>
        <source>Plane</source>
        <translation>Plano</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="270"/>
        <source>regression, 2 inputs: y = 2*x1 - x2 + 0.5 + noise</source>
        <translation>regresión, 2 entradas: y = 2*x1 - x2 + 0,5 + ruido</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="236"/>
        <source>Data</source>
        <extracomment>a table read in the background has been taken in (True) or refused (False)</extracomment>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="251"/>
        <source>Data set</source>
        <extracomment>the CSV import dialog last opened (None before the first) the table being read in the background (None when there is none)</extracomment>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="252"/>
        <source>The examples the network learns from</source>
        <translation>Los ejemplos con los que aprende la red</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="254"/>
        <location filename="../../ui/panels/data_panel.py" line="704"/>
        <source>Open CSV…</source>
        <translation>Abrir CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="255"/>
        <source>Open a CSV file</source>
        <translation>Abrir un archivo CSV</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="256"/>
        <source>Learn from your own table: one row per example; you choose the answer column</source>
        <translation>Aprende de tu propia tabla: una fila por ejemplo; tú eliges la columna de la respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="258"/>
        <source>Data set description</source>
        <translation>Descripción del conjunto de datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="259"/>
        <source>What this data set is</source>
        <translation>Qué es este conjunto de datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="263"/>
        <location filename="../../ui/panels/data_panel.py" line="315"/>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="264"/>
        <source>How much the points are shaken off their perfect places: more noise makes the pattern harder to learn</source>
        <translation>Cuánto se mueven los puntos de su sitio perfecto: con más ruido el dibujo cuesta más de aprender</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="271"/>
        <source>Number of examples</source>
        <translation>Número de ejemplos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="272"/>
        <source>How many points to generate</source>
        <translation>Cuántos puntos generar</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="276"/>
        <location filename="../../ui/panels/data_panel.py" line="277"/>
        <source>New points</source>
        <translation>Puntos nuevos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="278"/>
        <source>Draw a fresh set of points with the same noise and size</source>
        <translation>Genera otros puntos con el mismo ruido y la misma cantidad</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="281"/>
        <source>Data set summary</source>
        <translation>Resumen del conjunto de datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="282"/>
        <source>How many examples, inputs and classes, and how they are split</source>
        <translation>Cuántos ejemplos, entradas y clases hay, y cómo se reparten</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="287"/>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="288"/>
        <source>Select a row to feed that example to the network</source>
        <translation>Elige una fila para dar ese ejemplo a la red</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="317"/>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="468"/>
        <source>Open a data table</source>
        <translation>Abrir una tabla de datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="468"/>
        <source>CSV tables (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Tablas CSV (*.csv *.txt *.tsv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="533"/>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="598"/>
        <source>the data set has no inputs or no answers to learn</source>
        <translation>el conjunto de datos no tiene entradas o no tiene respuestas que aprender</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="610"/>
        <source>Could not use the data</source>
        <translation>No se pudieron usar los datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="611"/>
        <source>nnsim could not use “{name}”:

{message}

Nothing was changed.</source>
        <translation>nnsim no pudo usar «{name}»:

{message}

No se ha cambiado nada.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="706"/>
        <source>Learn from your own table (a CSV file)</source>
        <translation>Aprende de tu propia tabla (un archivo CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="713"/>
        <source>File: {name}</source>
        <translation>Archivo: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="725"/>
        <source>No data set: the network on its own.</source>
        <translation>Sin conjunto de datos: la red sola.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="728"/>
        <source>Your table “{name}”.</source>
        <translation>Tu tabla «{name}».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="732"/>
        <source>Read as {encoding} text.</source>
        <translation>Leída como texto {encoding}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="742"/>
        <source>{k} classes</source>
        <translation>{k} clases</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="744"/>
        <source>predicts {names}</source>
        <translation>predice {names}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="745"/>
        <source>{n} examples, {d} inputs, {what}; {train} to train on, {test} to test.</source>
        <translation>{n} ejemplos, {d} entradas, {what}; {train} para entrenar y {test} para probar.</translation>
    </message>
</context>
<context>
    <name>DatasetTableModel</name>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="94"/>
        <source>class</source>
        <extracomment>how the encodings a table is read as are called in spreadsheets&apos; save dialogs a table at least this big is read in the background, so the window keeps painting while it is parsed (a 20 MB table takes seconds); smaller ones load at once</extracomment>
        <translation>clase</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="95"/>
        <source>set</source>
        <translation>conjunto</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="151"/>
        <source>predicted</source>
        <translation>predicción</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="151"/>
        <source>probability</source>
        <translation>probabilidad</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="194"/>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="194"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="216"/>
        <source>Wrong: the network answers {0}, the example is {1}</source>
        <translation>Error: la red responde {0}, el ejemplo es {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.py" line="217"/>
        <source>Right: the network answers {0}</source>
        <translation>Acierto: la red responde {0}</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <location filename="../../ui/plots/boundary.py" line="159"/>
        <source>Decision boundary</source>
        <extracomment>how strongly the background takes a class colour where the network is sure (the rest is white), so the dots on top stay visible after a snapshot of running training, leave the pictures to the worker for this long below this height (pixels) the legend shows its colours only, its sentences in the tooltip while training runs, a boundary line is traced on at most about this many cells per side a new set of neuron pictures: a tuple of float32 (res, res, n_l) arrays, one per layer 1..n_layers (``nnsim.core.grid.neuron_images``); None: no pictures the user chose the inputs on the axes: (x, y) indices</extracomment>
        <translation>Frontera de decisión</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="160"/>
        <source>What the network answers everywhere on the plane of the two inputs</source>
        <translation>Lo que responde la red en cada punto del plano de las dos entradas</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="184"/>
        <source>Decision boundary plot</source>
        <translation>Gráfico de la frontera de decisión</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="186"/>
        <source>Background: the network&apos;s answer at each point. Dots: the examples, coloured by their true class (filled: training, hollow: test).</source>
        <translation>Fondo: la respuesta de la red en cada punto. Puntos: los ejemplos, coloreados según su clase real (rellenos: entrenamiento; huecos: prueba).</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="214"/>
        <source>What the picture shows</source>
        <translation>Qué muestra la imagen</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="219"/>
        <location filename="../../ui/plots/boundary.py" line="221"/>
        <source>Show test data</source>
        <translation>Mostrar datos de prueba</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="222"/>
        <source>Draw the test examples (hollow dots) too</source>
        <translation>Dibujar también los ejemplos de prueba (puntos huecos)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="225"/>
        <location filename="../../ui/plots/boundary.py" line="227"/>
        <source>Discretize output</source>
        <translation>Discretizar la salida</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="228"/>
        <source>Colour each point by the answer alone: no shades of doubt</source>
        <translation>Colorear cada punto solo por la respuesta: sin matices de duda</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="230"/>
        <source>Input on the horizontal axis</source>
        <translation>Entrada en el eje horizontal</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="231"/>
        <source>Input on the vertical axis</source>
        <translation>Entrada en el eje vertical</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="232"/>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="233"/>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="252"/>
        <source>Decision boundary legend</source>
        <translation>Leyenda de la frontera de decisión</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="253"/>
        <location filename="../../ui/plots/boundary.py" line="843"/>
        <source>What the colours of the decision boundary mean</source>
        <translation>Qué significan los colores de la frontera de decisión</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="268"/>
        <location filename="../../ui/plots/boundary.py" line="735"/>
        <source>The decision boundary is drawn for data sets with two inputs.</source>
        <translation>La frontera de decisión se dibuja para conjuntos de datos con dos entradas.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="270"/>
        <source>Decision boundary note</source>
        <translation>Nota sobre la frontera de decisión</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="271"/>
        <source>Choose XOR, circles, spiral, moons, two blobs or the plane to see it</source>
        <translation>Elige XOR, círculos, espiral, lunas, dos nubes o el plano para verla</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="312"/>
        <source>Fitted curve</source>
        <translation>Curva ajustada</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="646"/>
        <location filename="../../ui/plots/boundary.py" line="647"/>
        <location filename="../../ui/plots/boundary.py" line="718"/>
        <source>{name} (standardized)</source>
        <translation>{name} (estandarizada)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="700"/>
        <source>Output node {name}: its value at each point</source>
        <translation>Nodo de salida {name}: su valor en cada punto</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="703"/>
        <source>Neuron {j} of hidden layer {l}: its value at each point</source>
        <translation>Neurona {j} de la capa oculta {l}: su valor en cada punto</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="706"/>
        <source>The network&apos;s answer at each point</source>
        <translation>La respuesta de la red en cada punto</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="709"/>
        <source>The other inputs are held at their training mean.</source>
        <translation>Las demás entradas se mantienen en su media de entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="725"/>
        <source>Line: the network&apos;s prediction. {train} training examples &amp;nbsp;{test} test examples</source>
        <translation>Línea: la predicción de la red. {train} ejemplos de entrenamiento &amp;nbsp;{test} ejemplos de prueba</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="738"/>
        <source>This data set has {n} inputs. Choose XOR, circles, spiral, moons, two blobs or the plane to watch it form.</source>
        <translation>Este conjunto de datos tiene {n} entradas. Elige XOR, círculos, espiral, lunas, dos nubes o el plano para ver cómo se forma.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="741"/>
        <source>This network has {n} inputs.</source>
        <translation>Esta red tiene {n} entradas.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="805"/>
        <source>{neg} -1 &amp;nbsp;{zero} 0 &amp;nbsp;{pos} +1&lt;br&gt;Background: the neuron&apos;s value at each point, in the colours of the graph&apos;s nodes. Move the pointer off the node to see the network&apos;s answer again.</source>
        <translation>{neg} -1 &amp;nbsp;{zero} 0 &amp;nbsp;{pos} +1&lt;br&gt;Fondo: el valor de la neurona en cada punto, con los colores de los nodos del grafo. Aparte el puntero del nodo para volver a ver la respuesta de la red.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="812"/>
        <source>Background: where the output node is off or on. The ring is the sample.</source>
        <translation>Fondo: dónde el nodo de salida está apagado o activado. El anillo es la muestra.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="814"/>
        <source>Background: where the output node is off or on; the dark line is where it is 50/50. The ring is the sample.</source>
        <translation>Fondo: dónde el nodo de salida está apagado o activado; la línea oscura es donde está al 50 %. El anillo es la muestra.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="816"/>
        <source>{off} off &amp;nbsp;{on} on</source>
        <translation>{off} apagado &amp;nbsp;{on} activado</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="819"/>
        <source>Background: the network&apos;s prediction, from {low} (dark) to {high} (yellow). Dots: the true values (filled: training, hollow: test). The ring is the sample.</source>
        <translation>Fondo: la predicción de la red, de {low} (oscuro) a {high} (amarillo). Puntos: los valores reales (rellenos: entrenamiento; huecos: prueba). El anillo es la muestra.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="825"/>
        <source>class {name}</source>
        <translation>clase {name}</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="828"/>
        <source>Background: the class the network answers, paler where it is unsure; the dark line is where it is 50/50.</source>
        <translation>Fondo: la clase que responde la red, más pálida donde duda; la línea oscura es donde está al 50 %.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="831"/>
        <source>Background: the class the network answers, paler where it is unsure.</source>
        <translation>Fondo: la clase que responde la red, más pálida donde duda.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/boundary.py" line="832"/>
        <source>Dots: the examples (filled: training, hollow: test). The ring is the sample.</source>
        <translation>Puntos: los ejemplos (rellenos: entrenamiento; huecos: prueba). El anillo es la muestra.</translation>
    </message>
</context>
<context>
    <name>DocumentFiles</name>
    <message>
        <location filename="../../ui/document_files.py" line="135"/>
        <location filename="../../ui/document_files.py" line="232"/>
        <location filename="../../ui/document_files.py" line="460"/>
        <source>untitled</source>
        <extracomment>the settings key of the recent files (a list of paths, newest first) a table with more values than this is not copied every minute: writing (and checking) it would hold the window for seconds; it is saved when the user saves the document became modified (True) or clean (False) a document was opened or a lesson loaded (its path, &quot;&quot; for a lesson or New) the file the document was opened from or saved to (None: untitled, or a lesson) the lesson&apos;s title, teacher&apos;s note and goal, kept when it is saved again</extracomment>
        <translation>sin título</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="140"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="141"/>
        <source>Save the changes to “%1”?</source>
        <translation>¿Guardar los cambios de «%1»?</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="144"/>
        <source>If you do not save them, the training and the changes made since the last save are lost.</source>
        <translation>Si no los guardas, se pierden el entrenamiento y los cambios hechos desde la última vez que guardaste.</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="183"/>
        <source>A new document</source>
        <translation>Un documento nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="192"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="193"/>
        <source>nnsim documents (*.nnsim *.nnsim.json *.json);;All files (*)</source>
        <translation>Documentos de nnsim (*.nnsim *.nnsim.json *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="213"/>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="214"/>
        <source>nnsim documents (*.nnsim);;All files (*)</source>
        <translation>Documentos de nnsim (*.nnsim);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="252"/>
        <source>A number in the file is too large (the largest is about 1.8e308).</source>
        <translation>Un número del archivo es demasiado grande (el mayor posible es de unos 1.8e308).</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="258"/>
        <source>Lesson: %1</source>
        <translation>Lección: %1</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="261"/>
        <source>Opened %1</source>
        <translation>Abierto %1</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="264"/>
        <source>Opened %1. The optimizer&apos;s memory in it did not fit, so training goes on with a fresh optimizer.</source>
        <translation>Se abrió %1. La memoria del optimizador que guardaba no encajaba, así que el entrenamiento sigue con un optimizador nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="267"/>
        <source>Could not open the file</source>
        <translation>No se pudo abrir el archivo</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="268"/>
        <source>%1 is not a file nnsim can open:
%2

Nothing was changed.</source>
        <translation>%1 no es un archivo que nnsim pueda abrir:
%2

No se ha cambiado nada.</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="353"/>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="354"/>
        <source>The document could not be saved to %1:
%2

The file that was there is unchanged.</source>
        <translation>No se pudo guardar el documento en %1:
%2

El archivo que había sigue igual.</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="362"/>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="392"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="412"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="427"/>
        <source>Open the lesson “%1”</source>
        <translation>Abrir la lección «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="446"/>
        <source>Could not restore</source>
        <translation>No se pudo recuperar</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="447"/>
        <source>The recovery copy could not be opened:
%1</source>
        <translation>No se pudo abrir la copia de recuperación:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="453"/>
        <source>Restored from the recovery copy of %1</source>
        <translation>Recuperado de la copia de recuperación de %1</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="464"/>
        <source>nnsim did not close properly last time. A recovery copy of “%1” was made on %2.</source>
        <translation>nnsim no se cerró bien la última vez. Se hizo una copia de recuperación de «%1» el %2.</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="469"/>
        <source>Restore unsaved work?</source>
        <translation>¿Recuperar el trabajo sin guardar?</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="472"/>
        <source>Restore it? The original file is not changed until you save.</source>
        <translation>¿Recuperarlo? El archivo original no cambia hasta que guardes.</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="473"/>
        <source>Restore</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <location filename="../../ui/document_files.py" line="475"/>
        <source>Discard it</source>
        <translation>Descartarla</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <location filename="../../model/messages.py" line="28"/>
        <source>{file}, line {line}, column &apos;{column}&apos;: {problem}</source>
        <extracomment>Templates that only say where around another message (&quot;plants.csv, line 4: &lt;problem&gt;&quot;). They are tried first, and apply only when the inner message was translated, so an unknown message is not half translated.</extracomment>
        <translation>{file}, línea {line}, columna «{column}»: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="29"/>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}, línea {line}: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="30"/>
        <source>{filename}: {problem}</source>
        <translation>{filename}: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="32"/>
        <source>line {line}, column &apos;{column}&apos;: {problem}</source>
        <translation>línea {line}, columna «{column}»: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="33"/>
        <source>line {line}: {problem}</source>
        <translation>línea {line}: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="49"/>
        <source>the file is empty</source>
        <extracomment>What a field matches when it is not just &quot;any text&quot;: a file name has no &quot;: &quot; in it (so &quot;file: problem&quot; splits at the first colon), a bare one also ends in an extension (so a sentence with a colon is not taken for a file name), and a line is a number. Most specific first: the first template that matches the whole message wins. ``{path}`` is any text (a model file&apos;s name or whole path).</extracomment>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="50"/>
        <source>the file has a header but no data rows</source>
        <translation>el archivo tiene cabecera pero ninguna fila de datos</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="51"/>
        <source>the file says it is UTF-16 text but is not readable as such</source>
        <translation>el archivo dice ser texto UTF-16, pero no se puede leer como tal</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="52"/>
        <source>this does not look like a text (CSV) file: it contains binary data. Save the table from your spreadsheet as CSV.</source>
        <translation>no parece un archivo de texto (CSV): contiene datos binarios. Guarda la tabla como CSV desde tu hoja de cálculo.</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="54"/>
        <source>this does not look like a text (CSV) file: it contains control characters. Save the table from your spreadsheet as CSV.</source>
        <translation>no parece un archivo de texto (CSV): contiene caracteres de control. Guarda la tabla como CSV desde tu hoja de cálculo.</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="56"/>
        <source>unreadable character (byte {byte}): the file is neither UTF-8 nor Windows-1252 text. Save the table from your spreadsheet as CSV.</source>
        <translation>carácter ilegible (byte {byte}): el archivo no es texto UTF-8 ni Windows-1252. Guarda la tabla como CSV desde tu hoja de cálculo.</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="58"/>
        <source>a quotation mark (&quot;) opens a cell here that is never closed</source>
        <translation>aquí unas comillas (&quot;) abren una celda que nunca se cierra</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="59"/>
        <source>the file mixes two text encodings: byte {byte} on this line is not UTF-8, but the file&apos;s other characters are. Save the table again from your spreadsheet as CSV UTF-8.</source>
        <translation>el archivo mezcla dos codificaciones de texto: el byte {byte} de esta línea no es UTF-8, pero el resto de caracteres sí. Guarda la tabla otra vez desde tu hoja de cálculo como CSV UTF-8.</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="62"/>
        <source>this is {kind}, not a file: choose a table saved as a CSV file</source>
        <translation>esto es {kind}, no un archivo: elige una tabla guardada como archivo CSV</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="64"/>
        <source>a named pipe (FIFO)</source>
        <translation>una tubería con nombre (FIFO)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="65"/>
        <source>a device</source>
        <translation>un dispositivo</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="66"/>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="67"/>
        <source>&apos;{folder}&apos; is a folder, not a file: choose a CSV file inside it</source>
        <translation>«{folder}» es una carpeta, no un archivo: elige un archivo CSV dentro de ella</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="68"/>
        <source>a quotation mark (&quot;) is in the wrong place ({detail})</source>
        <translation>hay unas comillas (&quot;) en un lugar incorrecto ({detail})</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="69"/>
        <source>column {number} has no name in the header row</source>
        <translation>la columna {number} no tiene nombre en la fila de cabecera</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="70"/>
        <source>the column name &apos;{name}&apos; appears twice (columns {first} and {second}); every column needs its own name</source>
        <translation>el nombre de columna &apos;{name}&apos; aparece dos veces (columnas {first} y {second}); cada columna necesita su propio nombre</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="72"/>
        <source>only one column (&apos;{name}&apos;) was found: the file needs at least two, one or more features and the target (is the separator a comma or a semicolon?)</source>
        <translation>solo se encontró una columna (&apos;{name}&apos;): el archivo necesita al menos dos, una o más características y la respuesta (¿el separador es una coma o un punto y coma?)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="75"/>
        <source>there is no target column named &apos;{target}&apos;; the columns are: {columns}</source>
        <translation>no hay ninguna columna de respuesta llamada &apos;{target}&apos;; las columnas son: {columns}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="76"/>
        <source>this row has {count} values but the header has {columns} columns</source>
        <translation>esta fila tiene {count} valores, pero la cabecera tiene {columns} columnas</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="77"/>
        <source>the cell is empty; every feature needs a number</source>
        <translation>la celda está vacía; cada característica necesita un número</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="78"/>
        <source>the target cell is empty; every row needs an answer</source>
        <translation>la celda de respuesta está vacía; cada fila necesita una respuesta</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="79"/>
        <source>{value} is not a usable number (NaN or infinity)</source>
        <translation>{value} no es un número utilizable (NaN o infinito)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="80"/>
        <source>{value} is not a number, and a regression target must be</source>
        <translation>{value} no es un número, y la respuesta de una regresión debe serlo</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="81"/>
        <source>{value} is not a number</source>
        <translation>{value} no es un número</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="82"/>
        <source>the target column &apos;{column}&apos; has only one class (&apos;{name}&apos;); a classifier needs examples of at least two classes</source>
        <translation>la columna de respuesta &apos;{column}&apos; tiene una sola clase (&apos;{name}&apos;); un clasificador necesita ejemplos de al menos dos clases</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="84"/>
        <source>&apos;{path}&apos; is a folder, not a file: choose a CSV file inside it</source>
        <translation>&apos;{path}&apos; es una carpeta, no un archivo: elige un archivo CSV que esté dentro</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="85"/>
        <source>the file is too big ({size} MB); nnsim reads tables up to {limit} MB</source>
        <translation>el archivo es demasiado grande ({size} MB); nnsim lee tablas de hasta {limit} MB</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="86"/>
        <source>file not found: {path}</source>
        <translation>no se encontró el archivo: {path}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="87"/>
        <source>permission denied: nnsim may not read this file</source>
        <translation>permiso denegado: nnsim no puede leer este archivo</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="88"/>
        <source>the file could not be read ({reason})</source>
        <translation>no se pudo leer el archivo ({reason})</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="90"/>
        <source>byte {byte} on this line cannot be read as {encoding} text: choose another encoding</source>
        <translation>el byte {byte} de esta línea no se puede leer como texto {encoding}: elige otra codificación</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="92"/>
        <source>there is no column named &apos;{name}&apos; to leave out; the columns are: {columns}</source>
        <translation>no hay ninguna columna llamada «{name}» que dejar fuera; las columnas son: {columns}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="94"/>
        <source>the answer column &apos;{name}&apos; cannot be left out</source>
        <translation>la columna de la respuesta «{name}» no se puede dejar fuera</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="95"/>
        <source>every column but the answer is left out: keep at least one to learn from</source>
        <translation>todas las columnas menos la respuesta están fuera: deja al menos una de la que aprender</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="98"/>
        <source>data set &apos;{name}&apos; has {count} example(s): too few to split</source>
        <translation>el conjunto de datos &apos;{name}&apos; tiene {count} ejemplo(s): demasiado pocos para dividirlo</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="99"/>
        <source>data set &apos;{name}&apos; needs at least {count} samples, got {got}</source>
        <translation>el conjunto de datos &apos;{name}&apos; necesita al menos {count} ejemplos y tiene {got}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="100"/>
        <source>data set &apos;{name}&apos;: X contains NaN or infinity</source>
        <translation>conjunto de datos &apos;{name}&apos;: X contiene NaN o infinito</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="101"/>
        <source>unknown data set &apos;{name}&apos;: choose one of {names}</source>
        <translation>conjunto de datos desconocido &apos;{name}&apos;: elige uno de {names}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="102"/>
        <source>noise must be a number of 0 or more, got {value}</source>
        <translation>el ruido debe ser un número mayor o igual que 0, no {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="104"/>
        <source>the network has NaN or infinite weights or biases; it was not saved</source>
        <translation>la red tiene pesos o sesgos NaN o infinitos; no se ha guardado</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="105"/>
        <source>{path} is not an nnsim model: it holds a JSON {kind}, not an object</source>
        <translation>{path} no es un modelo de nnsim: contiene un {kind} JSON, no un objeto</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="106"/>
        <source>{path} is not an nnsim model: it has no &quot;format&quot;: &quot;{format}&quot; marker</source>
        <translation>{path} no es un modelo de nnsim: le falta la marca &quot;format&quot;: &quot;{format}&quot;</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="107"/>
        <source>{path} is not an nnsim model: its &quot;format&quot; is {found}, expected &quot;{format}&quot;</source>
        <translation>{path} no es un modelo de nnsim: su &quot;format&quot; es {found} y se esperaba &quot;{format}&quot;</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="109"/>
        <source>{path} was written by a newer nnsim (schema version {version}); this nnsim reads version {supported}. Update nnsim to open it.</source>
        <translation>{path} se escribió con un nnsim más reciente (versión de esquema {version}); este nnsim lee la versión {supported}. Actualiza nnsim para abrirlo.</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="111"/>
        <source>{path} has no &quot;network&quot;</source>
        <translation>{path} no tiene &quot;network&quot;</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="112"/>
        <source>{path} is {size} MB: too large to be an nnsim model</source>
        <translation>{path} ocupa {size} MB: demasiado para ser un modelo de nnsim</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="113"/>
        <source>{path} does not exist</source>
        <translation>{path} no existe</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="114"/>
        <source>{path} is a folder, not a model file</source>
        <translation>{path} es una carpeta, no un archivo de modelo</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="115"/>
        <source>{path} cannot be read: {reason}</source>
        <translation>no se puede leer {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="116"/>
        <source>{path} is not a text (UTF-8) file: unreadable byte at position {position}</source>
        <translation>{path} no es un archivo de texto (UTF-8): byte ilegible en la posición {position}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="117"/>
        <source>{path} is not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>{path} no es JSON válido: {reason} en la línea {line}, columna {column}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="118"/>
        <source>{path} is nested too deeply to be an nnsim model</source>
        <translation>{path} tiene demasiados niveles anidados para ser un modelo de nnsim</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="119"/>
        <source>{path} is {kind}, not a model file</source>
        <translation>{path} es {kind}, no un archivo de modelo</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="120"/>
        <source>{path}: the network is not valid: {problem}</source>
        <translation>{path}: la red no es válida: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="121"/>
        <source>{path}: bad training settings: {problem}</source>
        <translation>{path}: ajustes de entrenamiento incorrectos: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="123"/>
        <source>{path} is not an nnsim document: it holds a JSON {kind}, not an object</source>
        <translation>{path} no es un documento de nnsim: contiene un {kind} de JSON, no un objeto</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="124"/>
        <source>{path} is not an nnsim document: it has no &quot;format&quot;: &quot;{format}&quot; marker</source>
        <translation>{path} no es un documento de nnsim: no tiene la marca &quot;format&quot;: &quot;{format}&quot;</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="126"/>
        <source>{path} is not an nnsim document: its &quot;format&quot; is {found}, expected &quot;{format}&quot;</source>
        <translation>{path} no es un documento de nnsim: su &quot;format&quot; es {found}, se esperaba &quot;{format}&quot;</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="128"/>
        <source>{path} was written by a newer nnsim (document version {version}); this nnsim reads version {supported}. Update nnsim to open it.</source>
        <translation>{path} se guardó con un nnsim más nuevo (versión de documento {version}); este nnsim lee la versión {supported}. Actualiza nnsim para abrirlo.</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="130"/>
        <source>{path} has no &quot;schema_version&quot;</source>
        <translation>{path} no tiene &quot;schema_version&quot;</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="131"/>
        <source>{path}: the network has {inputs} inputs but the data has {count} features</source>
        <translation>{path}: la red tiene {inputs} entradas, pero los datos tienen {count} características</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="132"/>
        <source>{path}: the network has {outputs} outputs but the data has {count} classes</source>
        <translation>{path}: la red tiene {outputs} salidas, pero los datos tienen {count} clases</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="133"/>
        <source>{path}: the network has {outputs} outputs but the data has {count} target(s)</source>
        <translation>{path}: la red tiene {outputs} salidas, pero los datos tienen {count} objetivo(s)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="135"/>
        <source>{path}: the selected sample {index} is not a row of the data (0 to {last})</source>
        <translation>{path}: la muestra elegida {index} no es una fila de los datos (de 0 a {last})</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="137"/>
        <source>{path}: the selected node ({layer}, {index}) is not in the network</source>
        <translation>{path}: el nodo elegido ({layer}, {index}) no está en la red</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="138"/>
        <source>{path}: the settings cannot train this network on this data: {problem}</source>
        <translation>{path}: con estos ajustes no se puede entrenar esta red con estos datos: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="139"/>
        <source>{path}: the data cannot be made: {problem}</source>
        <translation>{path}: no se pueden crear los datos: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="140"/>
        <source>{path}: the data is not valid: {problem}</source>
        <translation>{path}: los datos no son válidos: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="141"/>
        <source>{path}: unknown data set {name}; known: {names}</source>
        <translation>{path}: conjunto de datos desconocido {name}; los conocidos son: {names}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="142"/>
        <source>{path}: unknown data set {name}</source>
        <translation>{path}: conjunto de datos desconocido {name}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="143"/>
        <source>the network has NaN or infinite weights or biases; the document was not saved</source>
        <translation>la red tiene pesos o sesgos NaN o infinitos; el documento no se ha guardado</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="145"/>
        <source>the data&apos;s train/test split is not the one its test fraction and seed make; the document was not built</source>
        <translation>la división de los datos en entrenamiento y prueba no es la que dan su fracción de prueba y su semilla; el documento no se ha creado</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="149"/>
        <source>a JSON object</source>
        <translation>un objeto JSON</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="150"/>
        <source>a JSON array</source>
        <translation>una lista JSON</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="151"/>
        <source>a JSON string</source>
        <translation>un texto JSON</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="152"/>
        <source>a JSON number</source>
        <translation>un número JSON</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="153"/>
        <source>a JSON true/false</source>
        <translation>un valor JSON verdadero/falso</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="154"/>
        <source>a JSON null</source>
        <translation>un null de JSON (vacío)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="155"/>
        <source>a list holding a JSON object</source>
        <translation>una lista que contiene un objeto JSON</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="156"/>
        <source>a list holding a JSON array</source>
        <translation>una lista que contiene otra lista JSON</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="157"/>
        <source>a list holding a JSON number</source>
        <translation>una lista que contiene un número JSON</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="158"/>
        <source>a list holding a JSON true/false</source>
        <translation>una lista que contiene un valor JSON verdadero/falso</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="159"/>
        <source>a list holding a JSON null</source>
        <translation>una lista que contiene un null de JSON (vacío)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="161"/>
        <source>the document has an unknown entry {entry}</source>
        <translation>el documento tiene una entrada desconocida: {entry}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="162"/>
        <source>&quot;{key}&quot; has an unknown entry {entry}</source>
        <translation>«{key}» tiene una entrada desconocida: {entry}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="163"/>
        <source>&quot;{key}&quot; must be an object, got {json}</source>
        <translation>«{key}» debe ser un objeto, pero es {json}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="164"/>
        <source>&quot;{key}&quot; must be a text, got {json}</source>
        <translation>«{key}» debe ser un texto, pero es {json}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="165"/>
        <source>&quot;{key}&quot; must be a whole number from {low} to {high}, got {value}</source>
        <translation>«{key}» debe ser un número entero de {low} a {high}, pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="166"/>
        <source>&quot;schema_version&quot; must be a whole number &gt;= 1, got {value}</source>
        <translation>«schema_version» debe ser un número entero mayor o igual que 1, pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="167"/>
        <source>the data&apos;s {key} must be a non-empty list of rows of numbers</source>
        <translation>el {key} de los datos debe ser una lista no vacía de filas de números</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="168"/>
        <source>the data&apos;s {key}, row {row}: expected {count} numbers</source>
        <translation>el {key} de los datos, fila {row}: se esperaban {count} números</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="169"/>
        <source>the data&apos;s {key} must be a list of texts, got {json}</source>
        <translation>el {key} de los datos debe ser una lista de textos, pero es {json}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="170"/>
        <source>the data&apos;s {key} must be a text, got {json}</source>
        <translation>el {key} de los datos debe ser un texto, pero es {json}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="171"/>
        <source>the data&apos;s kind must be &quot;builtin&quot; or &quot;table&quot;, got {value}</source>
        <translation>el tipo de los datos debe ser «builtin» o «table», pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="172"/>
        <source>the data&apos;s task must be &quot;classification&quot; or &quot;regression&quot;, got {value}</source>
        <translation>la tarea de los datos debe ser «classification» o «regression», pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="173"/>
        <source>the data&apos;s y holds {value}, not a class number from 0 to {last}</source>
        <translation>la y de los datos contiene {value}, que no es un número de clase de 0 a {last}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="174"/>
        <source>the data&apos;s y must be a list of {count} answers, one per row of X</source>
        <translation>la y de los datos debe ser una lista de {count} respuestas, una por fila de X</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="175"/>
        <source>the goal&apos;s metric must be one of {names}, got {value}</source>
        <translation>la medida del objetivo debe ser una de {names}, pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="176"/>
        <source>the history&apos;s epochs must be a list of whole numbers</source>
        <translation>las épocas del historial deben ser una lista de números enteros</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="177"/>
        <source>the history&apos;s epochs must be from 0 to {last}</source>
        <translation>las épocas del historial deben ir de 0 a {last}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="178"/>
        <source>the history has epochs outside 0..{last}</source>
        <translation>el historial tiene épocas fuera de 0..{last}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="179"/>
        <source>the history&apos;s {key} must be a list of {count} values (or null)</source>
        <translation>el {key} del historial debe ser una lista de {count} valores (o null)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="180"/>
        <source>the network&apos;s {key} must be a list of {count} layers (one per layer after the input)</source>
        <translation>los {key} de la red deben ser una lista de {count} capas (una por cada capa tras la entrada)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="181"/>
        <source>the network&apos;s {key} of layer {layer}: {problem}</source>
        <translation>los {key} de la capa {layer} de la red: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="182"/>
        <source>the selected node must be [layer, index], got {value}</source>
        <translation>el nodo seleccionado debe ser [capa, índice], pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="183"/>
        <source>the selected sample must be a whole number from 0 to {high}, got {value}</source>
        <translation>la muestra seleccionada debe ser un número entero de 0 a {high}, pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="184"/>
        <source>the split&apos;s seed must be a whole number from 0 to {high}, got {value}</source>
        <translation>la semilla de la división debe ser un número entero de 0 a {high}, pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="185"/>
        <source>the split&apos;s standardize must be true or false, got {value}</source>
        <translation>el «standardize» de la división debe ser true o false, pero es {value}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="186"/>
        <source>the test fraction: {value} is outside {low} to {high}</source>
        <translation>la parte de prueba: {value} está fuera de {low} a {high}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="187"/>
        <source>the network has {count} outputs but the data has {classes}</source>
        <translation>la red tiene {count} salidas, pero los datos tienen {classes}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="188"/>
        <source>a sample is selected but there is no data</source>
        <translation>hay una muestra seleccionada, pero no hay datos</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="189"/>
        <source>&quot;{key}&quot; in &quot;extra&quot; must be a data set&apos;s name (a text), got {json}</source>
        <translation>«{key}» en «extra» debe ser el nombre de un conjunto de datos (un texto), pero es {json}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="190"/>
        <source>&quot;{key}&quot; in &quot;extra&quot; must be a list of names (texts), got {json}</source>
        <translation>«{key}» en «extra» debe ser una lista de nombres (textos), pero es {json}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="191"/>
        <source>&quot;{key}&quot; in &quot;extra&quot; has {count} names but the network has {n} inputs</source>
        <translation>«{key}» en «extra» tiene {count} nombres, pero la red tiene {n} entradas</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="192"/>
        <source>&quot;{key}&quot; in &quot;extra&quot; has {count} names but the network has {n} outputs</source>
        <translation>«{key}» en «extra» tiene {count} nombres, pero la red tiene {n} salidas</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="193"/>
        <source>&quot;sample&quot; in &quot;extra&quot; must be a list of numbers, got {json}</source>
        <translation>«sample» en «extra» debe ser una lista de números, pero es {json}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="194"/>
        <source>&quot;sample&quot; in &quot;extra&quot; has {count} numbers but the network has {n} inputs</source>
        <translation>«sample» en «extra» tiene {count} números, pero la red tiene {n} entradas</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="195"/>
        <source>&quot;sample&quot; in &quot;extra&quot;, value {k}: {problem}</source>
        <translation>«sample» en «extra», valor {k}: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="196"/>
        <source>&quot;extra&quot; is nested more than {depth} levels deep</source>
        <translation>«extra» tiene más de {depth} niveles de anidamiento</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="197"/>
        <source>{n} classes</source>
        <translation>{n} clases</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="198"/>
        <source>{n} target(s)</source>
        <translation>{n} objetivo(s)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="200"/>
        <source>ONNX export needs the optional package &quot;onnx&quot;, which is not installed. Install it with: pip install &quot;nnsim[onnx]&quot;</source>
        <translation>Exportar a ONNX necesita el paquete opcional &quot;onnx&quot;, que no está instalado. Instálalo con: pip install &quot;nnsim[onnx]&quot;</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="202"/>
        <source>the network has NaN or infinite weights or biases: it cannot be exported</source>
        <translation>la red tiene pesos o sesgos NaN o infinitos: no se puede exportar</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="204"/>
        <source>Training diverged at epoch {epoch}: {what}. The last good weights were kept. Try a smaller learning rate (now {rate}).</source>
        <translation>El entrenamiento divergió en la época {epoch}: {what}. Se han conservado los últimos pesos válidos. Prueba una tasa de aprendizaje menor (ahora {rate}).</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="206"/>
        <source>the loss grew too large to compute (NaN)</source>
        <translation>la pérdida creció demasiado para poder calcularla (NaN)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="207"/>
        <source>the loss became infinite</source>
        <translation>la pérdida se hizo infinita</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="208"/>
        <source>some weights became infinite or NaN</source>
        <translation>algunos pesos se hicieron infinitos o NaN</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="209"/>
        <source>the weights grew so large that the loss can no longer be computed</source>
        <translation>los pesos crecieron tanto que la pérdida ya no se puede calcular</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="210"/>
        <source>The loss of these weights is too large to compute, so training cannot start from them. Make the largest weights or biases smaller, or press Reset for new random weights.</source>
        <translation>La pérdida con estos pesos es demasiado grande para calcularla, así que el entrenamiento no puede empezar desde ellos. Haz más pequeños los pesos o sesgos más grandes, o pulsa Reiniciar para tener pesos aleatorios nuevos.</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="213"/>
        <source>the target &apos;{name}&apos; reaches {value}: its squared error is too large for the computer to compute (the largest number it holds is about 1.8e308). Rescale the target, say to other units, so that its values stay below {limit}</source>
        <translation>la respuesta «{name}» llega a {value}: su error cuadrático es demasiado grande para que el ordenador lo calcule (el mayor número que admite es de unos 1,8e308). Cambia la escala de la respuesta, por ejemplo a otras unidades, para que sus valores queden por debajo de {limit}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="217"/>
        <source>cross_entropy needs targets between 0 and 1 (probabilities), but the target &apos;{name}&apos; goes from {low} to {high}; use mse instead</source>
        <translation>la entropía cruzada necesita respuestas entre 0 y 1 (probabilidades), pero la respuesta «{name}» va de {low} a {high}; usa el error cuadrático</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="219"/>
        <source>feature {name} holds a value that is not a finite number (NaN or infinity)</source>
        <translation>la medida {name} tiene un valor que no es un número finito (NaN o infinito)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="221"/>
        <source>training diverged</source>
        <translation>el entrenamiento divergió</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="222"/>
        <source>training stopped: {problem}</source>
        <translation>el entrenamiento se detuvo: {problem}</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="223"/>
        <source>there is no network to train: load one first</source>
        <translation>no hay ninguna red que entrenar: carga una primero</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="224"/>
        <source>there are no training examples</source>
        <translation>no hay ejemplos de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="225"/>
        <source>cross_entropy needs a softmax or sigmoid output layer (the output layer is {activation}); use mse instead</source>
        <translation>la entropía cruzada necesita una capa de salida softmax o sigmoide (la capa de salida es {activation}); usa el error cuadrático</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="227"/>
        <source>the network has {outputs} output(s) but the data has {count} classes: give it {count} outputs (or 1 for two classes)</source>
        <translation>la red tiene {outputs} salida(s), pero los datos tienen {count} clases: dale {count} salidas (o 1 si son dos clases)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="229"/>
        <source>the network has {outputs} output(s) but the data has {count} classes: give it {count} outputs</source>
        <translation>la red tiene {outputs} salida(s), pero los datos tienen {count} clases: dale {count} salidas</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="231"/>
        <source>the network has {outputs} output(s) but the data has {count} target(s)</source>
        <translation>la red tiene {outputs} salida(s), pero los datos tienen {count} respuesta(s)</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="232"/>
        <source>the network takes {inputs} inputs but the data has {count} features</source>
        <translation>la red recibe {inputs} entradas, pero los datos tienen {count} características</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="233"/>
        <source>the seed must be a whole number &gt;= 0</source>
        <translation>la semilla debe ser un número entero &gt;= 0</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="234"/>
        <source>the test split must be at least 0 and below 1</source>
        <translation>la parte de prueba debe ser al menos 0 y menor que 1</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="236"/>
        <source>{activation} is for the output layer only</source>
        <translation>{activation} es solo para la capa de salida</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="237"/>
        <source>a hidden layer needs at least one node; remove the layer instead</source>
        <translation>una capa oculta necesita al menos un nodo; elimina la capa</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="238"/>
        <source>a layer needs at least one node</source>
        <translation>una capa necesita al menos un nodo</translation>
    </message>
    <message>
        <location filename="../../model/messages.py" line="239"/>
        <source>the step threshold must be a finite number</source>
        <translation>el umbral del escalón debe ser un número finito</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../ui/exporting.py" line="197"/>
        <source>&amp;Export</source>
        <extracomment>the history table&apos;s columns (a cell is empty where that row has no such value) the graph&apos;s PNG: this many pixels per scene unit (sharp on a projector or a printed page)</extracomment>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="202"/>
        <source>The graph as a &amp;PNG picture…</source>
        <translation>El grafo como imagen &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="203"/>
        <source>The whole network graph as a PNG picture, twice the screen&apos;s size</source>
        <translation>El grafo entero de la red como imagen PNG, al doble del tamaño de la pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="204"/>
        <source>The graph as an &amp;SVG drawing…</source>
        <translation>El grafo como dibujo &amp;SVG…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="205"/>
        <source>The whole network graph as an SVG drawing: sharp at any size, editable in Inkscape</source>
        <translation>El grafo entero de la red como dibujo SVG: nítido a cualquier tamaño, editable en Inkscape</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="207"/>
        <source>The &amp;loss plot as PNG…</source>
        <translation>La gráfica de la &amp;pérdida como PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="208"/>
        <source>The loss plot as it is on screen</source>
        <translation>La gráfica de la pérdida tal como se ve en pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="209"/>
        <source>The &amp;accuracy plot as PNG…</source>
        <translation>La gráfica de los &amp;aciertos como PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="210"/>
        <source>The accuracy plot as it is on screen</source>
        <translation>La gráfica de los aciertos tal como se ve en pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="211"/>
        <source>The &amp;decision boundary as PNG…</source>
        <translation>La &amp;frontera de decisión como PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="212"/>
        <source>The picture of the network&apos;s answer at each point</source>
        <translation>La imagen de la respuesta de la red en cada punto</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="214"/>
        <source>The training &amp;history as CSV…</source>
        <translation>El &amp;historial del entrenamiento como CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="215"/>
        <source>Every epoch&apos;s loss and every evaluation, one row each, for a spreadsheet</source>
        <translation>La pérdida de cada época y cada evaluación, una fila por cada una, para una hoja de cálculo</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="216"/>
        <source>The data with the network&apos;s &amp;answers as CSV…</source>
        <translation>Los datos con las &amp;respuestas de la red como CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="217"/>
        <source>Every example in its own units, its known answer, train or test, and the network&apos;s answer</source>
        <translation>Cada ejemplo en sus propias unidades, su respuesta conocida, si es de entrenamiento o de prueba, y la respuesta de la red</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="219"/>
        <source>The network as P&amp;ython (NumPy only)…</source>
        <translation>La red como P&amp;ython (solo NumPy)…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="220"/>
        <source>A Python file that computes this network on raw inputs with NumPy alone; run it on a CSV table to print one prediction per row</source>
        <translation>Un archivo de Python que calcula esta red sobre las entradas sin escalar solo con NumPy; ejecútalo sobre una tabla CSV para escribir una predicción por fila</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="222"/>
        <source>The network as &amp;ONNX…</source>
        <translation>La red como &amp;ONNX…</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="223"/>
        <source>The network in the ONNX format, for other tools (onnxruntime, Netron)</source>
        <translation>La red en formato ONNX, para otras herramientas (onnxruntime, Netron)</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="257"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="277"/>
        <location filename="../../ui/exporting.py" line="294"/>
        <source>Could not export</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="278"/>
        <source>%1 could not be written:
%2</source>
        <translation>No se pudo escribir %1:
%2</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="280"/>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="304"/>
        <source>Export the graph as PNG</source>
        <translation>Exportar el grafo como PNG</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="304"/>
        <location filename="../../ui/exporting.py" line="325"/>
        <source>PNG pictures</source>
        <translation>Imágenes PNG</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="310"/>
        <source>Export the graph as SVG</source>
        <translation>Exportar el grafo como SVG</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="310"/>
        <source>SVG drawings</source>
        <translation>Dibujos SVG</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="311"/>
        <source>Network %1</source>
        <translation>Red %1</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="312"/>
        <source>Drawn by nnsim</source>
        <translation>Dibujada por nnsim</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="316"/>
        <source>Export the loss plot as PNG</source>
        <translation>Exportar la gráfica de la pérdida como PNG</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="316"/>
        <source>Export the accuracy plot as PNG</source>
        <translation>Exportar la gráfica de los aciertos como PNG</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="317"/>
        <source>Export the decision boundary as PNG</source>
        <translation>Exportar la frontera de decisión como PNG</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="322"/>
        <source>The picture could not be made.</source>
        <translation>No se pudo crear la imagen.</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="328"/>
        <source>Export the training history</source>
        <translation>Exportar el historial del entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="328"/>
        <location filename="../../ui/exporting.py" line="338"/>
        <source>CSV tables</source>
        <translation>Tablas CSV</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="338"/>
        <source>Export the data with the network&apos;s answers</source>
        <translation>Exportar los datos con las respuestas de la red</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="355"/>
        <source>Export the network as Python</source>
        <translation>Exportar la red como Python</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="355"/>
        <source>Python files</source>
        <translation>Archivos de Python</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="368"/>
        <source>Export the network as ONNX</source>
        <translation>Exportar la red como ONNX</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="368"/>
        <source>ONNX models</source>
        <translation>Modelos ONNX</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="375"/>
        <source>ONNX is not installed</source>
        <translation>ONNX no está instalado</translation>
    </message>
    <message>
        <location filename="../../ui/exporting.py" line="376"/>
        <source>Exporting to ONNX needs the optional Python package &quot;onnx&quot;, which is not installed. Install it with:

pip install &quot;nnsim[onnx]&quot;

The other exports (Python with NumPy, pictures, tables) work without it.</source>
        <translation>Exportar a ONNX necesita el paquete opcional de Python &quot;onnx&quot;, que no está instalado. Instálalo con:

pip install &quot;nnsim[onnx]&quot;

Las demás exportaciones (Python con NumPy, imágenes, tablas) funcionan sin él.</translation>
    </message>
</context>
<context>
    <name>HistoryPlot</name>
    <message>
        <location filename="../../ui/plots/curves.py" line="130"/>
        <source>epoch</source>
        <extracomment>curve redraws per second, at most: a plot repaint costs a few ms of the UI thread (and of the GIL the training thread needs), and 10 a second already looks continuous (key, x field, y field, scale) per series; names and colours come from ``_series_style``</extracomment>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="180"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="182"/>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="318"/>
        <source>epoch {0}</source>
        <translation>época {0}</translation>
    </message>
</context>
<context>
    <name>IdeasDialog</name>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="53"/>
        <source>Ideas: how a neural network works</source>
        <extracomment>the pictures&apos; width, in the page&apos;s font&apos;s average characters (readable, not a poster)</extracomment>
        <translation>Ideas: cómo funciona una red neuronal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="109"/>
        <source>(shown in the window when its panel is open)</source>
        <translation>(se ve en la ventana cuando su panel está abierto)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="138"/>
        <source>Layers of nodes</source>
        <translation>Capas de nodos</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="139"/>
        <source>A network is layers of nodes joined by arrows. The nodes on the left take one example&apos;s measurements (for the Iris flowers: four lengths, in cm). Each node of a hidden layer listens to every node of the layer before it. The nodes on the right give the answer: one node per kind of flower, and the one that lights up most is the network&apos;s guess.</source>
        <translation>Una red son capas de nodos unidos por flechas. Los nodos de la izquierda reciben las medidas de un ejemplo (en las flores Iris: cuatro longitudes, en cm). Cada nodo de una capa oculta escucha a todos los nodos de la capa anterior. Los nodos de la derecha dan la respuesta: un nodo por cada tipo de flor, y el que más se enciende es lo que la red cree que es.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="144"/>
        <source>Show me the layers</source>
        <translation>Enséñame las capas</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="145"/>
        <source>W·X + B past a threshold</source>
        <translation>W·X + B más allá de un umbral</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="146"/>
        <source>A node multiplies each input x by its weight w (how much that input counts), adds them up, and adds its bias b (how easily the node switches on): z = W·X + B. Then it decides how much to switch on; with a step at a threshold of 0.5 it is on when the sum is past 0.5 and off when it is not. Click a node and drag a weight&apos;s slider to watch the sum cross the threshold.</source>
        <translation>Un nodo multiplica cada entrada x por su peso w (cuánto cuenta esa entrada), las suma y añade su sesgo b (lo fácil que se enciende el nodo): z = W·X + B. Después decide cuánto se enciende; con un escalón en un umbral de 0,5, está encendido cuando la suma pasa de 0,5 y apagado cuando no. Haz clic en un nodo y arrastra el deslizador de un peso para ver la suma cruzar el umbral.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="151"/>
        <source>Show me a node&apos;s sum</source>
        <translation>Enséñame la suma de un nodo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="152"/>
        <source>Training changes W and B</source>
        <translation>El entrenamiento cambia W y B</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="153"/>
        <source>Training shows the network examples whose right answer is known. For each one it measures the error (how far the output is from the right answer) and moves every weight and bias a little in the direction that makes the error smaller: by −η × the gradient, where η, the learning rate, says how big the steps are. Step one example at a time to see every change, then speed up and watch the loss fall.</source>
        <translation>El entrenamiento enseña a la red ejemplos cuya respuesta correcta se conoce. Con cada uno mide el error (lo lejos que está la salida de la respuesta correcta) y mueve un poco todos los pesos y sesgos en la dirección que hace el error más pequeño: en −η × el gradiente, donde η, la tasa de aprendizaje, dice lo grandes que son los pasos. Avanza de ejemplo en ejemplo para ver cada cambio, luego acelera y mira cómo baja la pérdida.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ideas.py" line="158"/>
        <source>Show me one training step</source>
        <translation>Enséñame un paso de entrenamiento</translation>
    </message>
</context>
<context>
    <name>LegendWidget</name>
    <message>
        <location filename="../../ui/graph/network_view.py" line="246"/>
        <source>Legend of the network graph</source>
        <extracomment>node outlines and texts: grey as usual, black in high contrast width levels an edge can take (edges are grouped by sign and level to paint fast) between two layers with more weights than this, only the strongest are drawn ... and a deep graph shares this many among its gaps (at least MIN_EDGES_PER_GAP each): a repaint&apos;s cost grows with the edges drawn, and thousands more only add to the tangle node outlines: a 1-pixel cosmetic pen takes Qt&apos;s fast path (wider ones are stroked) node labels (names, values) are shown while no layer has more nodes than this at text scale 1 (the window&apos;s own font size): a node&apos;s radius, its value&apos;s and the names&apos; font sizes in points; a larger scale (the window zoom, presentation) makes each of them larger, the nodes up to RADIUS_SHARE of their spacing, and the value text with its node above text scale 1 the value text fills more of its node (&quot;-0.64&quot; about 85% of it) node colours come in this many shades per sign: updating a node is then one look-up in a table of brushes, and a node whose shade did not change is not touched at all the same text, outlined in the opposite colour behind it: the number stays readable over the neuron&apos;s picture, whatever its colours at most this many edges are drawn between two layers</extracomment>
        <translation>Leyenda del grafo de la red</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="277"/>
        <source>gradient &gt; 0: weight lowered</source>
        <extracomment>&quot;weights&quot; (the usual picture) or &quot;gradient&quot; (the gradient view) called when the legend&apos;s size changed (the view places it again)</extracomment>
        <translation>gradiente &gt; 0: el peso baja</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="278"/>
        <source>gradient &lt; 0: weight raised</source>
        <translation>gradiente &lt; 0: el peso sube</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="280"/>
        <source>positive weight</source>
        <translation>peso positivo</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="280"/>
        <source>negative weight</source>
        <translation>peso negativo</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="281"/>
        <source>thicker = larger |weight|</source>
        <translation>más grueso = |peso| mayor</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="279"/>
        <source>thicker = larger |gradient|</source>
        <translation>más grueso = mayor |gradiente|</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="281"/>
        <source>node value</source>
        <translation>valor del nodo</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="279"/>
        <source>node: delta δ</source>
        <translation>nodo: delta δ</translation>
    </message>
</context>
<context>
    <name>LessonNotePanel</name>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="26"/>
        <source>Lesson note</source>
        <translation>Nota de la lección</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="27"/>
        <source>Lesson title</source>
        <translation>Título de la lección</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="32"/>
        <source>What the lesson asks you to try</source>
        <translation>Lo que la lección te propone probar</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="34"/>
        <source>The lesson&apos;s goal</source>
        <translation>El objetivo de la lección</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="71"/>
        <source>within one epoch.</source>
        <translation>en una época.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="73"/>
        <source>within %1 epochs.</source>
        <translation>en %1 épocas.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="75"/>
        <source>Goal: a training loss of at most %1</source>
        <translation>Objetivo: una pérdida de entrenamiento de %1 como mucho</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="77"/>
        <source>Goal: a test accuracy of at least %1</source>
        <translation>Objetivo: al menos un %1 de aciertos en la prueba</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson_note_panel.py" line="79"/>
        <source>Goal: a training accuracy of at least %1</source>
        <translation>Objetivo: al menos un %1 de aciertos en el entrenamiento</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../ui/plots/curves.py" line="338"/>
        <source>Loss per epoch</source>
        <translation>Pérdida por época</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="339"/>
        <source>Loss per epoch: how wrong the network is on the training examples (train) and on examples it never learns from (test). Lower is better.</source>
        <translation>Pérdida por época: cuánto se equivoca la red con los ejemplos de entrenamiento y con ejemplos de los que nunca aprende (prueba). Cuanto más baja, mejor.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="341"/>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="342"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>Loss and accuracy</source>
        <translation>Pérdida y aciertos</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>Weights and bias</source>
        <extracomment>the version of the dock layout saved in the settings: raise it when the panels change, so a layout saved by an older nnsim (other docks, other tabs) is not restored Shown after a language is chosen. Deliberately in both languages and not through tr(): the person who just picked a language may not read the one the window is in now. a model file at least this big is read in the background (a 50 MB file takes seconds) a model file read in the background was opened (True) or refused (False) an example replaced the network and data (its name: &quot;one_neuron&quot;, &quot;iris&quot;) what this window&apos;s parts share; the window owns it from now on</extracomment>
        <translation>Pesos y sesgo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>The neuron explained</source>
        <translation>La neurona, paso a paso</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Lesson</source>
        <extracomment>the document&apos;s file, unsaved changes, recent files, lessons, recovery</extracomment>
        <translation>Lección</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>What if?</source>
        <translation>¿Y si…?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>How training changed W and B</source>
        <translation>Cómo cambió el entrenamiento W y B</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>A new document: the Iris flowers on a fresh network</source>
        <translation>Un documento nuevo: las flores Iris con una red recién creada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372"/>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importar CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>Learn from your own table: see its first rows and choose the answer column</source>
        <translation>Aprende de tu propia tabla: mira sus primeras filas y elige la columna de la respuesta</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>+ Neuron</source>
        <translation>+ Neurona</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>Add a neuron to the selected hidden layer</source>
        <translation>Añade una neurona a la capa oculta seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396"/>
        <source>− Neuron</source>
        <translation>− Neurona</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>Remove the selected neuron</source>
        <translation>Elimina la neurona seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399"/>
        <source>+ Layer</source>
        <translation>+ Capa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>Add a hidden layer after the selected layer</source>
        <translation>Añade una capa oculta después de la capa seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="402"/>
        <source>− Layer</source>
        <translation>− Capa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>Remove the selected hidden layer</source>
        <translation>Elimina la capa oculta seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Activation of the selected layer</source>
        <translation>Activación de la capa seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <source>Activation function of the selected layer</source>
        <translation>Función de activación de la capa seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>&amp;Fit network to window</source>
        <translation>A&amp;justar la red a la ventana</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>&amp;Lessons</source>
        <translation>&amp;Lecciones</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>&amp;About nnsim</source>
        <translation>&amp;Acerca de nnsim</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>Zoom the graph &amp;in</source>
        <translation>&amp;Ampliar el grafo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>Magnify the graph alone (also the mouse wheel); Ctrl + makes the whole window larger</source>
        <translation>Amplía solo el grafo (también con la rueda del ratón); Ctrl + agranda toda la ventana</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>Zoom the graph &amp;out</source>
        <translation>&amp;Reducir el grafo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source>Shrink the graph alone (also the mouse wheel); Ctrl - makes the whole window smaller</source>
        <translation>Reduce solo el grafo (también con la rueda del ratón); Ctrl - achica toda la ventana</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>&amp;Ideas: how a network works</source>
        <translation>&amp;Ideas: cómo funciona una red</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>The three steps of a neural network in plain words, with pictures of this window</source>
        <translation>Los tres pasos de una red neuronal en palabras sencillas, con imágenes de esta ventana</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>&amp;Gradient view</source>
        <translation>Vista de &amp;gradientes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>Colour the edges by the last update&apos;s gradient and the nodes by their delta, to see which weights the known answer pushes, and which way</source>
        <translation>Colorea las conexiones según el gradiente de la última actualización y los nodos según su delta, para ver qué pesos empuja la respuesta conocida, y hacia dónde</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="448"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="471"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>A&amp;tajos de teclado</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="472"/>
        <source>Every key that does something in this window</source>
        <translation>Todas las teclas que hacen algo en esta ventana</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="477"/>
        <source>Structure</source>
        <translation>Estructura</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="479"/>
        <source>Structure and undo</source>
        <translation>Estructura y deshacer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487"/>
        <source> Activation: </source>
        <translation> Activación: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="503"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="511"/>
        <source>Automatic (system language)</source>
        <translation>Automático (idioma del sistema)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>Undo: %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="572"/>
        <source>Redo: %1</source>
        <translation>Rehacer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="572"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="588"/>
        <source>nnsim models (*.nnsim.json *.json);;All files (*)</source>
        <translation>Modelos de nnsim (*.nnsim.json *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="591"/>
        <source>Open model</source>
        <translation>Abrir modelo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="601"/>
        <source>Save model</source>
        <translation>Guardar modelo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="625"/>
        <source>Could not save the model</source>
        <translation>No se pudo guardar el modelo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="626"/>
        <source>The model could not be saved to %1:
%2</source>
        <translation>No se pudo guardar el modelo en %1:
%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="632"/>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="655"/>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="680"/>
        <source>A number in the file is too large (the largest is about 1.8e308).</source>
        <translation>Un número del archivo es demasiado grande (el mayor posible es de unos 1,8e308).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="687"/>
        <source>Could not open the model</source>
        <translation>No se pudo abrir el modelo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="688"/>
        <source>%1 is not a model nnsim can open:
%2</source>
        <translation>%1 no es un modelo que nnsim pueda abrir:
%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="731"/>
        <source>Opened %1</source>
        <translation>Abierto %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="803"/>
        <source>About nnsim</source>
        <translation>Acerca de nnsim</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="804"/>
        <source>&lt;h3&gt;nnsim %1&lt;/h3&gt;&lt;p&gt;A neural-network simulator for the classroom.&lt;/p&gt;&lt;p&gt;Each neuron multiplies its inputs by their weights, adds its bias and activates when the result passes a threshold. Training changes the weights and biases so that the right outputs activate.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;nnsim %1&lt;/h3&gt;&lt;p&gt;Un simulador de redes neuronales para el aula.&lt;/p&gt;&lt;p&gt;Cada neurona multiplica sus entradas por sus pesos, suma su sesgo y se activa cuando el resultado supera un umbral. El entrenamiento cambia los pesos y los sesgos para que se activen las salidas correctas.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <location filename="../../model/selection.py" line="26"/>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="28"/>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="29"/>
        <source>Hidden %1</source>
        <translation>Oculta %1</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="35"/>
        <source>step</source>
        <extracomment>the activation functions as a person reads them (the engine&apos;s names are the keys); marked here so lupdate finds them, translated in ``activation_title``</extracomment>
        <translation>escalón</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="36"/>
        <source>sigmoid</source>
        <translation>sigmoide</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="37"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="38"/>
        <source>relu</source>
        <translation>relu</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="39"/>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <location filename="../../model/selection.py" line="40"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <location filename="../../model/structure.py" line="61"/>
        <source>Change weight %1</source>
        <extracomment>the graph stays readable up to this many layers (input and output included) ... ... and this many nodes in a layer an edit could not be made; the message says why (for the status bar)</extracomment>
        <translation>Cambiar el peso %1</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="68"/>
        <source>Change bias %1</source>
        <translation>Cambiar el sesgo %1</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="124"/>
        <source>Add neuron</source>
        <translation>Añadir neurona</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="140"/>
        <source>Remove neuron</source>
        <translation>Eliminar neurona</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="147"/>
        <source>A network here has at most %1 layers.</source>
        <translation>Aquí una red tiene como máximo %1 capas.</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="162"/>
        <source>Add hidden layer</source>
        <translation>Añadir capa oculta</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="169"/>
        <source>Select a hidden layer to remove it: the input and output layers follow the data set.</source>
        <translation>Selecciona una capa oculta para eliminarla: las capas de entrada y de salida dependen del conjunto de datos.</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="175"/>
        <source>Remove hidden layer</source>
        <translation>Eliminar capa oculta</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="184"/>
        <source>Set activation to %1</source>
        <translation>Poner la activación %1</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="193"/>
        <source>Set step threshold</source>
        <translation>Cambiar el umbral del escalón</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="198"/>
        <source>Select a node of a hidden layer: the input and output layers follow the data set.</source>
        <translation>Selecciona un nodo de una capa oculta: las capas de entrada y de salida dependen del conjunto de datos.</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="200"/>
        <source>A layer here has at most %1 nodes.</source>
        <translation>Aquí una capa tiene como máximo %1 nodos.</translation>
    </message>
    <message>
        <location filename="../../model/structure.py" line="201"/>
        <source>A hidden layer keeps at least one node; remove the layer instead.</source>
        <translation>Una capa oculta conserva al menos un nodo; elimina la capa entera.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../ui/graph/network_view.py" line="351"/>
        <source>Network graph</source>
        <extracomment>a node was clicked: (layer, index) an edge was clicked: (l, i, j) for weights[l][i, j] the pointer came onto a node&apos;s picture: (layer, index); left it: (-1, -1)</extracomment>
        <translation>Grafo de la red</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="353"/>
        <source>Layers of nodes joined by weighted edges. Click a node to edit its weights.</source>
        <translation>Capas de nodos unidas por conexiones con peso. Haz clic en un nodo para cambiar sus pesos.</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="720"/>
        <source>%1 (input)
%2 in the data&apos;s units → x = %3 as the network sees it (standardized)</source>
        <extracomment>sizes of text, nodes and lines relative to the usual: the view&apos;s font size over the application&apos;s (the window zoom sets the window&apos;s font; ``changeEvent`` follows it) black outlines and texts on white, stronger edges (``set_high_contrast``) edges and nodes show the last update&apos;s gradient instead of the weights and values</extracomment>
        <translation>%1 (entrada)
%2 en las unidades de los datos → x = %3 tal como la ve la red (estandarizada)</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="723"/>
        <source>%1 (input)
value x = %2</source>
        <translation>%1 (entrada)
valor x = %2</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="726"/>
        <source>%1 (%2)
z = %3
%4(z) = %5</source>
        <translation>%1 (%2)
z = %3
%4(z) = %5</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="804"/>
        <source>Add a neuron to this layer</source>
        <translation>Añadir una neurona a esta capa</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="808"/>
        <source>Remove this neuron</source>
        <translation>Eliminar esta neurona</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="813"/>
        <source>Add a hidden layer after this one</source>
        <translation>Añadir una capa oculta después de esta</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="818"/>
        <source>Remove this layer</source>
        <translation>Eliminar esta capa</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="823"/>
        <source>Activation</source>
        <translation>Activación</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="932"/>
        <source>Weight value</source>
        <translation>Valor del peso</translation>
    </message>
    <message>
        <location filename="../../ui/graph/network_view.py" line="933"/>
        <source>Type a new weight and press Enter (Escape cancels)</source>
        <translation>Escribe un peso nuevo y pulsa Enter (Esc cancela)</translation>
    </message>
</context>
<context>
    <name>NeuronPanel</name>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="72"/>
        <source>What the selected neuron computes</source>
        <extracomment>the formula lists every term up to this many inputs, then the largest ones</extracomment>
        <translation>Lo que calcula la neurona seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="80"/>
        <source>Sample row of the data set</source>
        <extracomment>the numbers shown, for tests and screen readers: z and y = f(z) (None for inputs)</extracomment>
        <translation>Fila de la muestra en el conjunto de datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="81"/>
        <source>Which example of the data set the graph and the formula show</source>
        <translation>Qué ejemplo del conjunto de datos muestran el grafo y la fórmula</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="87"/>
        <source>Input values of the sample</source>
        <translation>Valores de entrada de la muestra</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="89"/>
        <source>Type one value per input, separated by spaces or semicolons, and press Enter: in the data&apos;s own units (a flower in cm), as in the table.</source>
        <translation>Escribe un valor por entrada, separados por espacios o punto y coma, y pulsa Intro: en las unidades de los datos (una flor en cm), como en la tabla.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="105"/>
        <source>Sample &amp;row:</source>
        <translation>&amp;Fila de la muestra:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="108"/>
        <source>&amp;Inputs x:</source>
        <translation>&amp;Entradas x:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="117"/>
        <source>The weighted sum of the inputs plus the bias</source>
        <translation>La suma de las entradas por sus pesos, más el sesgo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="118"/>
        <source>The result z of the weighted sum</source>
        <translation>El resultado z de la suma ponderada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="119"/>
        <source>The activation function applied to z</source>
        <translation>La función de activación aplicada a z</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="120"/>
        <source>Whether the neuron activates</source>
        <translation>Si la neurona se activa o no</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="126"/>
        <source>Step threshold</source>
        <translation>Umbral del escalón</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="127"/>
        <source>A step neuron switches on when z is above this threshold (0.5 in the worked example)</source>
        <translation>Una neurona escalón se activa cuando z supera este umbral (0,5 en el ejemplo explicado)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="136"/>
        <source>Step &amp;threshold:</source>
        <translation>&amp;Umbral del escalón:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="194"/>
        <location filename="../../ui/panels/neuron_panel.py" line="197"/>
        <source>(values typed in)</source>
        <translation>(valores escritos a mano)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="205"/>
        <source>of %1 · answer: %2</source>
        <translation>de %1 · respuesta: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="220"/>
        <source>Type %1 numbers, separated by spaces.</source>
        <translation>Escribe %1 números separados por espacios.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="225"/>
        <source>use a comma for decimals: 5,1</source>
        <translation>usa la coma para los decimales: 5,1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="225"/>
        <source>use a point for decimals: 5.1</source>
        <translation>usa el punto para los decimales: 5.1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="226"/>
        <source>&apos;%1&apos; is not a number (%2).</source>
        <translation>«%1» no es un número (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="233"/>
        <source>Every input must be a finite number (not nan or inf, at most about 1.8e308).</source>
        <translation>Cada entrada debe ser un número finito (ni nan ni inf, como mucho unos 1,8e308).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="242"/>
        <source>These values are too far from the data set&apos;s for the network to take.</source>
        <translation>Estos valores están demasiado lejos de los del conjunto de datos para que la red los pueda tomar.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="264"/>
        <source>Click a neuron in the graph to see what it computes.</source>
        <translation>Haz clic en una neurona del grafo para ver lo que calcula.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="271"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is an input: it passes the sample&apos;s value on.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; es una entrada: pasa el valor de la muestra a la capa siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="280"/>
        <source>standardized for the network: (value − mean) / spread of the training examples</source>
        <translation>estandarizado para la red: (valor − media) / dispersión de los ejemplos de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="293"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) multiplies each input x by its weight w, adds the bias b, then applies its activation:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) multiplica cada entrada x por su peso w, suma el sesgo b y aplica su función de activación:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="307"/>
        <source>z is not a number (nan) → &lt;b&gt;stays off&lt;/b&gt;: it passes 0 on</source>
        <translation>z no es un número (nan) → &lt;b&gt;no se activa&lt;/b&gt;: pasa un 0</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="310"/>
        <source>z = %1 &gt; %2 → &lt;b&gt;activates&lt;/b&gt;: it passes 1 on to the next layer</source>
        <translation>z = %1 &gt; %2 → &lt;b&gt;se activa&lt;/b&gt;: pasa un 1 a la capa siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="313"/>
        <source>z = %1 ≤ %2 → &lt;b&gt;stays off&lt;/b&gt;: it passes 0 on</source>
        <translation>z = %1 ≤ %2 → &lt;b&gt;no se activa&lt;/b&gt;: pasa un 0</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="329"/>
        <source> + (%1 smaller terms: %2)</source>
        <translation> + (%1 términos menores: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="344"/>
        <source>step: 1 if z &gt; %1, else 0</source>
        <translation>escalón: 1 si z &gt; %1; si no, 0</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="345"/>
        <source>to learn, training borrows the slope of a smooth S-curve (hover for why)</source>
        <translation>para aprender, el entrenamiento toma prestada la pendiente de una curva en S suave (pasa el ratón para saber por qué)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="350"/>
        <source>softmax over the outputs: %1 (the outputs add up to 1)</source>
        <translation>softmax sobre las salidas: %1 (las salidas suman 1)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/neuron_panel.py" line="365"/>
        <source>The step is flat everywhere except at the threshold, so its true slope cannot teach anything. Training uses a stand-in instead: the slope of a sigmoid centred on the threshold (%1), a &apos;surrogate gradient&apos;. The neuron itself still outputs exactly 0 or 1.</source>
        <translation>El escalón es plano en todas partes salvo en el umbral, así que su pendiente real no puede enseñar nada. El entrenamiento usa otra en su lugar: la pendiente de una sigmoide centrada en el umbral (%1), un «gradiente sustituto». La neurona sigue dando exactamente 0 o 1.</translation>
    </message>
</context>
<context>
    <name>NumberSpin</name>
    <message>
        <location filename="../../ui/number_spin.py" line="116"/>
        <source>«{0}» can be read two ways. For decimals use a point, as in {1}; a whole number needs no thousands separator: {2}.</source>
        <extracomment>what a spin box takes when typed into: values beyond come only from elsewhere (a file) from this size on a spin box writes values as 1.7e308, so they fit its width how long a refusal stays on screen by the box a typed text was refused on Enter (or on leaving the box): what the box expects instead the last refusal&apos;s message (&quot;&quot; while the box has refused nothing since the last edit)</extracomment>
        <translation>«{0}» se puede leer de dos maneras. Para los decimales usa la coma, como en {1}; un número entero va sin separador de miles: {2}.</translation>
    </message>
    <message>
        <location filename="../../ui/number_spin.py" line="123"/>
        <source>«{0}» is outside this box&apos;s range: from {1} to {2}.</source>
        <translation>«{0}» está fuera del intervalo de esta casilla: de {1} a {2}.</translation>
    </message>
    <message>
        <location filename="../../ui/number_spin.py" line="127"/>
        <source>«{0}» is not a number. Use a point for decimals, as in {1}.</source>
        <translation>«{0}» no es un número. Usa la coma para los decimales, como en {1}.</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="54"/>
        <source>Weights and bias of the selected neuron</source>
        <extracomment>slider positions from -STEPS to +STEPS cover -range .. +range</extracomment>
        <translation>Pesos y sesgo de la neurona seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="66"/>
        <source>Slider range</source>
        <translation>Rango de los deslizadores</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="67"/>
        <source>The sliders go from minus this value to plus this value. Widen it for larger weights.</source>
        <translation>Los deslizadores van de menos este valor a más este valor. Auméntalo para pesos más grandes.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="75"/>
        <source>Slider &amp;range:</source>
        <translation>&amp;Rango de los deslizadores:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="168"/>
        <source>&lt;b&gt;No neuron selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ninguna neurona seleccionada&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="169"/>
        <source>Click a node in the graph to see and change its weights.</source>
        <translation>Haz clic en un nodo del grafo para ver y cambiar sus pesos.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="177"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — an input</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — una entrada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="179"/>
        <source>An input node has no weights: its value comes from the data (choose the sample below).</source>
        <translation>Un nodo de entrada no tiene pesos: su valor viene de los datos (elige la muestra más abajo).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="186"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="197"/>
        <source>Weight from %1 to %2</source>
        <translation>Peso de %1 a %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="198"/>
        <source>bias b</source>
        <translation>sesgo b</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="198"/>
        <source>Bias of %1</source>
        <translation>Sesgo de %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="214"/>
        <source>How much this input counts for the node: drag it and watch the sum W·X + B change.</source>
        <translation>Cuánto cuenta esta entrada para el nodo: arrástralo y mira cómo cambia la suma W·X + B.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="216"/>
        <source>How easily the node switches on, whatever its inputs: added to the sum W·X.</source>
        <translation>Lo fácil que se enciende el nodo, sean cuales sean sus entradas: se suma a W·X.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/parameter_panel.py" line="232"/>
        <source>Type an exact value and press Enter</source>
        <translation>Escribe un valor exacto y pulsa Enter</translation>
    </message>
</context>
<context>
    <name>PlotMenu</name>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="55"/>
        <source>View all</source>
        <translation>Ver todo</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="57"/>
        <source>Zoom out to show everything the plot holds</source>
        <translation>Aleja la vista para mostrar todo lo que contiene el gráfico</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="59"/>
        <source>Export as PNG…</source>
        <translation>Exportar como PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="61"/>
        <source>Save a picture of this plot as a PNG file</source>
        <translation>Guarda una imagen de este gráfico como archivo PNG</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="63"/>
        <source>Copy picture</source>
        <translation>Copiar imagen</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="65"/>
        <source>Copy a picture of this plot, to paste into a worksheet</source>
        <translation>Copia una imagen de este gráfico para pegarla en una ficha de trabajo</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="101"/>
        <source>Export the plot as a picture</source>
        <translation>Exportar el gráfico como imagen</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="103"/>
        <source>PNG pictures (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="114"/>
        <source>Could not save the picture</source>
        <translation>No se pudo guardar la imagen</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_menu.py" line="115"/>
        <source>nnsim could not write «{0}». Is the folder there, and may nnsim write in it?</source>
        <translation>nnsim no pudo escribir «{0}». ¿Existe la carpeta y puede nnsim escribir en ella?</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../ui/presentation.py" line="152"/>
        <source>&amp;Presentation mode</source>
        <extracomment>QSettings keys: the zoom of the window as usual, the zoom in presentation, high contrast one Ctrl + or Ctrl - multiplies or divides the zoom by this a widget&apos;s own font size at zoom 1 (points), kept on the widget the first time it is zoomed QFont&apos;s resolve-mask bit for an explicitly chosen size (QFont::SizeResolved) docks that stay in presentation mode (the rest are settings and explanations) in presentation mode the row of controls and plots is at least this share of the screen&apos;s height the graph&apos;s share of the width it shares with the decision boundary, at the start</extracomment>
        <translation>Modo &amp;presentación</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="153"/>
        <source>Full screen, everything larger, the settings hidden: for the front of a class (F11 or Esc leaves)</source>
        <translation>Pantalla completa, todo más grande, los ajustes ocultos: para proyectar en clase (F11 o Esc para salir)</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="156"/>
        <source>&amp;High contrast</source>
        <translation>Alto &amp;contraste</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="157"/>
        <source>Black texts and outlines on white, stronger edges: for a pale projector</source>
        <translation>Textos y contornos negros sobre blanco, conexiones más intensas: para un proyector pálido</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="160"/>
        <source>&amp;Larger text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="161"/>
        <source>Every text and line of the window larger, the graph&apos;s too (Ctrl +); the graph alone zooms with the mouse wheel or Ctrl+Alt +</source>
        <translation>Todos los textos y líneas de la ventana más grandes, también los del grafo (Ctrl +); solo el grafo se amplía con la rueda del ratón o Ctrl+Alt +</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="165"/>
        <source>&amp;Smaller text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="166"/>
        <source>Every text and line of the window smaller, the graph&apos;s too (Ctrl -); the graph alone zooms with the mouse wheel or Ctrl+Alt -</source>
        <translation>Todos los textos y líneas de la ventana más pequeños, también los del grafo (Ctrl -); solo el grafo se reduce con la rueda del ratón o Ctrl+Alt -</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="169"/>
        <source>&amp;Normal text size</source>
        <translation>Tamaño de texto &amp;normal</translation>
    </message>
    <message>
        <location filename="../../ui/presentation.py" line="170"/>
        <source>Texts and lines at their usual size</source>
        <translation>Textos y líneas a su tamaño habitual</translation>
    </message>
</context>
<context>
    <name>ScoresLabel</name>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="29"/>
        <source>How good the network is</source>
        <extracomment>the numbers are this many times the window&apos;s font size: readable from the back row</extracomment>
        <translation>Qué tan bien lo hace la red</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="54"/>
        <source>No data set: nothing to score.</source>
        <translation>No hay conjunto de datos: nada que evaluar.</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="58"/>
        <source>Accuracy</source>
        <translation>Aciertos</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="59"/>
        <source>Accuracy: train {0}, test {1}</source>
        <translation>Aciertos: entrenamiento {0}, prueba {1}</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="63"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="63"/>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="64"/>
        <source>RMSE: train {0}, test {1}; R²: train {2}, test {3}</source>
        <translation>RMSE: entrenamiento {0}, prueba {1}; R²: entrenamiento {2}, prueba {3}</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="79"/>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="79"/>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="84"/>
        <source>RMSE: the typical error of a prediction, in the target&apos;s units (lower is better). R²: how much of the targets&apos; spread the network explains (1 is perfect, 0 is no better than always answering the mean).</source>
        <translation>RMSE: el error típico de una predicción, en las unidades del objetivo (cuanto menor, mejor). R²: cuánta de la variación de los objetivos explica la red (1 es perfecto, 0 no es mejor que responder siempre la media).</translation>
    </message>
    <message>
        <location filename="../../ui/plots/scores_label.py" line="87"/>
        <source>Accuracy: the share of examples the network classifies right, on the training examples and on the test examples it never learns from. {0} means there is no such part.</source>
        <translation>Aciertos: la parte de los ejemplos que la red clasifica bien, en los ejemplos de entrenamiento y en los de prueba, de los que nunca aprende. {0} significa que no hay esa parte.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="50"/>
        <location filename="../../ui/dialogs/shortcuts.py" line="51"/>
        <location filename="../../ui/dialogs/shortcuts.py" line="58"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="52"/>
        <source>Keys that work anywhere in the window (while a number box has the keyboard, the arrows and Space are the box&apos;s).</source>
        <translation>Teclas que funcionan en cualquier parte de la ventana (mientras una casilla de números tiene el teclado, las flechas y el Espacio son de la casilla).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="59"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="59"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="129"/>
        <source>Training</source>
        <extracomment>the learning rates a class usually trains with: outside, the panel warns (and above, Train asks once before training with it) a regularization rate above this pushes every weight towards 0: warned, and asked on Train the arrows step no finer than this near 0 (as the five-decimal box did)</extracomment>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="173"/>
        <location filename="../../ui/panels/training_panel.py" line="181"/>
        <location filename="../../ui/panels/training_panel.py" line="476"/>
        <location filename="../../ui/panels/training_panel.py" line="477"/>
        <location filename="../../ui/panels/training_panel.py" line="478"/>
        <source>Train</source>
        <extracomment>the last divergence message box (None before one was shown) the question Train asks before training with unusual settings (None: not asked)</extracomment>
        <translation>Entrenar</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="174"/>
        <location filename="../../ui/panels/training_panel.py" line="191"/>
        <source>Step one epoch</source>
        <translation>Avanzar una época</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="175"/>
        <location filename="../../ui/panels/training_panel.py" line="184"/>
        <source>Step one example</source>
        <translation>Un paso con un ejemplo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="177"/>
        <location filename="../../ui/panels/training_panel.py" line="188"/>
        <source>Step one batch</source>
        <translation>Un paso con un lote</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="179"/>
        <location filename="../../ui/panels/training_panel.py" line="194"/>
        <source>Reset weights</source>
        <translation>Reiniciar los pesos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="182"/>
        <source>Start training; press again to pause (Space)</source>
        <translation>Empieza a entrenar; pulsa otra vez para pausar (Espacio)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="189"/>
        <source>One learning step from the next few examples together, as many as the batch size (Ctrl+Right)</source>
        <translation>Un paso de aprendizaje con los siguientes ejemplos juntos, tantos como el tamaño del lote (Ctrl+Derecha)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="194"/>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="195"/>
        <source>New random weights and an empty history (Ctrl+R)</source>
        <translation>Pesos aleatorios nuevos y un historial vacío (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="191"/>
        <location filename="../../ui/panels/training_panel.py" line="228"/>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="229"/>
        <source>Epochs trained so far (one epoch = every training example once), and how far the next one is</source>
        <translation>Épocas entrenadas hasta ahora (una época = cada ejemplo de entrenamiento una vez), y cuánto lleva la siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="238"/>
        <location filename="../../ui/panels/training_panel.py" line="490"/>
        <source>Epoch {0}</source>
        <translation>Época {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="184"/>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="185"/>
        <source>One small learning step from a single flower or point: the selected row if it is a training example, otherwise the next one (Shift+Right)</source>
        <translation>Un pequeño paso de aprendizaje con una sola flor o punto: la fila seleccionada si es un ejemplo de entrenamiento; si no, el siguiente (Mayús+Derecha)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="188"/>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="192"/>
        <source>Train until every training example has been used once more: one epoch (Right arrow)</source>
        <translation>Entrena hasta usar una vez más todos los ejemplos de entrenamiento: una época (flecha derecha)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="205"/>
        <source>Step:</source>
        <translation>Paso:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="206"/>
        <source>Train a little while paused, and see what changed</source>
        <translation>Entrena un poco mientras está en pausa, y mira qué cambió</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="212"/>
        <location filename="../../ui/panels/training_panel.py" line="219"/>
        <location filename="../../ui/panels/training_panel.py" line="223"/>
        <source>Pace</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="213"/>
        <source>How fast training runs: from slow motion, one weight update a second so the class can follow each one, to full speed; applies at once</source>
        <translation>A qué velocidad entrena: desde cámara lenta, un cambio de pesos por segundo para que la clase pueda seguir cada uno, hasta la máxima velocidad; se aplica al momento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="238"/>
        <location filename="../../ui/panels/training_panel.py" line="493"/>
        <source> · example {0} of {1}</source>
        <translation> · ejemplo {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="241"/>
        <source>Training status</source>
        <translation>Estado del entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="242"/>
        <source>What happened last, and what waits for Reset</source>
        <translation>Lo último que ha pasado y lo que espera a Reiniciar</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="246"/>
        <location filename="../../ui/panels/training_panel.py" line="311"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="260"/>
        <location filename="../../ui/panels/training_panel.py" line="313"/>
        <source>Optimizer</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="263"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="263"/>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="263"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="265"/>
        <location filename="../../ui/panels/training_panel.py" line="314"/>
        <source>Batch size</source>
        <translation>Tamaño del lote</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="269"/>
        <location filename="../../ui/panels/training_panel.py" line="315"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="272"/>
        <source>Automatic</source>
        <translation>Automática</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="272"/>
        <source>Cross-entropy</source>
        <translation>Entropía cruzada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="273"/>
        <source>Squared error</source>
        <translation>Error cuadrático</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="276"/>
        <location filename="../../ui/panels/training_panel.py" line="319"/>
        <source>Regularization</source>
        <translation>Regularización</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="279"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="279"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="279"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="281"/>
        <source>Regularization rate</source>
        <translation>Intensidad de la regularización</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="284"/>
        <location filename="../../ui/panels/training_panel.py" line="321"/>
        <source>Test split</source>
        <translation>Parte de prueba</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="289"/>
        <location filename="../../ui/panels/training_panel.py" line="322"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="293"/>
        <source>Stop condition</source>
        <translation>Condición de parada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="294"/>
        <source>When training pauses by itself</source>
        <translation>Cuándo se pausa solo el entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="295"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="295"/>
        <source>After N epochs</source>
        <translation>Tras N épocas</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="296"/>
        <source>When loss below</source>
        <translation>Si la pérdida baja de</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="298"/>
        <source>Epochs to train</source>
        <translation>Épocas que entrenar</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="299"/>
        <source>Pause after this many more epochs</source>
        <translation>Pausa tras este número de épocas más</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="302"/>
        <source>Target loss</source>
        <translation>Pérdida objetivo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="303"/>
        <source>Pause when an epoch&apos;s loss falls below this value</source>
        <translation>Pausa cuando la pérdida de una época baja de este valor</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="327"/>
        <source>Stop</source>
        <translation>Parada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="333"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="365"/>
        <source>Slow motion</source>
        <translation>Cámara lenta</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="365"/>
        <source>Very slow</source>
        <translation>Muy lento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="365"/>
        <source>Slow</source>
        <translation>Lento</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="366"/>
        <source>Steady</source>
        <translation>Pausado</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="366"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="366"/>
        <source>Quick</source>
        <translation>Rápido</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="367"/>
        <source>Fast</source>
        <translation>Muy rápido</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="367"/>
        <source>Full speed</source>
        <translation>Máxima velocidad</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="373"/>
        <source>1 weight update a second</source>
        <translation>1 cambio de pesos por segundo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="374"/>
        <source>{0} weight updates a second</source>
        <translation>{0} cambios de pesos por segundo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="377"/>
        <source>1 epoch a second</source>
        <translation>1 época por segundo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="378"/>
        <source>{0} epochs a second</source>
        <translation>{0} épocas por segundo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="380"/>
        <source>as fast as this computer can</source>
        <translation>tan rápido como pueda este ordenador</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="396"/>
        <source>Not applied: {0}</source>
        <translation>No se ha aplicado: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="423"/>
        <source>The batch size %1 is larger than nnsim can show (at most %2).</source>
        <translation>El tamaño del lote %1 es mayor de lo que nnsim puede mostrar (como mucho %2).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="424"/>
        <source>The seed %1 is larger than nnsim can show (at most %2).</source>
        <translation>La semilla %1 es mayor de lo que nnsim puede mostrar (como mucho %2).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="430"/>
        <source>The learning rate %1 is too close to 0 for nnsim to show.</source>
        <translation>La tasa de aprendizaje %1 está demasiado cerca de 0 para que nnsim la muestre.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="432"/>
        <source>The regularization rate %1 is too close to 0 for nnsim to show.</source>
        <translation>La intensidad de la regularización %1 está demasiado cerca de 0 para que nnsim la muestre.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="476"/>
        <location filename="../../ui/panels/training_panel.py" line="477"/>
        <location filename="../../ui/panels/training_panel.py" line="478"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="485"/>
        <source>This network has no data set to learn from: choose one to train.</source>
        <translation>Esta red no tiene un conjunto de datos del que aprender: elige uno para entrenar.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="498"/>
        <source>Full speed · {0} epochs a second</source>
        <translation>Máxima velocidad · {0} épocas por segundo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="510"/>
        <source>Very large: a learning rate above {0} usually makes training diverge.</source>
        <translation>Muy grande: una tasa de aprendizaje mayor que {0} suele hacer que el entrenamiento diverja.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="513"/>
        <source>Large: a learning rate above {0} often makes training diverge.</source>
        <translation>Grande: una tasa de aprendizaje mayor que {0} a menudo hace que el entrenamiento diverja.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="516"/>
        <source>Very small: below {0} the weights barely move, and training seems to do nothing.</source>
        <translation>Muy pequeña: por debajo de {0} los pesos apenas se mueven y parece que el entrenamiento no hace nada.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="520"/>
        <source>Strong: a regularization rate above {0} pushes every weight towards 0, and the network learns little.</source>
        <translation>Fuerte: una tasa de regularización mayor que {0} empuja todos los pesos hacia 0 y la red aprende poco.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="527"/>
        <source>Train asks before using it.</source>
        <translation>Entrenar pregunta antes de usarla.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="559"/>
        <source>Train with these settings?</source>
        <translation>¿Entrenar con estos ajustes?</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="560"/>
        <source>Some settings are outside the range that usually trains well:</source>
        <translation>Algunos ajustes están fuera del intervalo con el que se suele entrenar bien:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="564"/>
        <source>Train anyway</source>
        <translation>Entrenar de todos modos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="565"/>
        <source>Do not train</source>
        <translation>No entrenar</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="592"/>
        <source>Training paused; the weights are the last ones that were still numbers.

What to try: a smaller learning rate (e.g. {0} instead of {1}), the Adam optimizer, or Reset for new weights.</source>
        <translation>Entrenamiento en pausa; los pesos son los últimos que aún eran números.

Qué probar: una tasa de aprendizaje menor (por ejemplo, {0} en lugar de {1}), el optimizador Adam o Reiniciar para tener pesos nuevos.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="614"/>
        <source>Paused: the loss fell below {0}.</source>
        <translation>En pausa: la pérdida bajó de {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="596"/>
        <source>Training diverged: the learning rate is too large for this network.</source>
        <translation>El entrenamiento divergió: la tasa de aprendizaje es demasiado grande para esta red.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="247"/>
        <source>How big a step every weight and bias takes each time the network learns: too small and learning crawls, too big and it jumps past the answer. Applies at once.</source>
        <translation>Lo grande que es el paso que da cada peso y cada sesgo cada vez que la red aprende: si es muy pequeño aprende muy despacio, si es muy grande se pasa de la respuesta. Se aplica al momento.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="261"/>
        <source>How each step is taken: SGD steps straight downhill, Momentum keeps some speed from the steps before, Adam sizes every weight&apos;s step by itself. Applies at once.</source>
        <translation>Cómo se da cada paso: SGD baja directo cuesta abajo, Momentum guarda algo de velocidad de los pasos anteriores, Adam ajusta solo el paso de cada peso. Se aplica al momento.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="266"/>
        <source>How many examples the network looks at before it changes its weights once: 1 learns from each example alone, more gives calmer steps. Applies at once.</source>
        <translation>Cuántos ejemplos mira la red antes de cambiar sus pesos una vez: con 1 aprende de cada ejemplo por separado, con más los pasos son más tranquilos. Se aplica al momento.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="270"/>
        <source>How the network&apos;s mistakes are scored: the number training tries to make smaller. Applies at once.</source>
        <translation>Cómo se puntúan los fallos de la red: el número que el entrenamiento intenta hacer más pequeño. Se aplica al momento.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="277"/>
        <source>A push that keeps the weights small (L2) or sets the unneeded ones to zero (L1), so the network does not learn the examples by heart. Applies at once.</source>
        <translation>Un empujón que mantiene pequeños los pesos (L2) o pone a cero los que no hacen falta (L1), para que la red no se aprenda los ejemplos de memoria. Se aplica al momento.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="282"/>
        <source>How strong that push is (λ); 0 turns it off</source>
        <translation>Lo fuerte que es ese empujón (λ); 0 lo apaga</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="285"/>
        <source>Examples kept aside, never learned from, to check the network on examples it has not seen; applies at once, the weights stay</source>
        <translation>Ejemplos apartados, de los que nunca aprende, para comprobar la red con ejemplos que no ha visto; se aplica al momento y los pesos se conservan</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="290"/>
        <source>The number that picks the random starting weights and the order of the examples: the same seed gives the same run again; applies on Reset (Reset alone takes the next seed)</source>
        <translation>El número que elige los pesos iniciales al azar y el orden de los ejemplos: la misma semilla repite el mismo entrenamiento; se aplica al Reiniciar (Reiniciar sin más toma la semilla siguiente)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="597"/>
        <source>Training diverged</source>
        <translation>El entrenamiento divergió</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="616"/>
        <source>Paused after {0} epochs.</source>
        <translation>En pausa tras {0} épocas.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_panel.py" line="620"/>
        <source>Training paused: {0}</source>
        <translation>Entrenamiento en pausa: {0}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../../ui/plots/curves.py" line="394"/>
        <source>Training plots</source>
        <translation>Gráficos del entrenamiento</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="398"/>
        <source>Log scale</source>
        <translation>Escala logarítmica</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="400"/>
        <source>Logarithmic loss axis</source>
        <translation>Eje de pérdida logarítmico</translation>
    </message>
    <message>
        <location filename="../../ui/plots/curves.py" line="401"/>
        <source>Show the loss on a logarithmic axis, so small late improvements stay visible</source>
        <translation>Muestra la pérdida en un eje logarítmico, para que se vean las pequeñas mejoras del final</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsModel</name>
    <message>
        <location filename="../../training/settings_model.py" line="68"/>
        <source>seed {0}</source>
        <extracomment>settings the running trainer takes without a reset the settings changed (a TrainingSettings, with the seed of the current weights) what waits for Reset changed, as text (&quot;&quot; when nothing)</extracomment>
        <translation>semilla {0}</translation>
    </message>
    <message>
        <location filename="../../training/settings_model.py" line="70"/>
        <source>test split {0}%</source>
        <translation>parte de prueba {0} %</translation>
    </message>
    <message>
        <location filename="../../training/settings_model.py" line="73"/>
        <source>Press Reset to apply: {0}.</source>
        <translation>Pulsa Reiniciar para aplicar: {0}.</translation>
    </message>
</context>
<context>
    <name>UpdatePanel</name>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="51"/>
        <source>How training changed W and B</source>
        <extracomment>a hidden node&apos;s delta lists the terms of its sum up to this many, then &quot;+ …&quot; weights are shown with this many decimals: one update moves them by about 0.001</extracomment>
        <translation>Cómo cambió el entrenamiento W y B</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="68"/>
        <source>How each incoming weight and the bias changed</source>
        <extracomment>the update shown (None: none yet) for tests and screen readers: the selected node&apos;s delta in the update shown</extracomment>
        <translation>Cómo cambió cada peso de entrada y el sesgo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="132"/>
        <source>Nothing trained yet. Press &lt;b&gt;Example&lt;/b&gt; (Shift+Right) to take one learning step from one example, and see here how it changed the selected neuron&apos;s weights and bias.</source>
        <translation>Aún no se ha entrenado nada. Pulsa &lt;b&gt;Ejemplo&lt;/b&gt; (Mayús+Derecha) para dar un paso de aprendizaje con un ejemplo, y mira aquí cómo cambió los pesos y el sesgo de la neurona seleccionada.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="138"/>
        <source>Click a neuron of a hidden or the output layer to see how this update changed its weights and bias (inputs have none).</source>
        <translation>Haz clic en una neurona de una capa oculta o de la capa de salida para ver cómo este cambio modificó sus pesos y su sesgo (las entradas no tienen).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="142"/>
        <source>How this update changed the weights and the bias of &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Cómo cambió este paso los pesos y el sesgo de &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="165"/>
        <source>table row %1</source>
        <translation>fila %1 de la tabla</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="167"/>
        <source>, example %1 of %2 of this epoch</source>
        <translation>, ejemplo %1 de %2 de esta época</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="171"/>
        <source>, the selected example (outside the epoch&apos;s order)</source>
        <translation>, el ejemplo seleccionado (fuera del orden de la época)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="175"/>
        <source>&lt;b&gt;One example&lt;/b&gt; (%1).</source>
        <translation>&lt;b&gt;Un ejemplo&lt;/b&gt; (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="176"/>
        <source>known answer y = %1%2 · output a = %3&lt;br&gt;error a − y = %4 · loss = %5</source>
        <translation>respuesta conocida y = %1%2 · salida a = %3&lt;br&gt;error a − y = %4 · pérdida = %5</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="182"/>
        <source>&lt;b&gt;A batch of %1 examples&lt;/b&gt; (table rows %2).</source>
        <translation>&lt;b&gt;Un lote de %1 ejemplos&lt;/b&gt; (filas %2 de la tabla).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="184"/>
        <source>mean loss of the batch = %1; each gradient is the mean of x·δ over its examples</source>
        <translation>pérdida media del lote = %1; cada gradiente es la media de x·δ sobre sus ejemplos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="204"/>
        <source>δ = ∂L/∂z, how much the loss changes when this neuron&apos;s z grows</source>
        <translation>δ = ∂L/∂z, cuánto cambia la pérdida cuando crece la z de esta neurona</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="206"/>
        <source>mean δ over the batch = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>δ media del lote = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="212"/>
        <source>at the output, with cross-entropy the activation&apos;s slope cancels: δ = a − y = %1 − %2 = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>en la salida, con entropía cruzada la pendiente de la activación se cancela: δ = a − y = %1 − %2 = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="217"/>
        <source>at the output (squared error through the softmax): δ = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>en la salida (error cuadrático a través de la softmax): δ = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="220"/>
        <source>at the output, with squared error: δ = (a − y) · f′(z) = %1 · %2 = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>en la salida, con error cuadrático: δ = (a − y) · f′(z) = %1 · %2 = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="232"/>
        <source>in a hidden layer, the next layer&apos;s deltas come back through the weights that leave this neuron: Σ w·δ = %1 = %2; times the slope f′(z) = %3: δ = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>en una capa oculta, las deltas de la capa siguiente vuelven por los pesos que salen de esta neurona: Σ w·δ = %1 = %2; por la pendiente f′(z) = %3: δ = &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="248"/>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="250"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="251"/>
        <source>∂L/∂w = x·δ</source>
        <translation>∂L/∂w = x·δ</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="251"/>
        <source>∂L/∂w (mean x·δ)</source>
        <translation>∂L/∂w (media de x·δ)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="251"/>
        <source>−η·∂L/∂w</source>
        <translation>−η·∂L/∂w</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="253"/>
        <source>change made</source>
        <translation>cambio hecho</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="254"/>
        <source>before → after</source>
        <translation>antes → después</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="262"/>
        <source>bias b</source>
        <translation>sesgo b</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="282"/>
        <source>Plain gradient descent (SGD, no penalty): every weight moved by exactly −η·∂L/∂w, with η = %1. A negative gradient means the loss falls if the weight grows, so the weight grows.</source>
        <translation>Descenso de gradiente simple (SGD, sin penalización): cada peso se movió exactamente −η·∂L/∂w, con η = %1. Un gradiente negativo significa que la pérdida baja si el peso crece, así que el peso crece.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="287"/>
        <source>momentum adds part of the previous steps</source>
        <translation>el momento suma parte de los pasos anteriores</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="289"/>
        <source>Adam scales each step by the gradient&apos;s recent size</source>
        <translation>Adam ajusta cada paso al tamaño reciente del gradiente</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="291"/>
        <source>the L2 penalty also pulls every weight towards 0</source>
        <translation>la penalización L2 además acerca cada peso a 0</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="293"/>
        <source>the L1 penalty also pushes every weight towards 0 by a fixed amount</source>
        <translation>la penalización L1 además empuja cada peso hacia 0 una cantidad fija</translation>
    </message>
    <message>
        <location filename="../../ui/panels/update_panel.py" line="294"/>
        <source>The change made is not −η·∂L/∂w (η = %1): %2. The column &quot;change made&quot; shows what really happened.</source>
        <translation>El cambio hecho no es −η·∂L/∂w (η = %1): %2. La columna «cambio hecho» muestra lo que pasó de verdad.</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="71"/>
        <source>What if?</source>
        <extracomment>the prediction is this many times the window&apos;s font size the largest value a box takes (a file&apos;s column may hold values near float&apos;s end)</extracomment>
        <translation>¿Y si…?</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="78"/>
        <source>What if? Type an example&apos;s values in the data&apos;s own units and see what the network answers.</source>
        <extracomment>the network&apos;s outputs for the boxes&apos; values (None without data)</extracomment>
        <translation>¿Y si…? Escribe los valores de un ejemplo en las unidades de los datos y mira qué responde la red.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="82"/>
        <location filename="../../ui/panels/what_if_panel.py" line="84"/>
        <source>Take the selected row</source>
        <translation>Tomar la fila seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="85"/>
        <source>Copy the example selected in the data table into the boxes</source>
        <translation>Copiar en las casillas el ejemplo seleccionado en la tabla de datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="89"/>
        <source>The network&apos;s answer</source>
        <translation>La respuesta de la red</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="97"/>
        <source>The network&apos;s outputs</source>
        <translation>Las salidas de la red</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="163"/>
        <source>{0}, in the data&apos;s own units</source>
        <translation>{0}, en las unidades de los datos</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="190"/>
        <source>Choose a data set to ask the network.</source>
        <translation>Elige un conjunto de datos para preguntar a la red.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="202"/>
        <source>Answer: {0}</source>
        <translation>Respuesta: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="204"/>
        <source> ({0} sure)</source>
        <translation> (segura al {0})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="208"/>
        <source>{0} = {1}</source>
        <translation>{0} = {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/what_if_panel.py" line="214"/>
        <source>Outputs</source>
        <translation>Salidas</translation>
    </message>
</context>
</TS>
