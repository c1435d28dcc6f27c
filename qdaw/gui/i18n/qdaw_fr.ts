<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../dialogs.py" line="257" />
        <source>&lt;h3&gt;qdaw {version}&lt;/h3&gt;&lt;p&gt;A free, scriptable workbench for qualitative interview analysis: import transcripts, code passages, count respondents (“5/8”), cross codes with respondents' variables and report by hypothesis.&lt;/p&gt;&lt;p&gt;Every change is saved as you make it and can be undone.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;qdaw {version}&lt;/h3&gt;&lt;p&gt;Un atelier libre et scriptable d'analyse qualitative d'entretiens : importer des transcriptions, coder des passages, compter les répondants (« 5/8 »), croiser les codes avec les variables des répondants et rendre compte par hypothèse.&lt;/p&gt;&lt;p&gt;Chaque modification est enregistrée aussitôt et peut être annulée.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="264" />
        <source>About qdaw</source>
        <translation>À propos de qdaw</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <location filename="../agreement_tab.py" line="41" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="41" />
        <source>Does each coder apply the code there</source>
        <translation>Chaque codeur applique-t-il le code ici</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="42" />
        <source>Respondent</source>
        <translation>Répondant</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="42" />
        <source>The same, per respondent</source>
        <translation>De même, par répondant</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="43" />
        <source>Character</source>
        <translation>Caractère</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="43" />
        <source>Every character, coded or not by each</source>
        <translation>Chaque caractère, codé ou non par chacun</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="44" />
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="44" />
        <source>Agreed when the segments overlap enough</source>
        <translation>Accord quand les segments se recouvrent assez</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="53" />
        <source>Segments: the share of their union two must overlap</source>
        <translation>Segments : la part de leur union que deux segments doivent recouvrir</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="57" />
        <source>Coders:</source>
        <translation>Codeurs :</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="57" />
        <source>Unit:</source>
        <translation>Unité :</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="58" />
        <source>Overlap:</source>
        <translation>Recouvrement :</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="77" />
        <source>Disagreements (double-click to compare):</source>
        <translation>Désaccords (double-clic pour comparer) :</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="100" />
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="101" />
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="102" />
        <source>Only first</source>
        <translation>Seulement le premier</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="103" />
        <source>Only second</source>
        <translation>Seulement le second</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="104" />
        <source>Neither</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="105" />
        <source>% agreement</source>
        <translation>% d'accord</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="106" />
        <source>Cohen's κ</source>
        <translation>κ de Cohen</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="107" />
        <source>Brennan–Prediger κ</source>
        <translation>κ de Brennan–Prediger</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="108" />
        <source>Krippendorff's α</source>
        <translation>α de Krippendorff</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="109" />
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="110" />
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="111" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="134" />
        <source>all coders</source>
        <translation>tous les codeurs</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="146" />
        <source>Choose two different coders</source>
        <translation>Choisissez deux codeurs différents</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="148" />
        <source>Agreement compares two coders or more</source>
        <translation>L'accord compare deux codeurs ou plus</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="154" />
        <source>Documents coded by all, compared: {n}</source>
        <translation>Documents codés par tous, comparés : {n}</translation>
    </message>
    <message>
        <location filename="../agreement_tab.py" line="156" />
        <source> (left out, coded by only some: {k})</source>
        <translation> (écartés, codés par certains seulement : {k})</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="64" />
        <source>Categories: their own segments only</source>
        <extracomment>What the analysis tables are computed from.</extracomment>
        <translation>Catégories : leurs propres segments seulement</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="67" />
        <source>Unticked, a category (Σ) counts the respondents with any code below it; ticked, only the passages coded with the category itself.</source>
        <translation>Décoché, une catégorie (Σ) compte les répondants ayant un code sous elle ; coché, seulement les passages codés avec la catégorie elle-même.</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="71" />
        <source>Presence (0/1)</source>
        <translation>Présence (0/1)</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="75" />
        <source>k/n</source>
        <translation>k/n</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="76" />
        <source>Respondents</source>
        <translation>Répondants</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="77" />
        <source>% of group</source>
        <translation>% du groupe</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="78" />
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="95" />
        <location filename="../analysis_panel.py" line="104" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="106" />
        <source>Variable:</source>
        <translation>Variable :</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="111" />
        <source>Segments of the codes selected in the codebook (double-click to read)</source>
        <translation>Segments des codes sélectionnés dans le livre de codes (double-clic pour lire)</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="115" />
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="125" />
        <source>Frequencies</source>
        <translation>Fréquences</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="126" />
        <source>Codes × respondents</source>
        <translation>Codes × répondants</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="127" />
        <source>Crosstab</source>
        <translation>Tableau croisé</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="128" />
        <source>Retrieval</source>
        <translation>Extraction</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="129" />
        <source>Hypotheses</source>
        <translation>Hypothèses</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="130" />
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="131" />
        <source>Words</source>
        <translation>Mots</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="132" />
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="138" />
        <source>frequencies</source>
        <translation>frequences</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="139" />
        <source>codes-by-respondent</source>
        <translation>codes-par-repondant</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="140" />
        <source>crosstab</source>
        <translation>tableau-croise</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="141" />
        <source>segments</source>
        <translation>segments</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="142" />
        <source>hypotheses</source>
        <translation>hypotheses</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="217" />
        <source>Add respondent variables to cross codes with them</source>
        <translation>Ajoutez des variables de répondants pour croiser les codes avec elles</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="255" />
        <source>Hypotheses report</source>
        <translation>Rapport par hypothèse</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="274" />
        <source>Writing the report…</source>
        <translation>Écriture du rapport…</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="274" />
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../analysis_panel.py" line="281" />
        <source>Report written: {path}</source>
        <translation>Rapport écrit : {path}</translation>
    </message>
