<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BriefView</name>
    <message>
        <source>Brief</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Add articles on one story to brief them.</source>
        <translation>Fügen Sie Artikel zu einer Geschichte hinzu, um daraus ein Briefing zu machen.</translation>
    </message>
    <message>
        <source>Unpin Line</source>
        <translation>Zeile lösen</translation>
    </message>
    <message>
        <source>Pin Line</source>
        <translation>Zeile anheften</translation>
    </message>
    <message>
        <source>Exclude Line</source>
        <translation>Zeile ausschließen</translation>
    </message>
    <message>
        <source>Clear Pins and Exclusions</source>
        <translation>Anheftungen und Ausschlüsse aufheben</translation>
    </message>
</context>
<context>
    <name>BriefWindow</name>
    <message>
        <source>Brief</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>% of the words</source>
        <translation>% der Wörter</translation>
    </message>
    <message>
        <source>words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>By story</source>
        <translation>Nach Thema</translation>
    </message>
    <message>
        <source>By article</source>
        <translation>Nach Artikel</translation>
    </message>
    <message>
        <source>Add Articles…</source>
        <translation>Artikel hinzufügen …</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>Paste Article</source>
        <translation>Artikel einfügen</translation>
    </message>
    <message>
        <source>Length </source>
        <translation>Länge </translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>Markdown exportieren …</translation>
    </message>
    <message>
        <source>Copy Brief</source>
        <translation>Briefing kopieren</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lese …</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <source>Pasted article</source>
        <translation>Eingefügter Artikel</translation>
    </message>
    <message>
        <source>≈ nearly the same as [%1]</source>
        <translation>≈ fast gleich wie [%1]</translation>
    </message>
    <message>
        <source>Ranking…</source>
        <translation>Bewerte …</translation>
    </message>
    <message>
        <source>%1 lines, %2 words, from %3 articles</source>
        <translation>%1 Zeilen, %2 Wörter, aus %3 Artikeln</translation>
    </message>
    <message>
        <source>Add Articles</source>
        <translation>Artikel hinzufügen</translation>
    </message>
    <message>
        <source>Add a Folder of Articles</source>
        <translation>Ordner mit Artikeln hinzufügen</translation>
    </message>
    <message>
        <source>Export Brief</source>
        <translation>Briefing exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>CitationBar</name>
    <message>
        <source>Copy the article&apos;s address</source>
        <translation>Adresse des Artikels kopieren</translation>
    </message>
    <message>
        <source>Article address: click to copy</source>
        <translation>Adresse des Artikels: zum Kopieren klicken</translation>
    </message>
    <message>
        <source>Key terms:</source>
        <translation>Schlüsselbegriffe:</translation>
    </message>
    <message>
        <source>Highlight “{term}” in the article</source>
        <translation>„{term}“ im Artikel hervorheben</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected Error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong inside Precis.</source>
        <translation>In Precis ist etwas schiefgegangen.</translation>
    </message>
    <message>
        <source>Your article and summary are still open, and you can go on working. The details were written to:
{path}</source>
        <translation>Ihr Artikel und die Zusammenfassung sind noch geöffnet, Sie können weiterarbeiten. Die Einzelheiten stehen in:
{path}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Key terms</source>
        <translation>Schlüsselbegriffe</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Reduction</source>
        <translation>Kürzung</translation>
    </message>
    <message>
        <source>{sentences} sentences, {words} words</source>
        <translation>{sentences} Sätze, {words} Wörter</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Summary as Markdown</source>
        <translation>Zusammenfassung als Markdown exportieren</translation>
    </message>
    <message>
        <source>&amp;Bullet list</source>
        <translation>&amp;Aufzählung</translation>
    </message>
    <message>
        <source>&amp;Paragraph</source>
        <translation>&amp;Fließtext</translation>
    </message>
    <message>
        <source>One line under the title</source>
        <translation>Eine Zeile unter dem Titel</translation>
    </message>
    <message>
        <source>YAML front matter</source>
        <translation>YAML-Vorspann</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadaten:</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>&amp;Speichern unter …</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export Summary</source>
        <translation>Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The summary could not be saved. Nothing on disk was changed, and the summary is still here.

{reason}</source>
        <translation>Die Zusammenfassung konnte nicht gespeichert werden. Auf dem Datenträger wurde nichts verändert, und die Zusammenfassung ist noch da.

{reason}</translation>
    </message>
    <message>
        <source>Summary saved to {path}</source>
        <translation>Zusammenfassung gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Summary copied.</source>
        <translation>Zusammenfassung kopiert.</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Web pages</source>
        <translation>Webseiten</translation>
    </message>
    <message>
        <source>Saved web pages</source>
        <translation>Gespeicherte Webseiten</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Word documents</source>
        <translation>Word-Dokumente</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument-Text</translation>
    </message>
    <message>
        <source>Rich Text</source>
        <translation>Rich Text</translation>
    </message>
    <message>
        <source>E-books</source>
        <translation>E-Books</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>All supported articles ({patterns})</source>
        <translation>Alle lesbaren Artikel ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 Min.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>The text looks cut off: a paywall or a teaser?</source>
        <translation>Der Text wirkt abgeschnitten: eine Bezahlschranke oder ein Anreißer?</translation>
    </message>
    <message>
        <source>Finding the sentences of {name}…</source>
        <translation>Sätze in {name} werden gesucht …</translation>
    </message>
    <message>
        <source>Reading {name}: page {page} of {pages}…</source>
        <translation>{name} wird gelesen: Seite {page} von {pages} …</translation>
    </message>
    <message>
        <source>Read as {chosen}; the article looks {detected}.</source>
        <translation>Gelesen als {chosen}; der Artikel wirkt wie {detected}.</translation>
    </message>
    <message>
        <source>{article} words → {summary} words (−{reduction} %)  ·  reading {article_time} → {summary_time}  ·  {language}  ·  {method}  ·  ranked in {duration}</source>
        <translation>{article} Wörter → {summary} Wörter (−{reduction} %)  ·  Lesezeit {article_time} → {summary_time}  ·  {language}  ·  {method}  ·  gewichtet in {duration}</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