</context>
<context>
    <name>AnalysisTab</name>
    <message>
        <location filename="../analysis_tab.py" line="68" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="85" />
        <source>Code</source>
        <extracomment>For a large project: what to compute, as a function of a project opened on a worker thread (built on the GUI thread, from the tab's controls).</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="86" />
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="87" />
        <source>Hypotheses</source>
        <translation>Hypothèses</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="88" />
        <source>Hypothesis</source>
        <translation>Hypothèse</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="89" />
        <source>Statement</source>
        <translation>Énoncé</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="90" />
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="91" />
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="92" />
        <source>Respondents</source>
        <translation>Répondants</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="93" />
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="94" />
        <source>% respondents</source>
        <translation>% de répondants</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="95" />
        <source>k/N</source>
        <translation>k/N</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="96" />
        <source>Respondent</source>
        <translation>Répondant</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="97" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="98" />
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="99" />
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="100" />
        <source>Memo</source>
        <translation>Mémo</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="126" />
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="157" />
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <location filename="../analysis_tab.py" line="168" />
        <source>Table written: {path}</source>
        <translation>Tableau enregistré : {path}</translation>
    </message>
</context>
<context>
    <name>AutocodeDialog</name>
    <message>
        <location filename="../autocode_dialog.py" line="36" />
        <source>Autocode “{query}”</source>
        <translation>Codage automatique de « {query} »</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="45" />
        <source>The match only</source>
        <translation>Le mot trouvé seulement</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="46" />
        <source>Its sentence</source>
        <translation>Sa phrase</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="47" />
        <source>Its paragraph</source>
        <translation>Son paragraphe</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="50" />
        <source>Only what respondents said</source>
        <translation>Seulement les propos des répondants</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="60" />
        <source>Code these passages</source>
        <translation>Coder ces passages</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="64" />
        <source>Code (a new name creates it):</source>
        <translation>Code (un nouveau nom le crée) :</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="65" />
        <source>Passage to code:</source>
        <translation>Passage à coder :</translation>
    </message>
    <message>
        <location filename="../autocode_dialog.py" line="97" />
        <source>{n} passages in {d} documents will be coded.</source>
        <translation>{n} passages dans {d} documents seront codés.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../backup_actions.py" line="47" />
        <source>Backing up…</source>
        <extracomment>"0" turns the backup on opening off (the test suite opens thousands of projects).</extracomment>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="58" />
        <source>Backup written and checked: {path}</source>
        <translation>Sauvegarde écrite et vérifiée : {path}</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="65" />
        <location filename="../backup_actions.py" line="76" />
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="65" />
        <source>qdaw projects (*.qdaw)</source>
        <translation>Projets qdaw (*.qdaw)</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="77" />
        <source>Put {backup} in the place of this project?</source>
        <translation>Mettre {backup} à la place de ce projet ?</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="82" />
        <source>The project as it is now is kept beside it (…before-restore.qdaw).</source>
        <translation>Le projet tel qu'il est maintenant est gardé à côté (…before-restore.qdaw).</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="94" />
        <source>A server project is restored with qdaw copy</source>
        <translation>Un projet sur serveur se restaure avec qdaw copy</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="105" />
        <source>Restored; the earlier project is {path}</source>
        <translation>Restauré ; le projet précédent est {path}</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../models/cases.py" line="117" />
        <source>Respondents and documents</source>
        <extracomment>Documents dragged from the tree (onto a document set): their ids.</extracomment>
        <translation>Répondants et documents</translation>
    </message>
    <message>
        <location filename="../models/cases.py" line="128" />
        <source>{name}: {n} characters</source>
        <translation>{name} : {n} caractères</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../side_panels.py" line="97" />
        <source>Rename document…</source>
        <translation>Renommer le document…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="100" />
        <source>Move to respondent</source>
        <translation>Déplacer vers le répondant</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="107" />
        <location filename="../side_panels.py" line="117" />
        <source>Memo…</source>
        <translation>Mémo…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="110" />
        <source>Delete document…</source>
        <translation>Supprimer le document…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="115" />
        <source>Rename respondent…</source>
        <translation>Renommer le répondant…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="120" />
        <source>Delete respondent…</source>
        <translation>Supprimer le répondant…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="126" />
        <source>Rename document</source>
        <translation>Renommer le document</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="126" />
        <location filename="../side_panels.py" line="133" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="133" />
        <source>Rename respondent</source>
        <translation>Renommer le répondant</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="142" />
        <source>Document memo</source>
        <translation>Mémo du document</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="142" />
        <location filename="../side_panels.py" line="150" />
        <source>Memo:</source>
        <translation>Mémo :</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="150" />
        <source>Respondent memo</source>
        <translation>Mémo du répondant</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="158" />
        <source>Delete the document “{name}” and its {n} coded segments?</source>
        <translation>Supprimer le document « {name} » et ses {n} segments codés ?</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="161" />
        <source>Delete document</source>
        <translation>Supprimer le document</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="167" />
        <source>Delete the respondent “{name}” with {n} documents and their coding?</source>
        <translation>Supprimer le répondant « {name} », ses {n} documents et leur codage ?</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="169" />
        <source>Delete respondent</source>
        <translation>Supprimer le répondant</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <location filename="../charts_tab.py" line="47" />
        <location filename="../charts_tab.py" line="281" />
        <source>chart</source>
        <extracomment>The passage columns the retrieval list reads (as the Retrieval tab's).</extracomment>
        <translation>graphique</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="51" />
        <source>Codes by a variable</source>
        <translation>Codes selon une variable</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="52" />
        <source>Co-occurrence heatmap</source>
        <translation>Carte de chaleur des cooccurrences</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="53" />
        <source>Co-occurrence map</source>
        <translation>Carte des cooccurrences</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="54" />
        <source>Code matrix browser</source>
        <translation>Matrice des codes</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="57" />
        <source>Grouped</source>
        <translation>Groupées</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="57" />
        <source>Stacked</source>
        <translation>Empilées</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="58" />
        <source>% of respondents</source>
        <translation>% de répondants</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="59" />
        <source>Respondents (k)</source>
        <translation>Répondants (k)</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="60" />
        <source>Same respondent</source>
        <translation>Même répondant</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="61" />
        <source>Overlapping passages</source>
        <translation>Passages qui se chevauchent</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="62" />
        <source>Count</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="62" />
        <source>Jaccard</source>
        <translation>Jaccard</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="64" />
        <source>The weakest link the map draws</source>
        <translation>Le lien le plus faible que la carte trace</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="65" />
        <source>Threshold:</source>
        <translation>Seuil :</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="66" />
        <source>Variable:</source>
        <translation>Variable :</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="67" />
        <source>Chart:</source>
        <translation>Graphique :</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="76" />
        <source>segments</source>
        <translation>segments</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="81" />
        <location filename="../charts_tab.py" line="218" />
        <source>Click a square to read its passages</source>
        <translation>Cliquez sur un carré pour lire ses passages</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="151" />
        <source>(each respondent)</source>
        <translation>(chaque répondant)</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="176" />
        <source>en</source>
        <translation>fr</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="200" />
        <source>Add respondent variables to chart codes by them</source>
        <translation>Ajoutez des variables de répondants pour représenter les codes selon elles</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="279" />
        <source>code-matrix</source>
        <translation>matrice-des-codes</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="287" />
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../charts_tab.py" line="295" />
        <source>Chart written: {path}</source>
        <translation>Graphique écrit : {path}</translation>
    </message>
</context>
<context>
    <name>CodeMatrixModel</name>
    <message>
        <location filename="../code_matrix.py" line="91" />
        <source>{code} — {column}: {n} passage(s)</source>
        <extracomment>Rows handed to the view at a time: a codebook of thousands fills as it scrolls.</extracomment>
        <translation>{code} — {column} : {n} passage(s)</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <location filename="../models/codebook.py" line="198" />
        <location filename="../models/codebook.py" line="201" />
        <source>Code</source>
        <extracomment>Counted on a worker thread for a large project; "…" until then.</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../models/codebook.py" line="198" />
        <source>Seg.</source>
        <translation>Seg.</translation>
    </message>
    <message>
        <location filename="../models/codebook.py" line="198" />
        <source>k/N</source>
        <translation>k/N</translation>
    </message>
    <message>
        <location filename="../models/codebook.py" line="202" />
        <source>Coded segments (passages)</source>
        <translation>Segments codés (passages)</translation>
    </message>
    <message>
        <location filename="../models/codebook.py" line="203" />
        <source>Respondents who mentioned it, out of all respondents (k/N)</source>
        <translation>Répondants qui l'ont évoqué, sur l'ensemble des répondants (k/N)</translation>
    </message>
    <message>
        <location filename="../models/codebook.py" line="227" />
        <source>Category: {k} of {n} respondents have a code below it ({s} passages).
Coded with the category itself: {own_s} passages, {own_k}/{n} respondents.</source>
        <translation>Catégorie : {k} répondants sur {n} ont un code sous elle ({s} passages).
Codés avec la catégorie elle-même : {own_s} passages, {own_k}/{n} répondants.</translation>
    </message>
    <message>
        <location filename="../models/codebook.py" line="237" />
        <source>Memo: </source>
        <translation>Mémo : </translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../codebook_panel.py" line="78" />
        <location filename="../codebook_panel.py" line="168" />
        <source>New code</source>
        <extracomment>Disabled, saying why, while the project is read-only.</extracomment>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="79" />
        <source>New sub-code</source>
        <translation>Nouveau sous-code</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="80" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="168" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="191" />
        <source>Code colour</source>
        <translation>Couleur du code</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="200" />
        <source>Describe {name}</source>
        <translation>Décrire {name}</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="201" />
        <source>Definition:</source>
        <translation>Définition :</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="212" />
        <source>Memo on {name}</source>
        <translation>Mémo sur {name}</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="212" />
        <source>Memo:</source>
        <translation>Mémo :</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="224" />
        <source>Merge {name}</source>
        <translation>Fusionner {name}</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="225" />
        <source>Merge into:</source>
        <translation>Fusionner dans :</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="254" />
        <source>Delete the code “{name}”?</source>
        <translation>Supprimer le code « {name} » ?</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="257" />
        <source>{n} sub-codes will be deleted too.</source>
        <translation>{n} sous-codes seront aussi supprimés.</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="258" />
        <source>{n} coded segments will be removed.</source>
        <translation>{n} segments codés seront retirés.</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="259" />
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Vous pourrez l'annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="262" />
        <source>Delete code</source>
        <translation>Supprimer le code</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="290" />
        <source>New code…</source>
        <translation>Nouveau code…</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="294" />
        <source>New sub-code…</source>
        <translation>Nouveau sous-code…</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="296" />
        <source>Apply to selection</source>
        <translation>Appliquer à la sélection</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="297" />
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="298" />
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="299" />
        <source>Describe…</source>
        <translation>Décrire…</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="300" />
        <source>Memo…</source>
        <translation>Mémo…</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="301" />
        <source>Merge into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="304" />
        <source>Distinctive words…</source>
        <translation>Mots caractéristiques…</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="310" />
        <source>Hypotheses</source>
        <translation>Hypothèses</translation>
    </message>
    <message>
        <location filename="../codebook_panel.py" line="322" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
</context>
<context>
    <name>CoderControls</name>
    <message>
        <location filename="../coder_menu.py" line="23" />
        <source>New segments are this coder's (File ▸ Coder…)</source>
        <translation>Les nouveaux segments sont à ce codeur (Fichier ▸ Codeur…)</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="35" />
        <source>Coder: {name}</source>
        <translation>Codeur : {name}</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="47" />
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="49" />
        <source>Who is coding? New segments and your undo steps carry this name.</source>
        <translation>Qui code ? Les nouveaux segments et vos étapes d'annulation portent ce nom.</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="65" />
        <source>Coding as {name}</source>
        <translation>Codage en tant que {name}</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="69" />
        <source>&amp;Coders in the margin</source>
        <translation>&amp;Codeurs dans la marge</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="71" />
        <source>Stripes by &amp;code</source>
        <translation>Barres par &amp;code</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="72" />
        <source>Stripes by c&amp;oder</source>
        <translation>Barres par c&amp;odeur</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="73" />
        <source>Coders &amp;side by side</source>
        <translation>Codeurs &amp;côte à côte</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="82" />
        <source>&amp;Only one coder</source>
        <translation>&amp;Un seul codeur</translation>
    </message>
    <message>
        <location filename="../coder_menu.py" line="98" />
        <source>(no coder yet)</source>
        <translation>(aucun codeur pour l'instant)</translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <location filename="../coding.py" line="99" />
        <source>Open a document first</source>
        <translation>Ouvrez d'abord un document</translation>
    </message>
    <message>
        <location filename="../coding.py" line="104" />
        <source>Drag a rectangle over the image first</source>
        <translation>Tracez d'abord un rectangle sur l'image</translation>
    </message>
    <message>
        <location filename="../coding.py" line="108" />
        <source>Select a passage first</source>
        <translation>Sélectionnez d'abord un passage</translation>
    </message>
    <message>
        <location filename="../coding.py" line="126" />
        <location filename="../coding.py" line="176" />
        <source>Coded as {name}</source>
        <translation>Codé comme {name}</translation>
    </message>
    <message>
        <location filename="../coding.py" line="176" />
        <source>New code {name} applied</source>
        <translation>Nouveau code {name} appliqué</translation>
    </message>
    <message>
        <location filename="../coding.py" line="204" />
        <source>Code selection…</source>
        <translation>Coder la sélection…</translation>
    </message>
    <message>
        <location filename="../coding.py" line="205" />
        <source>Code in vivo</source>
        <translation>Codage in vivo</translation>
    </message>
    <message>
        <location filename="../coding.py" line="206" />
        <source>Suggest codes for this passage…</source>
        <translation>Suggérer des codes pour ce passage…</translation>
    </message>
    <message>
        <location filename="../coding.py" line="209" />
        <source>Extend to whole sentences</source>
        <translation>Étendre aux phrases entières</translation>
    </message>
    <message>
        <location filename="../coding.py" line="216" />
        <source>Remove coding</source>
        <translation>Retirer le codage</translation>
    </message>
    <message>
        <location filename="../coding.py" line="217" />
        <source>Change code…</source>
        <translation>Changer de code…</translation>
    </message>
    <message>
        <location filename="../coding.py" line="218" />
        <source>Edit memo…</source>
        <translation>Modifier le mémo…</translation>
    </message>
    <message>
        <location filename="../coding.py" line="220" />
        <source>Resize to selection</source>
        <translation>Ajuster à la sélection</translation>
    </message>
    <message>
        <location filename="../coding.py" line="227" />
        <source>Extend to paragraph</source>
        <translation>Étendre au paragraphe</translation>
    </message>
    <message>
        <location filename="../coding.py" line="234" />
        <source>Code this sentence…</source>
        <translation>Coder cette phrase…</translation>
    </message>
    <message>
        <location filename="../coding.py" line="235" />
        <source>Code this paragraph…</source>
        <translation>Coder ce paragraphe…</translation>
    </message>
    <message>
        <location filename="../coding.py" line="256" />
        <source>Looking for similar codes…</source>
        <translation>Recherche de codes semblables…</translation>
    </message>
    <message>
        <location filename="../coding.py" line="269" />
        <source>No code resembles this passage yet</source>
        <translation>Aucun code ne ressemble encore à ce passage</translation>
    </message>
    <message>
        <location filename="../coding.py" line="271" />
        <source>Similar codes — choose one to apply it</source>
        <translation>Codes semblables — choisissez-en un pour l'appliquer</translation>
    </message>
    <message>
        <location filename="../coding.py" line="309" />
        <source>Sentences found from punctuation: Code ▸ Index text gives better ones</source>
        <translation>Phrases trouvées d'après la ponctuation : Codage ▸ Indexer le texte en donne de meilleures</translation>
    </message>
    <message>
        <location filename="../coding.py" line="311" />
        <source>Paragraphs found from line breaks</source>
        <translation>Paragraphes trouvés d'après les retours à la ligne</translation>
    </message>
    <message>
        <location filename="../coding.py" line="350" />
        <source>Change the code</source>
        <translation>Changer le code</translation>
    </message>
    <message>
        <location filename="../coding.py" line="364" />
        <source>Segment memo</source>
        <translation>Mémo du segment</translation>
    </message>
    <message>
        <location filename="../coding.py" line="364" />
        <source>Memo:</source>
        <translation>Mémo :</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../document_view.py" line="389" />
        <source>Only {coder}'s coding</source>
        <translation>Seulement le codage de {coder}</translation>
    </message>
    <message>
        <location filename="../document_view.py" line="394" />
        <source>Coders side by side, left to right: {coders}</source>
        <translation>Codeurs côte à côte, de gauche à droite : {coders}</translation>
    </message>
    <message>
        <location filename="../document_view.py" line="396" />
        <source>Stripes by coder: {coders}</source>
        <translation>Barres par codeur : {coders}</translation>
    </message>
</context>
<context>
    <name>EmptyProjectPage</name>
    <message>
        <location filename="../dialogs.py" line="224" />
        <source>No transcripts yet</source>
        <translation>Pas encore de transcription</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="228" />
        <source>Import interviews (.docx, .odt, .rtf, .pdf, .html, .txt, .md, .vtt, .srt, pictures), one or more files per respondent, or drop files and folders on this window; or bring a project from NVivo, ATLAS.ti or MAXQDA with File ▸ Import REFI-QDA project…. Then select a passage and press Ctrl+K to code it.</source>
        <translation>Importez les entretiens (.docx, .odt, .rtf, .pdf, .html, .txt, .md, .vtt, .srt, images), un ou plusieurs fichiers par répondant, ou déposez fichiers et dossiers sur cette fenêtre ; ou apportez un projet de NVivo, ATLAS.ti ou MAXQDA par Fichier ▸ Importer un projet REFI-QDA…. Sélectionnez ensuite un passage et appuyez sur Ctrl+K pour le coder.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="237" />
        <source>Import transcripts…</source>
        <translation>Importer des transcriptions…</translation>
    </message>
</context>
<context>
    <name>EntitiesModel</name>
    <message>
        <location filename="../names_dialog.py" line="76" />
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="76" />
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="77" />
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="77" />
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="80" />
        <source>to review</source>
        <translation>à examiner</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="80" />
        <source>anonymised</source>
        <translation>anonymisé</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="81" />
        <source>left as is</source>
        <translation>laissé tel quel</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="92" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="92" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="92" />
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="92" />
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="93" />
        <source>Pseudonym</source>
        <translation>Pseudonyme</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../find_bar.py" line="22" />
        <source>Find in document</source>
        <translation>Rechercher dans le document</translation>
    </message>
    <message>
        <location filename="../find_bar.py" line="24" />
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <location filename="../find_bar.py" line="25" />
        <source>Match accents</source>
        <translation>Respecter les accents</translation>
    </message>
    <message>
        <location filename="../find_bar.py" line="29" />
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <location filename="../find_bar.py" line="32" />
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <location filename="../find_bar.py" line="73" />
        <source>{n} matches</source>
        <translation>{n} occurrences</translation>
    </message>
    <message>
        <location filename="../find_bar.py" line="80" />
        <source>{i} of {n}</source>
        <translation>{i} sur {n}</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <location filename="../models/tables.py" line="267" />
        <source>Category: counts every code below it</source>
        <translation>Catégorie : compte chaque code sous elle</translation>
    </message>
</context>
<context>
    <name>HypothesesModel</name>
    <message>
        <location filename="../models/tables.py" line="111" />
        <location filename="../models/tables.py" line="118" />
        <source>Label</source>
        <extracomment>What the hypotheses table shows: links, labels, code names and k/N.</extracomment>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../models/tables.py" line="112" />
        <location filename="../models/tables.py" line="119" />
        <source>Statement</source>
        <translation>Énoncé</translation>
    </message>
    <message>
        <location filename="../models/tables.py" line="113" />
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location filename="../models/tables.py" line="114" />
        <source>k/N</source>
        <translation>k/N</translation>
    </message>
    <message>
        <location filename="../models/tables.py" line="120" />
        <source>Codes linked to the hypothesis</source>
        <translation>Codes liés à l'hypothèse</translation>
    </message>
    <message>
        <location filename="../models/tables.py" line="121" />
        <source>Respondents with any of its codes, out of all respondents</source>
        <translation>Répondants ayant l'un de ses codes, sur l'ensemble des répondants</translation>
    </message>
</context>
<context>
    <name>HypothesesPanel</name>
    <message>
        <location filename="../side_panels.py" line="213" />
        <source>Drop a code here to link it to a hypothesis</source>
        <translation>Déposez un code ici pour le lier à une hypothèse</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="219" />
        <source>New hypothesis</source>
        <translation>Nouvelle hypothèse</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="261" />
        <source>Memo on {label}</source>
        <extracomment>Disabled, saying why, while the project is read-only.</extracomment>
        <translation>Mémo sur {label}</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="262" />
        <source>Memo:</source>
        <translation>Mémo :</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="270" />
        <source>Delete the hypothesis {label}? Its codes stay in the codebook.</source>
        <translation>Supprimer l'hypothèse {label} ? Ses codes restent dans le livre de codes.</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="273" />
        <source>Delete hypothesis</source>
        <translation>Supprimer l'hypothèse</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="279" />
        <source>New hypothesis…</source>
        <translation>Nouvelle hypothèse…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="281" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="282" />
        <source>Memo…</source>
        <translation>Mémo…</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="284" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
</context>
<context>
    <name>HypothesisDialog</name>
    <message>
        <location filename="../side_panels.py" line="178" />
        <source>Hypothesis</source>
        <translation>Hypothèse</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="183" />
        <source>Label:</source>
        <translation>Libellé :</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="184" />
        <source>Statement:</source>
        <translation>Énoncé :</translation>
    </message>
    <message>
        <location filename="../side_panels.py" line="185" />
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../import_dialog.py" line="44" />
        <source>Import transcripts</source>
        <translation>Importer des transcriptions</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="51" />
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="52" />
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="53" />
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="57" />
        <source>One respondent per file name</source>
        <translation>Un répondant par nom de fichier</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="58" />
        <source>All files belong to:</source>
        <translation>Tous les fichiers appartiennent à :</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="59" />
        <source>From the file name with a pattern:</source>
        <translation>D'après le nom du fichier, avec un motif :</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="77" />
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="78" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="98" />
        <source>Files (.txt, .md, .docx, .odt, .rtf) and folders:</source>
        <translation>Fichiers (.txt, .md, .docx, .odt, .rtf) et dossiers :</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="101" />
        <source>Respondents (cases):</source>
        <translation>Répondants (cas) :</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="119" />
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="121" />
        <source>Transcripts ({patterns})</source>
        <translation>Transcriptions ({patterns})</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="126" />
        <source>Add folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="153" />
        <source>Pattern: {error}</source>
        <translation>Motif : {error}</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="162" />
        <source>Add files or a folder first.</source>
        <translation>Ajoutez d'abord des fichiers ou un dossier.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="192" />
        <source>Import cancelled: nothing was added.</source>
        <translation>Import annulé : rien n'a été ajouté.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="202" />
        <source>{n} documents imported.</source>
        <translation>{n} documents importés.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="206" />
        <source>{n} files could not be imported:</source>
        <translation>{n} fichiers n'ont pas pu être importés :</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="209" />
        <source>{n} files skipped:</source>
        <translation>{n} fichiers ignorés :</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="224" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="237" />
        <source>Already imported</source>
        <translation>Déjà importés</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="238" />
        <source>{n} of these files are already in the project (same text):</source>
        <translation>{n} de ces fichiers sont déjà dans le projet (même texte) :</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="245" />
        <source>Skip them</source>
        <translation>Les ignorer</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="246" />
        <source>Import them again</source>
        <translation>Les importer à nouveau</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="64" />
        <source>qdaw projects (*.qdaw)</source>
        <translation>Projets qdaw (*.qdaw)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="96" />
        <source>Respondents</source>
        <translation>Répondants</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99" />
        <source>Codebook</source>
        <translation>Livre de codes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="103" />
        <source>Hypotheses</source>
        <translation>Hypothèses</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="108" />
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="112" />
        <source>Search the project</source>
        <translation>Rechercher dans le projet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>Open &amp;server project…</source>
        <translation>Ouvrir un projet sur un &amp;serveur…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174" />
        <source>Open &amp;recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="176" />
        <source>Open the &amp;sample project</source>
        <translation>Ouvrir le projet d'&amp;exemple</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179" />
        <source>&amp;Import transcripts…</source>
        <translation>&amp;Importer des transcriptions…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>Import REFI-QDA pro&amp;ject…</source>
        <translation>Importer un pro&amp;jet REFI-QDA…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185" />
        <source>Respondent &amp;variables…</source>
        <translation>&amp;Variables des répondants…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>Export &amp;workbook (XLSX)…</source>
        <translation>Exporter le &amp;classeur (XLSX)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>Export REFI-QDA &amp;project (.qdpx)…</source>
        <translation>Exporter le &amp;projet REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>Hypotheses &amp;report…</source>
        <translation>&amp;Rapport par hypothèse…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>&amp;Names and anonymisation…</source>
        <translation>&amp;Noms et anonymisation…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193" />
        <source>C&amp;oder…</source>
        <translation>C&amp;odeur…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197" />
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198" />
        <source>Restore a bac&amp;kup…</source>
        <translation>Restaurer une sau&amp;vegarde…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208" />
        <source>&amp;Close project</source>
        <translation>&amp;Fermer le projet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212" />
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <location filename="../main_window.py" line="509" />
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216" />
        <location filename="../main_window.py" line="512" />
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222" />
        <source>&amp;Find in document</source>
        <translation>&amp;Rechercher dans le document</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226" />
        <source>Find in &amp;project</source>
        <translation>Rechercher dans le &amp;projet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228" />
        <source>&amp;Code</source>
        <translation>&amp;Codage</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230" />
        <source>&amp;Quick code…</source>
        <translation>Codage &amp;rapide…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231" />
        <source>Code in &amp;vivo</source>
        <translation>Codage in &amp;vivo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233" />
        <source>Apply the selected &amp;code</source>
        <translation>Appliquer le &amp;code sélectionné</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235" />
        <source>&amp;New code…</source>
        <translation>&amp;Nouveau code…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236" />
        <source>New &amp;hypothesis…</source>
        <translation>Nouvelle &amp;hypothèse…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238" />
        <source>Index &amp;text (sentences, speakers, lemmas)</source>
        <translation>&amp;Indexer le texte (phrases, locuteurs, lemmes)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="240" />
        <source>Apply a &amp;rule file…</source>
        <translation>Appliquer un fichier de &amp;règles…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241" />
        <source>S&amp;ets…</source>
        <translation>&amp;Ensembles…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="248" />
        <source>Extend selection to whole &amp;sentences</source>
        <translation>Étendre la sélection aux &amp;phrases entières</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="254" />
        <source>Extend selection to whole &amp;paragraphs</source>
        <translation>Étendre la sélection aux &amp;paragraphes entiers</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="261" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="266" />
        <source>&amp;Memos…</source>
        <translation>&amp;Mémos…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="268" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269" />
        <source>&amp;About qdaw</source>
        <translation>À &amp;propos de qdaw</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336" />
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="391" />
        <source>Check the address, and that the server knows your user and password.</source>
        <translation>Vérifiez l'adresse, et que le serveur connaît votre utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="393" />
        <source>Choose a qdaw project file (.qdaw), or create a new project.</source>
        <translation>Choisissez un fichier de projet qdaw (.qdaw), ou créez un nouveau projet.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400" />
        <source>Project upgraded; the previous version was kept as {path}</source>
        <translation>Projet mis à jour ; la version précédente est conservée dans {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408" />
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="413" />
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="435" />
        <source>The sample study's sources are not installed.</source>
        <translation>Les sources de l'étude d'exemple ne sont pas installées.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="457" />
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="480" />
        <source>Select a code in the codebook first</source>
        <translation>Sélectionnez d'abord un code dans le livre de codes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="486" />
        <source>{coder}: {label}</source>
        <translation>{coder} : {label}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="487" />
        <source>Another writer</source>
        <translation>Un autre utilisateur</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="494" />
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="494" />
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="494" />
        <source>Redone</source>
        <translation>Rétabli</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="498" />
        <source>{verb}: {label} — all changes saved ({time})</source>
        <translation>{verb} : {label} — toutes les modifications sont enregistrées ({time})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="509" />
        <source>Undo {label}</source>
        <translation>Annuler : {label}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="512" />
        <source>Redo {label}</source>
        <translation>Rétablir : {label}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="554" />
        <source>Indexing the text…</source>
        <translation>Indexation du texte…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="559" />
        <source>Indexing {name}…</source>
        <translation>Indexation de {name}…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="565" />
        <source>{n} documents indexed</source>
        <translation>{n} documents indexés</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="586" />
        <source>{n} documents imported</source>
        <translation>{n} documents importés</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="616" />
        <source>Export workbook</source>
        <translation>Exporter le classeur</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="628" />
        <source>Workbook written: {path}</source>
        <translation>Classeur écrit : {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="636" />
        <source>Export REFI-QDA project</source>
        <translation>Exporter le projet REFI-QDA</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="648" />
        <source>REFI-QDA project written: {path}</source>
        <translation>Projet REFI-QDA écrit : {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="654" />
        <source>qdaw</source>
        <translation>qdaw</translation>
    </message>
</context>
<context>
    <name>MemoActions</name>
    <message>
        <location filename="../memo_actions.py" line="98" />
        <source>Export memos</source>
        <translation>Exporter les mémos</translation>
    </message>
    <message>
        <location filename="../memo_actions.py" line="99" />
        <source>{name} memos</source>
        <translation>{name} mémos</translation>
    </message>
    <message>
        <location filename="../memo_actions.py" line="106" />
        <source>en</source>
        <translation>fr</translation>
    </message>
    <message>
        <location filename="../memo_actions.py" line="120" />
        <source>Writing the memos…</source>
        <translation>Écriture des mémos…</translation>
    </message>
    <message>
        <location filename="../memo_actions.py" line="123" />
        <source>Memos written: {path}</source>
        <translation>Mémos écrits : {path}</translation>
    </message>
</context>
<context>
    <name>MemoManager</name>
    <message>
        <location filename="../memo_manager.py" line="58" />
        <source>Memos</source>
        <translation>Mémos</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="67" />
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="74" />
        <source>Search the memos…</source>
        <translation>Rechercher dans les mémos…</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="92" />
        <source>Choose a memo above to read and edit it</source>
        <translation>Choisissez un mémo ci-dessus pour le lire et le modifier</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="98" />
        <source>Keep my version</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="99" />
        <source>Take theirs</source>
        <translation>Prendre la leur</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="100" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="100" />
        <source>Save the memo (Ctrl+S)</source>
        <translation>Enregistrer le mémo (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="102" />
        <source>Go to</source>
        <translation>Aller à</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="102" />
        <source>Show what the memo belongs to (double-click)</source>
        <translation>Montrer ce que le mémo annote (double-clic)</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="105" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="105" />
        <source>Write the memos listed to Word, Markdown or CSV</source>
        <translation>Écrire les mémos listés en Word, Markdown ou CSV</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="208" />
        <source>“{text}”</source>
        <translation>« {text} »</translation>
    </message>
    <message>
        <location filename="../memo_manager.py" line="273" />
        <source>Another writer changed this memo meanwhile; it now reads: “{text}”. Your text is kept here, not saved.</source>
        <translation>Une autre personne a modifié ce mémo entre-temps ; il dit maintenant : « {text} ». Votre texte est gardé ici, sans être enregistré.</translation>
    </message>
</context>
<context>
    <name>MemoModel</name>
    <message>
        <location filename="../models/memos.py" line="29" />
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="30" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="31" />
        <source>Respondent</source>
        <translation>Répondant</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="32" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="33" />
        <source>Hypothesis</source>
        <translation>Hypothèse</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="34" />
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="123" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="123" />
        <source>Belongs to</source>
        <translation>Rattaché à</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="123" />
        <source>Memo</source>
        <translation>Mémo</translation>
    </message>
    <message>
        <location filename="../models/memos.py" line="138" />
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>MemoSettle</name>
    <message>
        <location filename="../memo_settle.py" line="24" />
        <source>Memos</source>
        <translation>Mémos</translation>
    </message>
    <message>
        <location filename="../memo_settle.py" line="26" />
        <source>Your memo could not be saved: {reason}</source>
        <translation>Votre mémo n'a pas pu être enregistré : {reason}</translation>
    </message>
    <message>
        <location filename="../memo_settle.py" line="30" />
        <source>Your text: “{text}”</source>
        <translation>Votre texte : « {text} »</translation>
    </message>
    <message>
        <location filename="../memo_settle.py" line="34" />
        <source>Save mine over theirs</source>
        <translation>Enregistrer le mien à la place du leur</translation>
    </message>
    <message>
        <location filename="../memo_settle.py" line="37" />
        <source>Copy my text and discard</source>
        <translation>Copier mon texte et l'abandonner</translation>
    </message>
</context>
<context>
    <name>NamesDialog</name>
    <message>
        <location filename="../names_dialog.py" line="150" />
        <source>Names and anonymisation</source>
        <translation>Noms et anonymisation</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="170" />
        <source>Names found in the transcripts. Accept those to hide: exports then show the pseudonym instead (the same one for every form of a name). The project's texts are never changed.</source>
        <translation>Noms trouvés dans les transcriptions. Acceptez ceux à masquer : les exports montrent alors le pseudonyme à leur place (le même pour toutes les formes d'un nom). Les textes du projet ne sont jamais modifiés.</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="175" />
        <source>Anonymise every export (tables, workbook, report)</source>
        <translation>Anonymiser tous les exports (tableaux, classeur, rapport)</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="178" />
        <source>Detect names</source>
        <translation>Détecter les noms</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="179" />
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="180" />
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="181" />
        <source>Add a name…</source>
        <translation>Ajouter un nom…</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="182" />
        <source>Export anonymised documents…</source>
        <translation>Exporter les documents anonymisés…</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="226" />
        <location filename="../names_dialog.py" line="232" />
        <source>Add a name</source>
        <translation>Ajouter un nom</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="226" />
        <source>Name, as written in the transcripts:</source>
        <translation>Nom, tel qu'écrit dans les transcriptions :</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="232" />
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="275" />
        <source>Looking for names…</source>
        <translation>Recherche des noms…</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="275" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="296" />
        <source>{n} new names to review</source>
        <translation>{n} nouveaux noms à examiner</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="310" />
        <source>Export anonymised documents</source>
        <translation>Exporter les documents anonymisés</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="318" />
        <source>{n} anonymised documents written to {folder}</source>
        <translation>{n} documents anonymisés écrits dans {folder}</translation>
    </message>
    <message>
        <location filename="../names_dialog.py" line="322" />
        <source>({n} files of the same name replaced)</source>
        <translation>({n} fichiers du même nom remplacés)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../operation_labels.py" line="13" />
        <source>Code segment</source>
        <extracomment>One translatable template per kind, with the arguments' names (a test checks that every kind of the core has one).</extracomment>
        <translation>Coder un segment</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="14" />
        <source>Code image region</source>
        <translation>Coder une région d'image</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="15" />
        <source>Code as {name}</source>
        <translation>Coder comme {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="16" />
        <source>Code in vivo {name}</source>
        <translation>Codage in vivo {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="17" />
        <source>Remove coding</source>
        <translation>Retirer le codage</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="18" />
        <source>Resize segment</source>
        <translation>Ajuster le segment</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="19" />
        <source>Change code to {name}</source>
        <translation>Changer le code en {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="20" />
        <source>Edit project memo</source>
        <translation>Modifier le mémo du projet</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="21" />
        <source>Edit memo</source>
        <translation>Modifier le mémo</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="22" />
        <source>Add respondent {name}</source>
        <translation>Ajouter le répondant {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="23" />
        <source>Rename respondent to {name}</source>
        <translation>Renommer le répondant en {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="24" />
        <source>Delete respondent {name}</source>
        <translation>Supprimer le répondant {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="25" />
        <source>Add document {name}</source>
        <translation>Ajouter le document {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="26" />
        <location filename="../operation_labels.py" line="58" />
        <source>Import {name}</source>
        <translation>Importer {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="27" />
        <source>Import {count} files</source>
        <translation>Importer {count} fichiers</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="28" />
        <source>Rename document to {name}</source>
        <translation>Renommer le document en {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="29" />
        <source>Move document to another respondent</source>
        <translation>Déplacer le document vers un autre répondant</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="30" />
        <source>Delete document {name}</source>
        <translation>Supprimer le document {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="31" />
        <location filename="../operation_labels.py" line="35" />
        <source>Set {name}</source>
        <translation>Définir {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="32" />
        <source>Import variables from {name}</source>
        <translation>Importer les variables de {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="33" />
        <source>Add variable {name}</source>
        <translation>Ajouter la variable {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="34" />
        <source>Delete variable {name}</source>
        <translation>Supprimer la variable {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="36" />
        <source>Set the levels of {name}</source>
        <translation>Définir les modalités de {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="37" />
        <source>Change the type of {name} to {type}</source>
        <translation>Changer le type de {name} en {type}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="38" />
        <source>Add set {name}</source>
        <translation>Ajouter l’ensemble {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="39" />
        <source>Add to set {name}</source>
        <translation>Ajouter à l’ensemble {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="40" />
        <source>Remove from set {name}</source>
        <translation>Retirer de l’ensemble {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="41" />
        <source>Delete set {name}</source>
        <translation>Supprimer l’ensemble {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="42" />
        <source>Set language {language}</source>
        <translation>Choisir la langue {language}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="43" />
        <source>Set speaker pattern</source>
        <translation>Changer le motif des locuteurs</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="44" />
        <source>Set default coder {name}</source>
        <translation>Choisir le codeur par défaut {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="45" />
        <source>Set the project's title to {name}</source>
        <translation>Intituler le projet {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="46" />
        <source>Edit the stop words ({language})</source>
        <translation>Modifier les mots vides ({language})</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="47" />
        <source>Index text</source>
        <translation>Indexation du texte</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="48" />
        <source>Add code {name}</source>
        <translation>Ajouter le code {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="49" />
        <source>Rename code to {name}</source>
        <translation>Renommer le code en {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="50" />
        <source>Recolour {name}</source>
        <translation>Changer la couleur de {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="51" />
        <source>Describe {name}</source>
        <translation>Décrire {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="52" />
        <source>Move code</source>
        <translation>Déplacer le code</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="53" />
        <source>Move codes</source>
        <translation>Déplacer les codes</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="54" />
        <source>Delete code {name}</source>
        <translation>Supprimer le code {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="55" />
        <source>Merge {name} into {target}</source>
        <translation>Fusionner {name} dans {target}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="56" />
        <source>Import codebook {name}</source>
        <translation>Importer le livre de codes {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="57" />
        <source>Merge project {name}</source>
        <translation>Fusionner le projet {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="59" />
        <source>Add hypothesis {label}</source>
        <translation>Ajouter l'hypothèse {label}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="60" />
        <source>Edit hypothesis {label}</source>
        <translation>Modifier l'hypothèse {label}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="61" />
        <source>Delete hypothesis {label}</source>
        <translation>Supprimer l'hypothèse {label}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="62" />
        <source>Link {name} to {label}</source>
        <translation>Lier {name} à {label}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="63" />
        <source>Link {count} codes to {label}</source>
        <translation>Lier {count} codes à {label}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="64" />
        <source>Unlink {name} from {label}</source>
        <translation>Délier {name} de {label}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="65" />
        <source>Autocode {name}</source>
        <translation>Codage automatique {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="66" />
        <source>Apply rules {name}</source>
        <translation>Appliquer les règles {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="67" />
        <source>Detect names</source>
        <translation>Détecter les noms</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="68" />
        <source>Accept name {name}</source>
        <translation>Accepter le nom {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="69" />
        <source>Reject name {name}</source>
        <translation>Rejeter le nom {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="70" />
        <source>Add name {name}</source>
        <translation>Ajouter le nom {name}</translation>
    </message>
    <message>
        <location filename="../operation_labels.py" line="71" />
        <source>Set pseudonym of {name}</source>
        <translation>Changer le pseudonyme de {name}</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <location filename="../project_files.py" line="38" />
        <source>{name} on {server}, coder {coder}</source>
        <extracomment>"Read-only" in the status bar while the open project cannot be changed.</extracomment>
        <translation>{name} sur {server}, codeur {coder}</translation>
    </message>
    <message>
        <location filename="../project_files.py" line="42" />
        <source>{name} — Read-only — qdaw</source>
        <translation>{name} — Lecture seule — qdaw</translation>
    </message>
    <message>
        <location filename="../project_files.py" line="52" />
        <location filename="../read_only.py" line="21" />
        <source>{name} is read-only: {reason}</source>
        <translation>{name} est en lecture seule : {reason}</translation>
    </message>
    <message>
        <location filename="../project_files.py" line="55" />
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <location filename="../project_files.py" line="70" />
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <location filename="../project_files.py" line="84" />
        <source>Copy saved: {path}</source>
        <translation>Copie enregistrée : {path}</translation>
    </message>
</context>
<context>
    <name>QuickCodeBox</name>
    <message>
        <location filename="../coding.py" line="41" />
        <source>Code the selection</source>
        <translation>Coder la sélection</translation>
    </message>
    <message>
        <location filename="../coding.py" line="43" />
        <source>Code name (a new name creates the code)</source>
        <translation>Nom du code (un nouveau nom crée le code)</translation>
    </message>
    <message>
        <location filename="../coding.py" line="49" />
        <source>Enter applies; “Category/Name” creates the code under a category.</source>
        <translation>Entrée applique ; « Catégorie/Nom » crée le code dans une catégorie.</translation>
    </message>
</context>
<context>
    <name>RefiImportAction</name>
    <message>
        <location filename="../refi_import.py" line="30" />
        <source>Import a REFI-QDA project</source>
        <translation>Importer un projet REFI-QDA</translation>
    </message>
    <message>
        <location filename="../refi_import.py" line="32" />
        <source>REFI-QDA projects and codebooks (*.qdpx *.qde *.qdc)</source>
        <translation>Projets et livres de codes REFI-QDA (*.qdpx *.qde *.qdc)</translation>
    </message>
    <message>
        <location filename="../refi_import.py" line="51" />
        <source>Importing {path}…</source>
        <translation>Import de {path}…</translation>
    </message>
    <message>
        <location filename="../refi_import.py" line="58" />
        <source>{documents} documents, {codes} codes and {segments} coded passages added</source>
        <translation>{documents} documents, {codes} codes et {segments} passages codés ajoutés</translation>
    </message>
    <message>
        <location filename="../refi_import.py" line="67" />
        <source>REFI-QDA import</source>
        <translation>Import REFI-QDA</translation>
    </message>
    <message>
        <location filename="../refi_import.py" line="68" />
        <source>Imported {name}: {summary}.</source>
        <translation>{name} importé : {summary}.</translation>
    </message>
</context>
<context>
    <name>RetrievalTab</name>
    <message>
        <location filename="../retrieval_tab.py" line="50" />
        <source>p. {page}</source>
        <translation>p. {page}</translation>
    </message>
</context>
<context>
    <name>RuleFileAction</name>
    <message>
        <location filename="../rules_action.py" line="32" />
        <location filename="../rules_action.py" line="63" />
        <source>Apply a rule file</source>
        <translation>Appliquer un fichier de règles</translation>
    </message>
    <message>
        <location filename="../rules_action.py" line="32" />
        <source>Rule files (*.json)</source>
        <translation>Fichiers de règles (*.json)</translation>
    </message>
    <message>
        <location filename="../rules_action.py" line="47" />
        <source>Matching the rules…</source>
        <translation>Application des règles…</translation>
    </message>
    <message>
        <location filename="../rules_action.py" line="52" />
        <source>{code}: {n} passages in {d} documents</source>
        <translation>{code} : {n} passages dans {d} documents</translation>
    </message>
    <message>
        <location filename="../rules_action.py" line="64" />
        <source>Code these passages?</source>
        <translation>Coder ces passages ?</translation>
    </message>
    <message>
        <location filename="../rules_action.py" line="78" />
        <source>{n} passages coded by the rules</source>
        <translation>{n} passages codés par les règles</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <location filename="../save_dialog.py" line="14" />
        <source>Excel workbook</source>
        <extracomment>Every kind of file qdaw writes: extension → label (translated when shown).</extracomment>
        <translation>Classeur Excel</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="15" />
        <source>CSV table</source>
        <translation>Tableau CSV</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="16" />
        <source>Word document</source>
        <translation>Document Word</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="17" />
        <source>Web page</source>
        <translation>Page web</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="18" />
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="19" />
        <source>qdaw project</source>
        <translation>Projet qdaw</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="20" />
        <source>SVG picture</source>
        <translation>Image SVG</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="21" />
        <source>PNG picture</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../save_dialog.py" line="22" />
        <source>REFI-QDA project</source>
        <translation>Projet REFI-QDA</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../search_panel.py" line="71" />
        <source>Search all documents</source>
        <translation>Rechercher dans tous les documents</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="73" />
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="74" />
        <source>Match accents</source>
        <translation>Respecter les accents</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="75" />
        <source>Whole words</source>
        <translation>Mots entiers</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="78" />
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="79" />
        <source>Words (index)</source>
        <translation>Mots (index)</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="80" />
        <source>Lemma: every form</source>
        <translation>Lemme : toutes les formes</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="81" />
        <source>Phrase</source>
        <translation>Expression</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="82" />
        <source>Regular expression</source>
        <translation>Expression régulière</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="86" />
        <source>Autocode…</source>
        <translation>Codage automatique…</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="144" />
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../search_panel.py" line="156" />
        <source>{n} matches in {d} documents</source>
        <translation>{n} occurrences dans {d} documents</translation>
    </message>
</context>
<context>
    <name>SelectionBox</name>
    <message>
        <location filename="../words_selection.py" line="27" />
        <source>Whole project</source>
        <translation>Tout le projet</translation>
    </message>
    <message>
        <location filename="../words_selection.py" line="28" />
        <source>Codes selected in the codebook</source>
        <translation>Codes sélectionnés dans la grille</translation>
    </message>
    <message>
        <location filename="../words_selection.py" line="29" />
        <source>Respondent</source>
        <translation>Répondant</translation>
    </message>
    <message>
        <location filename="../words_selection.py" line="30" />
        <source>Variable value</source>
        <translation>Valeur d'une variable</translation>
    </message>
    <message>
        <location filename="../words_selection.py" line="31" />
        <source>Speaker</source>
        <translation>Locuteur</translation>
    </message>
    <message>
        <location filename="../words_selection.py" line="69" />
        <source>Respondents' turns</source>
        <translation>Tours de parole des répondants</translation>
    </message>
    <message>
        <location filename="../words_selection.py" line="70" />
        <source>Interviewers' turns</source>
        <translation>Tours de parole des enquêteurs</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../server_dialog.py" line="27" />
        <source>Open server project</source>
        <translation>Ouvrir un projet sur un serveur</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="36" />
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="37" />
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="40" />
        <source>Leave the password empty to use ~/.pgpass or PGPASSWORD. A password typed here is used for this connection only; qdaw never saves it.</source>
        <translation>Laissez le mot de passe vide pour utiliser ~/.pgpass ou PGPASSWORD. Un mot de passe saisi ici ne sert qu'à cette connexion ; qdaw ne l'enregistre jamais.</translation>
    </message>
</context>
<context>
    <name>SetsDialog</name>
    <message>
        <location filename="../sets_dialog.py" line="76" />
        <location filename="../sets_dialog.py" line="153" />
        <source>Sets</source>
        <translation>Ensembles</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="83" />
        <source>New document set…</source>
        <translation>Nouvel ensemble de documents…</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="84" />
        <source>New code set…</source>
        <translation>Nouvel ensemble de codes…</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="85" />
        <source>Delete set</source>
        <translation>Supprimer l’ensemble</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="86" />
        <source>Remove from set</source>
        <translation>Retirer de l’ensemble</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="87" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="105" />
        <source>Drag documents from the respondents or codes from the codebook onto a set. Filter any analysis by a set.</source>
        <translation>Glissez des documents depuis les répondants ou des codes depuis le livre de codes sur un ensemble. Filtrez toute analyse par un ensemble.</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="125" />
        <source>{name} · documents: {n}</source>
        <translation>{name} · documents : {n}</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="127" />
        <source>{name} · codes: {n}</source>
        <translation>{name} · codes : {n}</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="162" />
        <source>New set</source>
        <translation>Nouvel ensemble</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="162" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="175" />
        <source>{name} holds documents: drop documents on it</source>
        <translation>{name} contient des documents : déposez-y des documents</translation>
    </message>
    <message>
        <location filename="../sets_dialog.py" line="177" />
        <source>{name} holds codes: drop codes on it</source>
        <translation>{name} contient des codes : déposez-y des codes</translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <location filename="../status_progress.py" line="21" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>StopWordsDialog</name>
    <message>
        <location filename="../stop_words_dialog.py" line="24" />
        <source>Stop words</source>
        <translation>Mots vides</translation>
    </message>
    <message>
        <location filename="../stop_words_dialog.py" line="27" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../stop_words_dialog.py" line="28" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../stop_words_dialog.py" line="32" />
        <source>One word a line. Words on the list are left out of the word counts.</source>
        <translation>Un mot par ligne. Les mots de la liste sont exclus des comptages.</translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <location filename="../dialogs.py" line="53" />
        <source>Import CSV…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="54" />
        <source>Add variable…</source>
        <translation>Ajouter une variable…</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="56" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="43" />
        <location filename="../dialogs.py" line="94" />
        <source>Variables</source>
        <extracomment>The types offered, as the core names them (the dialog shows them translated).</extracomment>
        <translation>Variables</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="51" />
        <source>Respondents</source>
        <translation>Répondants</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="52" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="55" />
        <source>Change type…</source>
        <translation>Changer le type…</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="68" />
        <source>One row per respondent or document; double-click a cell to edit it.</source>
        <translation>Une ligne par répondant ou document ; double-cliquez sur une cellule pour la modifier.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="89" />
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="90" />
        <source>yes/no</source>
        <translation>oui/non</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="90" />
        <source>categories (ordered)</source>
        <translation>modalités (ordonnées)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="110" />
        <source>Import variables</source>
        <translation>Importer des variables</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="110" />
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="124" />
        <source>Categories, in their order, separated by ;</source>
        <translation>Modalités, dans leur ordre, séparées par ;</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="133" />
        <location filename="../dialogs.py" line="136" />
        <source>Add variable</source>
        <translation>Ajouter une variable</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="133" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="151" />
        <source>Choose a cell of the variable to change first.</source>
        <translation>Choisissez d'abord une cellule de la variable à changer.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="154" />
        <source>Change the type of {name}</source>
        <translation>Changer le type de {name}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="89" />
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="89" />
        <source>integer</source>
        <translation>entier</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="89" />
        <source>decimal number</source>
        <translation>nombre décimal</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="117" />
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../dialogs.py" line="173" />
        <source>Qualitative interview analysis: read, code, count respondents.</source>
        <translation>Analyse qualitative d'entretiens : lire, coder, compter les répondants.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="176" />
        <source>New project…</source>
        <translation>Nouveau projet…</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="177" />
        <source>Open project…</source>
        <translation>Ouvrir un projet…</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="178" />
        <source>Open the sample project</source>
        <translation>Ouvrir le projet d'exemple</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="200" />
        <source>Recent projects:</source>
        <translation>Projets récents :</translation>
    </message>
</context>
<context>
    <name>WordsDialog</name>
    <message>
        <location filename="../words_dialog.py" line="36" />
        <source>Distinctive words of “{code}”</source>
        <translation>Mots caractéristiques de « {code} »</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="38" />
        <source>Comparing the code's passages with the rest…</source>
        <translation>Comparaison des passages du code avec le reste…</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="42" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="45" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="71" />
        <source>Word or phrase</source>
        <translation>Mot ou expression</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="71" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="72" />
        <source>In the code</source>
        <translation>Dans le code</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="72" />
        <source>Elsewhere</source>
        <translation>Ailleurs</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="73" />
        <source>‰ in the code</source>
        <translation>‰ dans le code</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="73" />
        <source>‰ elsewhere</source>
        <translation>‰ ailleurs</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="74" />
        <source>Log-likelihood (G²)</source>
        <translation>Log-vraisemblance (G²)</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="80" />
        <source>word</source>
        <translation>mot</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="80" />
        <source>phrase</source>
        <translation>expression</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="87" />
        <source>Words and noun phrases over-represented in this code's passages compared with the rest of the transcripts (log-likelihood); {n} found.</source>
        <translation>Mots et groupes nominaux sur-représentés dans les passages de ce code par rapport au reste des transcriptions (log-vraisemblance) ; {n} trouvés.</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="91" />
        <source>Nothing stands out yet: code more passages, or index the text.</source>
        <translation>Rien ne ressort encore : codez plus de passages, ou indexez le texte.</translation>
    </message>
    <message>
        <location filename="../words_dialog.py" line="104" />
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
</context>
<context>
    <name>WordsTab</name>
    <message>
        <location filename="../words_tab.py" line="62" />
        <source>Lemmas</source>
        <extracomment>What the counts are computed from.</extracomment>
        <translation>Lemmes</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="63" />
        <source>Word forms</source>
        <translation>Formes</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="65" />
        <source>Single words</source>
        <translation>Mots seuls</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="65" />
        <source>Bigrams</source>
        <translation>Bigrammes</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="66" />
        <source>Trigrams</source>
        <translation>Trigrammes</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="69" />
        <source>Leave out stop words</source>
        <translation>Exclure les mots vides</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="71" />
        <source>Edit stop words…</source>
        <translation>Modifier les mots vides…</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="72" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="73" />
        <source>Word cloud…</source>
        <translation>Nuage de mots…</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="79" />
        <source>Double-click a term to read it in context</source>
        <translation>Double-cliquez sur un terme pour le lire en contexte</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="181" />
        <source>Select codes in the codebook to count their words</source>
        <translation>Sélectionnez des codes dans la grille pour compter leurs mots</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="191" />
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="197" />
        <source>Term</source>
        <translation>Terme</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="197" />
        <source>Count</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="197" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="198" />
        <source>Respondents</source>
        <translation>Répondants</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="198" />
        <source>Share (%)</source>
        <translation>Part (%)</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="216" />
        <source>{n} terms, {total} occurrences</source>
        <translation>{n} termes, {total} occurrences</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="246" />
        <source>Looking for “{term}”…</source>
        <translation>Recherche de « {term} »…</translation>
    </message>
    <message>
        <location filename="../words_tab.py" line="252" />
        <source>“{term}” in context: {n} lines (double-click to read)</source>
        <translation>« {term} » en contexte : {n} lignes (double-cliquez pour lire)</translation>
    </message>
    <message>
        <location filename="../words_output.py" line="31" />
        <source>Export word frequencies</source>
        <translation>Exporter les fréquences de mots</translation>
    </message>
    <message>
        <location filename="../words_output.py" line="32" />
        <source>words</source>
        <translation>mots</translation>
    </message>
    <message>
        <location filename="../words_output.py" line="42" />
        <source>Table written: {path}</source>
        <translation>Tableau enregistré : {path}</translation>
    </message>
    <message>
        <location filename="../words_output.py" line="52" />
        <source>Word cloud</source>
        <translation>Nuage de mots</translation>
    </message>
    <message>
        <location filename="../words_output.py" line="53" />
        <source>word-cloud</source>
        <translation>nuage-de-mots</translation>
    </message>
    <message>
        <location filename="../words_output.py" line="66" />
        <source>Word cloud written: {path}</source>
        <translation>Nuage de mots écrit : {path}</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <location filename="../side_panels.py" line="48" />
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Vous pourrez l'annuler avec Ctrl+Z.</translation>
    </message>
</context>
</TS>