</context>
<context>
    <name>HeatLegend</name>
    <message>
        <source>Heat map legend</source>
        <translation>Legende des Wärmebilds</translation>
    </message>
    <message>
        <source>Heat map: every sentence shaded by its score, from the lowest to the best</source>
        <translation>Wärmebild: jeder Satz nach seiner Bewertung getönt, von der niedrigsten bis zur besten</translation>
    </message>
    <message>
        <source>lowest score</source>
        <translation>niedrigste Bewertung</translation>
    </message>
    <message>
        <source>best</source>
        <translation>beste</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>About {name}</source>
        <translation>Über {name}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{name} {version}&lt;/h3&gt;&lt;p&gt;An offline summariser: extractive summaries beside the source article, with the chosen sentences highlighted in place.&lt;/p&gt;&lt;p&gt;Nothing leaves this computer.&lt;/p&gt;&lt;p&gt;&lt;small&gt;{app_id}&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{name} {version}&lt;/h3&gt;&lt;p&gt;Zusammenfassungen ohne Internet: ausgewählte Sätze neben dem Originalartikel, dort an Ort und Stelle hervorgehoben.&lt;/p&gt;&lt;p&gt;Nichts verlässt diesen Computer.&lt;/p&gt;&lt;p&gt;&lt;small&gt;{app_id}&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Summary statistics</source>
        <translation>Kennzahlen der Zusammenfassung</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open an article from a file</source>
        <translation>Einen Artikel aus einer Datei öffnen</translation>
    </message>
    <message>
        <source>&amp;Paste Article</source>
        <translation>Artikel &amp;einfügen</translation>
    </message>
    <message>
        <source>Summarise the text on the clipboard</source>
        <translation>Den Text in der Zwischenablage zusammenfassen</translation>
    </message>
    <message>
        <source>&amp;Back to Previous Article</source>
        <translation>Zurück zum &amp;vorherigen Artikel</translation>
    </message>
    <message>
        <source>Open again the article this one replaced</source>
        <translation>Den Artikel wieder öffnen, den dieser ersetzt hat</translation>
    </message>
    <message>
        <source>&amp;Close Article</source>
        <translation>Artikel &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Export Markdown…</source>
        <translation>Als Markdown e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save the summary as a Markdown file</source>
        <translation>Die Zusammenfassung als Markdown-Datei speichern</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Copy &amp;Summary</source>
        <translation>Zusammenfassung &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the summary as Markdown and as rich text</source>
        <translation>Die Zusammenfassung als Markdown und als formatierten Text kopieren</translation>
    </message>
    <message>
        <source>New &amp;Brief…</source>
        <translation>Neues &amp;Briefing …</translation>
    </message>
    <message>
        <source>One cited brief from several articles on a story</source>
        <translation>Ein Briefing mit Quellen aus mehreren Artikeln zu einer Geschichte</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>C&amp;lear Recent Files</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Pin Sentence</source>
        <translation>Satz &amp;anheften</translation>
    </message>
    <message>
        <source>Always keep the sentence at the cursor in the summary</source>
        <translation>Den Satz an der Schreibmarke immer in der Zusammenfassung behalten</translation>
    </message>
    <message>
        <source>E&amp;xclude Sentence</source>
        <translation>Satz a&amp;usschließen</translation>
    </message>
    <message>
        <source>Never put the sentence at the cursor in the summary</source>
        <translation>Den Satz an der Schreibmarke nie in die Zusammenfassung aufnehmen</translation>
    </message>
    <message>
        <source>&amp;Unpin or Include Again</source>
        <translation>&amp;Lösen oder wieder zulassen</translation>
    </message>
    <message>
        <source>Let the ranking decide about the sentence at the cursor again</source>
        <translation>Über den Satz an der Schreibmarke wieder die Gewichtung entscheiden lassen</translation>
    </message>
    <message>
        <source>C&amp;lear All Pins and Exclusions</source>
        <translation>Alle Markierungen &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Longer</source>
        <translation>&amp;Länger</translation>
    </message>
    <message>
        <source>&amp;Shorter</source>
        <translation>&amp;Kürzer</translation>
    </message>
    <message>
        <source>&amp;Next Summary Sentence</source>
        <translation>&amp;Nächster Satz der Zusammenfassung</translation>
    </message>
    <message>
        <source>P&amp;revious Summary Sentence</source>
        <translation>&amp;Vorheriger Satz der Zusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Keep Context</source>
        <translation>&amp;Kontext behalten</translation>
    </message>
    <message>
        <source>Bring in the sentence before one that leans on it (“He”, “However”), where the length allows</source>
        <translation>Den Satz davor aufnehmen, wenn ein Satz auf ihn verweist („Er“, „Jedoch“), soweit die Länge reicht</translation>
    </message>
    <message>
        <source>Summarise &amp;Again</source>
        <translation>&amp;Erneut zusammenfassen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop reading or ranking; the current article stays</source>
        <translation>Lesen oder Gewichten anhalten; der aktuelle Artikel bleibt</translation>
    </message>
    <message>
        <source>&amp;Heat Map</source>
        <translation>&amp;Wärmebild</translation>
    </message>
    <message>
        <source>Shade every sentence by its score</source>
        <translation>Jeden Satz nach seiner Bewertung einfärben</translation>
    </message>
    <message>
        <source>S&amp;tack Panes Vertically</source>
        <translation>Bereiche &amp;untereinander</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Go to A&amp;rticle</source>
        <translation>Zum &amp;Artikel</translation>
    </message>
    <message>
        <source>Go to Su&amp;mmary</source>
        <translation>Zur &amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Precis</source>
        <translation>Ü&amp;ber Precis</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Summary Controls</source>
        <translation>Einstellungen der Zusammenfassung</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Copied {url}</source>
        <translation>{url} kopiert</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen …</translation>
    </message>
    <message>
        <source>Open Article</source>
        <translation>Artikel öffnen</translation>
    </message>
    <message>
        <source>The clipboard holds no text to summarise.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Zusammenfassen.</translation>
    </message>
    <message>
        <source>Reading the pasted text…</source>
        <translation>Der eingefügte Text wird gelesen …</translation>
    </message>
    <message>
        <source>“{name}” is one step back ({key}).</source>
        <translation>„{name}“ ist einen Schritt zurück ({key}).</translation>
    </message>
    <message>
        <source>{count} sentence</source>
        <translation>{count} Satz</translation>
    </message>
    <message>
        <source>{count} sentences</source>
        <translation>{count} Sätze</translation>
    </message>
    <message>
        <source>{words} words</source>
        <translation>{words} Wörter</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen …</translation>
    </message>
    <message>
        <source>ranking…</source>
        <translation>wird gewichtet …</translation>
    </message>
    <message>
        <source>Ranking sentences…</source>
        <translation>Sätze werden gewichtet …</translation>
    </message>
    <message>
        <source>Could Not Open {name}</source>
        <translation>{name} konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could Not Read the Pasted Text</source>
        <translation>Der eingefügte Text konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The article you had open is still here.</source>
        <translation>Der zuvor geöffnete Artikel ist noch da.</translation>
    </message>
    <message>
        <source>Could Not Summarise</source>
        <translation>Zusammenfassen nicht möglich</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <source>LexRank: sentences similar to many others (graph centrality).</source>
        <translation>LexRank: Sätze, die vielen anderen ähneln (Zentralität im Graphen).</translation>
    </message>
    <message>
        <source>TextRank: PageRank over sentences linked by the words they share.</source>
        <translation>TextRank: PageRank über Sätze, verbunden durch gemeinsame Wörter.</translation>
    </message>
    <message>
        <source>LSA: sentences strongest in the document&apos;s latent topics.</source>
        <translation>LSA: Sätze, die die verborgenen Themen des Textes am stärksten tragen.</translation>
    </message>
    <message>
        <source>Reduction: sentences sharing the most words with the rest.</source>
        <translation>Reduction: Sätze, die die meisten Wörter mit dem Rest teilen.</translation>
    </message>
    <message>
        <source>Luhn: sentences with dense clusters of frequent words.</source>
        <translation>Luhn: Sätze mit dichten Gruppen häufiger Wörter.</translation>
    </message>
    <message>
        <source>Edmundson: cue words, key words, title words and position.</source>
        <translation>Edmundson: Signalwörter, Schlüsselwörter, Titelwörter und Position.</translation>
    </message>
    <message>
        <source>KL-Sum: greedily keeps the word distribution closest to the article&apos;s.</source>
        <translation>KL-Sum: hält die Wortverteilung schrittweise möglichst nah an der des Artikels.</translation>
    </message>
    <message>
        <source>SumBasic: frequent words first, then what is not yet said.</source>
        <translation>SumBasic: erst häufige Wörter, dann was noch nicht gesagt ist.</translation>
    </message>
    <message>
        <source>Precis: the article&apos;s lead, then its most central sentences, without repeats.</source>
        <translation>Precis: der Vorspann des Artikels, dann seine zentralsten Sätze, ohne Wiederholungen.</translation>
    </message>
    <message>
        <source>Lead: the first sentences, as a news editor would cut.</source>
        <translation>Lead: die ersten Sätze, wie eine Nachrichtenredaktion kürzen würde.</translation>
    </message>
    <message>
        <source>Random: sentences picked by chance, the same for the same text (a baseline).</source>
        <translation>Random: zufällig gewählte Sätze, für denselben Text immer dieselben (ein Vergleichsmaßstab).</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>The article, with the sentences of the summary highlighted</source>
        <translation>Der Artikel, die Sätze der Zusammenfassung hervorgehoben</translation>
    </message>
    <message>
        <source>Open an article (Ctrl+O), drop a file here, or paste text (Ctrl+V) to summarise it.</source>
        <translation>Öffnen Sie einen Artikel (Strg+O), ziehen Sie eine Datei hierher oder fügen Sie Text ein (Strg+V), um ihn zusammenzufassen.</translation>
    </message>
    <message>
        <source>Not ranked yet</source>
        <translation>Noch nicht gewichtet</translation>
    </message>
    <message>
        <source>Rank {rank} of {count}</source>
        <translation>Rang {rank} von {count}</translation>
    </message>
    <message>
        <source>Score {score}</source>
        <translation>Bewertung {score}</translation>
    </message>
    <message>
        <source>Pinned: always in the summary</source>
        <translation>Angeheftet: immer in der Zusammenfassung</translation>
    </message>
    <message>
        <source>Excluded: never in the summary</source>
        <translation>Ausgeschlossen: nie in der Zusammenfassung</translation>
    </message>
    <message>
        <source>In the summary</source>
        <translation>In der Zusammenfassung</translation>
    </message>
    <message>
        <source>Title: not a summary candidate</source>
        <translation>Titel: kommt nicht in die Zusammenfassung</translation>
    </message>
    <message>
        <source>Heading: not a summary candidate</source>
        <translation>Zwischentitel: kommt nicht in die Zusammenfassung</translation>
    </message>
    <message>
        <source>Byline: not a summary candidate</source>
        <translation>Autorenzeile: kommt nicht in die Zusammenfassung</translation>
    </message>
    <message>
        <source>Caption: not a summary candidate</source>
        <translation>Bildunterschrift: kommt nicht in die Zusammenfassung</translation>
    </message>
    <message>
        <source>Boilerplate: not a summary candidate</source>
        <translation>Seitenbeiwerk: kommt nicht in die Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>SummaryControls</name>
    <message>
        <source>Summarisation method</source>
        <translation>Verfahren der Zusammenfassung</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Article language</source>
        <translation>Sprache des Artikels</translation>
    </message>
    <message>
        <source>The article&apos;s language: detected automatically, or chosen</source>
        <translation>Die Sprache des Artikels: automatisch erkannt oder gewählt</translation>
    </message>
    <message>
        <source>Summary length</source>
        <translation>Länge der Zusammenfassung</translation>
    </message>
    <message>
        <source>Summary length value</source>
        <translation>Wert der Länge</translation>
    </message>
    <message>
        <source>sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>% of words</source>
        <translation>% der Wörter</translation>
    </message>
    <message>
        <source>words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Length unit</source>
        <translation>Einheit der Länge</translation>
    </message>
    <message>
        <source>Article order</source>
        <translation>Wie im Artikel</translation>
    </message>
    <message>
        <source>Best first</source>
        <translation>Beste zuerst</translation>
    </message>
    <message>
        <source>Sentence order</source>
        <translation>Reihenfolge der Sätze</translation>
    </message>
    <message>
        <source>Summary sentences in article order, or best first</source>
        <translation>Sätze der Zusammenfassung in der Reihenfolge des Artikels oder die besten zuerst</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Methode</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Le&amp;ngth</source>
        <translation>&amp;Länge</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Reihenfolge</translation>
    </message>
    <message>
        <source>Auto ({language})</source>
        <translation>Automatisch ({language})</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>The summary; activate a sentence to show it in the article</source>
        <translation>Die Zusammenfassung; einen Satz aktivieren, um ihn im Artikel zu zeigen</translation>
    </message>
    <message>
        <source>The summary appears here.</source>
        <translation>Hier erscheint die Zusammenfassung.</translation>
    </message>
    <message>
        <source>Summarising…</source>
        <translation>Wird zusammengefasst …</translation>
    </message>
    <message>
        <source>Leans on the sentence before it, which is not in the summary: add it</source>
        <translation>Verweist auf den Satz davor, der nicht in der Zusammenfassung steht: ihn hinzufügen</translation>
    </message>
</context>
</TS>
