<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>BackgroundJob</name>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>BatchInsert</name>
    <message>
        <source>Writing %1</source>
        <translation>Écriture dans %1</translation>
    </message>
    <message>
        <source>Preparing to write %1</source>
        <translation>Préparation de l&apos;écriture dans %1</translation>
    </message>
</context>
<context>
    <name>Budget</name>
    <message>
        <source>Reading the campaign&apos;s budget</source>
        <translation>Lecture du budget de la campagne</translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s channels</source>
        <translation>Lecture des canaux de la campagne</translation>
    </message>
    <message>
        <source>Channels would take %1 of the campaign&apos;s %2 budget (%3 over): lower an amount or percentage, or raise the budget</source>
        <translation>Les canaux prendraient %1 du budget de %2 de la campagne (%3 de trop) : baissez un montant ou un pourcentage, ou augmentez le budget</translation>
    </message>
</context>
<context>
    <name>BulkLoad</name>
    <message>
        <source>Writing %1: %2</source>
        <translation>Écriture de %1 : %2</translation>
    </message>
    <message>
        <source>the connection is closed</source>
        <translation>la connexion est fermée</translation>
    </message>
</context>
<context>
    <name>BurnUpChart</name>
    <message>
        <source>No burn-up: the campaign needs a start and an end date</source>
        <translation>Pas de burn-up : la campagne a besoin d’une date de début et de fin</translation>
    </message>
    <message>
        <source>No burn-up: no work counted in Plane</source>
        <translation>Pas de burn-up : aucun travail compté dans Plane</translation>
    </message>
    <message>
        <source>Work done against time gone and budget spent</source>
        <translation>Travail terminé face au temps écoulé et au budget dépensé</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>Travail terminé</translation>
    </message>
    <message>
        <source>Time gone</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation>Budget dépensé</translation>
    </message>
</context>
<context>
    <name>BusinessHours</name>
    <message>
        <source>business hours are written as days, hours and an optional time zone, for example “Mon-Fri 09:00-17:00 Europe/Berlin”; not “%1”</source>
        <translation>les heures ouvrées s&apos;écrivent en jours, heures et un fuseau horaire facultatif, par exemple « Mon-Fri 09:00-17:00 Europe/Paris » ; pas « %1 »</translation>
    </message>
    <message>
        <source>“%1” are not days of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun; a range Mon-Fri or a list Mon,Wed)</source>
        <translation>« %1 » ne sont pas des jours de la semaine (Mon, Tue, Wed, Thu, Fri, Sat, Sun ; une plage Mon-Fri ou une liste Mon,Wed)</translation>
    </message>
    <message>
        <source>“%1” is not a working day&apos;s hours: a start and a later end, for example 09:00-17:00</source>
        <translation>« %1 » n&apos;est pas un horaire de travail : un début et une fin plus tardive, par exemple 09:00-17:00</translation>
    </message>
    <message>
        <source>“%1” is not a time zone this computer knows (for example Europe/Berlin or UTC)</source>
        <translation>« %1 » n&apos;est pas un fuseau horaire connu de cet ordinateur (par exemple Europe/Paris ou UTC)</translation>
    </message>
    <message>
        <source>calendar hours</source>
        <translation>heures calendaires</translation>
    </message>
    <message>
        <source>%1, %2–%3 (%4)</source>
        <translation>%1, %2–%3 (%4)</translation>
    </message>
</context>
<context>
    <name>CellText</name>
    <message>
        <source>%1 (not in Plane)</source>
        <translation>%1 (absent de Plane)</translation>
    </message>
</context>
<context>
    <name>ChartCommands</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation>Base de données : postgresql://…, sqlite:CHEMIN ou FICHIER.db.</translation>
    </message>
    <message>
        <source>DSN</source>
        <translation>DSN</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Le fichier à écrire.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>The campaign&apos;s id.</source>
        <translation>L&apos;identifiant de la campagne.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Width x height in pixels (default 900x600).</source>
        <translation>Largeur x hauteur en pixels (par défaut 900x600).</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>LxH</translation>
    </message>
    <message>
        <source>Only this client&apos;s campaigns.</source>
        <translation>Uniquement les campagnes de ce client.</translation>
    </message>
    <message>
        <source>Only campaigns in this status.</source>
        <translation>Uniquement les campagnes dans cet état.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1).</source>
        <translation>Messages sur stderr à partir de ce niveau (%1).</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>NIVEAU</translation>
    </message>
    <message>
        <source>chart %1 needs --campaign ID and --output FILE.png|FILE.svg</source>
        <translation>chart %1 a besoin de --campaign ID et --output FICHIER.png|FICHIER.svg</translation>
    </message>
    <message>
        <source>--output must end in .png or .svg</source>
        <translation>--output doit se terminer par .png ou .svg</translation>
    </message>
    <message>
        <source>--size must be WIDTHxHEIGHT in pixels, each from 100 to 8000 (for example 1200x800), not &apos;%1&apos;</source>
        <translation>--size doit être LARGEURxHAUTEUR en pixels, chacune de 100 à 8000 (par exemple 1200x800), pas « %1 »</translation>
    </message>
    <message>
        <source>%1; no file written</source>
        <translation>%1 ; aucun fichier écrit</translation>
    </message>
    <message>
        <source>--status must be one of %1</source>
        <translation>--status doit être l&apos;une de ces valeurs : %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>état %1</translation>
    </message>
    <message>
        <source>no campaigns for client %1 (check the id); no file written</source>
        <translation>aucune campagne pour le client %1 (vérifiez l&apos;identifiant) ; aucun fichier écrit</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>client %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Renders a campaign&apos;s budget split or KPI chart as PNG or SVG.</source>
        <translation>Dessine la répartition du budget ou le graphique des KPI d&apos;une campagne en PNG ou SVG.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <source>budget-split or kpi.</source>
        <translation>budget-split ou kpi.</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (voir --help)</translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation>--log-level doit être l&apos;une de ces valeurs : %1</translation>
    </message>
    <message>
        <source>chart needs budget-split or kpi (for example: agency-os chart kpi --campaign ID -o kpi.png)</source>
        <translation>chart a besoin de budget-split ou kpi (par exemple : agency-os chart kpi --campaign ID -o kpi.png)</translation>
    </message>
    <message>
        <source>YYYY-MM</source>
        <translation>AAAA-MM</translation>
    </message>
    <message>
        <source>--status goes with report finance, not report %1</source>
        <translation>--status va avec report finance, pas avec report %1</translation>
    </message>
    <message>
        <source>progress, sla, retainer, contracts, pacing: the month, as YYYY-MM (default: this month).</source>
        <translation>progress, sla, retainer, contracts, pacing : le mois, au format AAAA-MM (par défaut : ce mois-ci).</translation>
    </message>
    <message>
        <source>Writes the finance review: a PDF document (headline figures, charts, the campaigns needing attention, client totals) or its figures as CSV. progress, sla, retainer, contracts and pacing write the account desk&apos;s reports for a month (--month) as CSV or PDF (--format) to a file or - (--output).</source>
        <translation>Écrit la revue financière : un document PDF (chiffres clés, graphiques, campagnes à surveiller, totaux par client) ou ses chiffres en CSV. progress, sla, retainer, contracts et pacing écrivent les rapports du suivi client pour un mois (--month) en CSV ou PDF (--format) dans un fichier ou - (--output).</translation>
    </message>
    <message>
        <source>finance, progress, sla, retainer, contracts or pacing.</source>
        <translation>finance, progress, sla, retainer, contracts ou pacing.</translation>
    </message>
    <message>
        <source>--month goes with report progress, sla, retainer, contracts or pacing, not report finance</source>
        <translation>--month va avec report progress, sla, retainer, contracts ou pacing, pas avec report finance</translation>
    </message>
    <message>
        <source>report needs finance, progress, sla, retainer, contracts or pacing (for example: agency-os report finance -o review.pdf)</source>
        <translation>report attend finance, progress, sla, retainer, contracts ou pacing (par exemple : agency-os report finance -o revue.pdf)</translation>
    </message>
    <message>
        <source>sla: count response times in these working hours only, e.g. &quot;Mon-Fri 09:00-17:00 Europe/Berlin&quot; (default: calendar hours).</source>
        <translation>sla : ne compter les délais de réponse que dans ces heures ouvrées, p. ex. &quot;Mon-Fri 09:00-17:00 Europe/Paris&quot; (par défaut : heures calendaires).</translation>
    </message>
    <message>
        <source>HOURS</source>
        <translation>HEURES</translation>
    </message>
    <message>
        <source>--business-hours goes with report sla, not report %1</source>
        <translation>--business-hours va avec report sla, pas avec report %1</translation>
    </message>
    <message>
        <source>--business-hours goes with report sla</source>
        <translation>--business-hours va avec report sla</translation>
    </message>
    <message>
        <source>pdf (the review as a document), csv or xlsx (its figures: the total, each client, each campaign; report progress, sla, retainer, contracts, pacing: csv, xlsx or pdf); default: by the output&apos;s suffix.</source>
        <translation>pdf (la revue en document), csv ou xlsx (ses chiffres : le total, chaque client, chaque campagne ; report progress, sla, retainer, contracts, pacing : csv, xlsx ou pdf) ; par défaut : selon le suffixe de la sortie.</translation>
    </message>
    <message>
        <source>report finance needs --output FILE.pdf, FILE.csv or FILE.xlsx</source>
        <translation>report finance a besoin de --output FICHIER.pdf, FICHIER.csv ou FICHIER.xlsx</translation>
    </message>
    <message>
        <source>--format must be pdf, csv or xlsx, not &apos;%1&apos;</source>
        <translation>--format doit être pdf, csv ou xlsx, pas « %1 »</translation>
    </message>
    <message>
        <source>--output must end in .pdf, .csv or .xlsx, or --format pdf|csv|xlsx must say which: %1</source>
        <translation>--output doit finir par .pdf, .csv ou .xlsx, ou --format pdf|csv|xlsx doit le dire : %1</translation>
    </message>
</context>
<context>
    <name>ClientOverview</name>
    <message>
        <source>Reading the client</source>
        <translation>Lecture du client</translation>
    </message>
    <message>
        <source>no client has the id %1</source>
        <translation>aucun client n’a l’identifiant %1</translation>
    </message>
    <message>
        <source>This client is linked to no Plane workspace.</source>
        <translation>Ce client n’est lié à aucun espace de travail Plane.</translation>
    </message>
    <message>
        <source>Contract: %1</source>
        <translation>Contrat : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) later than the tier allows this month</source>
        <translation>
            <numerusform>%n réponse plus tardive que le niveau ne le permet ce mois-ci</numerusform>
            <numerusform>%n réponses plus tardives que le niveau ne le permet ce mois-ci</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open request(s) about to breach the response time</source>
        <translation>
            <numerusform>%n demande ouverte sur le point de dépasser le délai de réponse</numerusform>
            <numerusform>%n demandes ouvertes sur le point de dépasser le délai de réponse</numerusform>
        </translation>
    </message>
    <message>
        <source>Hours beyond the retainer this month: %1</source>
        <translation>Heures au-delà du forfait ce mois-ci : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: the spend runs ahead of the work</source>
        <translation>%1 : la dépense devance le travail</translation>
    </message>
    <message>
        <source>Client overview: %1</source>
        <translation>Vue d’ensemble du client : %1</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Response time (h)</source>
        <translation>Délai de réponse (h)</translation>
    </message>
    <message>
        <source>Hours included / month</source>
        <translation>Heures incluses / mois</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Taux horaire</translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation>Forfait mensuel</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Prestations</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Plane workspace</source>
        <translation>Espace de travail Plane</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>SLA tier</source>
        <translation>Niveau de SLA</translation>
    </message>
    <message>
        <source>Billing contact</source>
        <translation>Contact de facturation</translation>
    </message>
    <message>
        <source>Billing e-mail</source>
        <translation>E-mail de facturation</translation>
    </message>
    <message>
        <source>Billing phone</source>
        <translation>Téléphone de facturation</translation>
    </message>
    <message>
        <source>Billing address</source>
        <translation>Adresse de facturation</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>Début du contrat</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Fin du contrat</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Type de client</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Notes internes</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Plane project</source>
        <translation>Projet Plane</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Budget allocated</source>
        <translation>Budget alloué</translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation>Budget dépensé</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Target KPIs</source>
        <translation>KPI cibles</translation>
    </message>
    <message>
        <source>Actual KPIs</source>
        <translation>KPI réels</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Budget %</source>
        <translation>Budget %</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>Montant fixe</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>External account</source>
        <translation>Compte externe</translation>
    </message>
    <message>
        <source>External campaign</source>
        <translation>Campagne externe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Worked on</source>
        <translation>Travaillé le</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Plane issue</source>
        <translation>Tâche Plane</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>Importé de</translation>
    </message>
    <message>
        <source>Tracker&apos;s entry</source>
        <translation>Entrée du suivi</translation>
    </message>
</context>
<context>
    <name>ColumnValues</name>
    <message>
        <source>%1 is required</source>
        <translation>%1 est obligatoire</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid UUID (like 3f2b…-…, 36 lowercase characters)</source>
        <translation>%1 : « %2 » n&apos;est pas un UUID valide (comme 3f2b…-…, 36 caractères en minuscules)</translation>
    </message>
    <message>
        <source>%1: at most %2 characters (this has %3)</source>
        <translation>%1 : au plus %2 caractères (ici %3)</translation>
    </message>
    <message>
        <source>%1: enter a whole number</source>
        <translation>%1 : saisissez un nombre entier</translation>
    </message>
    <message>
        <source>%1 may not be negative</source>
        <translation>%1 ne peut pas être négatif</translation>
    </message>
    <message>
        <source>%1: not a valid date (YYYY-MM-DD)</source>
        <translation>%1 : date non valide (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>%1: not a valid date and time</source>
        <translation>%1 : date et heure non valides</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not one of %3</source>
        <translation>%1 : « %2 » ne fait pas partie de %3</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation>Base de données : postgresql://…, sqlite:CHEMIN ou FICHIER.db.</translation>
    </message>
    <message>
        <source>DSN</source>
        <translation>DSN</translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1). Default: only errors.</source>
        <translation>Messages sur stderr à partir de ce niveau (%1). Par défaut : uniquement les erreurs.</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>NIVEAU</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (voir --help)</translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation>--log-level doit être l&apos;une de ces valeurs : %1</translation>
    </message>
    <message>
        <source>Shows, applies or rolls back the Agency OS schema migrations.</source>
        <translation>Affiche, applique ou annule les migrations du schéma d&apos;Agency OS.</translation>
    </message>
    <message>
        <source>Target version (up: default latest; down: default one step back).</source>
        <translation>Version cible (up : par défaut la plus récente ; down : par défaut une étape en arrière).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <source>status, up or down.</source>
        <translation>status, up ou down.</translation>
    </message>
    <message>
        <source>migrate needs one action: status, up or down (for example: agency-os migrate up --db DSN)</source>
        <translation>migrate a besoin d&apos;une action : status, up ou down (par exemple : agency-os migrate up --db DSN)</translation>
    </message>
    <message>
        <source>--to must be a version number of 0 or more, not &apos;%1&apos;</source>
        <translation>--to doit être un numéro de version de 0 ou plus, pas « %1 »</translation>
    </message>
    <message>
        <source>--to goes with migrate up or migrate down, not status</source>
        <translation>--to va avec migrate up ou migrate down, pas avec status</translation>
    </message>
    <message>
        <source> (check the server address, that it is running, and the credentials)</source>
        <translation> (vérifiez l&apos;adresse du serveur, qu&apos;il fonctionne, et les identifiants)</translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation>base de données : %1</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>%1 appliquée</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source> — EDITED since it was applied (checksum differs)</source>
        <translation> — MODIFIÉE depuis son application (somme de contrôle différente)</translation>
    </message>
    <message>
        <source> — unknown to this app (newer schema)</source>
        <translation> — inconnue de cette application (schéma plus récent)</translation>
    </message>
    <message>
        <source>schema version %1; this app&apos;s latest is %2</source>
        <translation>version du schéma %1 ; la plus récente de cette application est %2</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 doit être un nombre entier de %2 à %3, pas « %4 »</translation>
    </message>
    <message>
        <source>Fills the database with a believable demo agency, in one transaction.</source>
        <translation>Remplit la base de données avec une agence de démonstration crédible, en une seule transaction.</translation>
    </message>
    <message>
        <source>Number of clients (default 24).</source>
        <translation>Nombre de clients (par défaut 24).</translation>
    </message>
    <message>
        <source>Campaigns per client (default 4).</source>
        <translation>Campagnes par client (par défaut 4).</translation>
    </message>
    <message>
        <source>Channels per campaign (default 3).</source>
        <translation>Canaux par campagne (par défaut 3).</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same data (default 42).</source>
        <translation>Graine aléatoire : la même graine donne les mêmes données (par défaut 42).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Only when the database has no clients yet (what scripts/run uses).</source>
        <translation>Uniquement si la base de données n&apos;a pas encore de clients (ce qu&apos;utilise scripts/run).</translation>
    </message>
    <message>
        <source>demo-data takes no further words; see agency-os demo-data --help</source>
        <translation>demo-data ne prend pas d&apos;autres mots ; voir agency-os demo-data --help</translation>
    </message>
    <message>
        <source>%1 already has data; nothing added</source>
        <translation>%1 contient déjà des données ; rien n&apos;a été ajouté</translation>
    </message>
    <message>
        <source>demo-data: %1 of %2 channels
</source>
        <translation>demo-data : %1 canaux sur %2
</translation>
    </message>
    <message>
        <source>demo data not written (nothing was changed): %1</source>
        <translation>données de démonstration non écrites (rien n&apos;a été modifié) : %1</translation>
    </message>
    <message>
        <source>added %1 tiers, %2 clients, %3 campaigns and %4 channels to %5 in %6 s</source>
        <translation>%1 niveaux, %2 clients, %3 campagnes et %4 canaux ajoutés à %5 en %6 s</translation>
    </message>
    <message>
        <source>Writes one table to CSV (RFC 4180, UTF-8, CRLF), with the lookups a spreadsheet reader needs. Deleted rows are left out unless asked for.</source>
        <translation>Écrit une table en CSV (RFC 4180, UTF-8, CRLF), avec les noms dont le lecteur d&apos;un tableur a besoin. Les lignes supprimées sont omises sauf demande.</translation>
    </message>
    <message>
        <source>Where to write: a file (written atomically) or - for standard output (default).</source>
        <translation>Où écrire : un fichier (écrit de façon atomique) ou - pour la sortie standard (par défaut).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Include soft-deleted rows.</source>
        <translation>Inclure les lignes supprimées.</translation>
    </message>
    <message>
        <source>comma (default), semicolon or tab.</source>
        <translation>comma (par défaut), semicolon ou tab.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte-order mark (for spreadsheet programs).</source>
        <translation>Commencer par une marque d&apos;ordre des octets UTF-8 (pour les tableurs).</translation>
    </message>
    <message>
        <source>Do not prefix &apos; to text starting with = + - @ tab or CR (only for trusted round trips).</source>
        <translation>Ne pas préfixer &apos; au texte commençant par = + - @ tabulation ou CR (uniquement pour des allers-retours de confiance).</translation>
    </message>
    <message>
        <source>--delimiter must be comma, semicolon or tab, not &apos;%1&apos;</source>
        <translation>--delimiter doit être comma, semicolon ou tab, pas « %1 »</translation>
    </message>
    <message>
        <source>--output needs a file name, or - for standard output</source>
        <translation>--output a besoin d&apos;un nom de fichier, ou - pour la sortie standard</translation>
    </message>
    <message>
        <source>export of %1 failed: standard output is closed (write to a file with -o FILE)</source>
        <translation>l&apos;export de %1 a échoué : la sortie standard est fermée (écrivez dans un fichier avec -o FICHIER)</translation>
    </message>
    <message>
        <source>export of %1 to standard output failed: %2</source>
        <translation>l&apos;export de %1 vers la sortie standard a échoué : %2</translation>
    </message>
    <message>
        <source>export of %1 failed, no file written: %2</source>
        <translation>l&apos;export de %1 a échoué, aucun fichier écrit : %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>line %1, %2</source>
        <translation>ligne %1, %2</translation>
    </message>
    <message>
        <source>Reads one table from CSV as the export writes it (what the window&apos;s Import does), all or nothing: a row whose id exists updates what changed, other rows are added. Any refused row is listed with its line and field, nothing is written, and the exit status is 1.</source>
        <translation>Lit une table depuis un CSV tel que l&apos;export l&apos;écrit (comme l&apos;import de la fenêtre), tout ou rien : une ligne dont l&apos;identifiant existe met à jour ce qui a changé, les autres lignes sont ajoutées. Toute ligne refusée est indiquée avec sa ligne et son champ, rien n&apos;est écrit, et le code de sortie est 1.</translation>
    </message>
    <message>
        <source>The CSV file to read, or - for standard input.</source>
        <translation>Le fichier CSV à lire, ou - pour l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>Check every row and say what would change; write nothing.</source>
        <translation>Vérifier chaque ligne et dire ce qui changerait ; ne rien écrire.</translation>
    </message>
    <message>
        <source>comma, semicolon or tab (default: guessed from the header line).</source>
        <translation>comma, semicolon ou tab (par défaut : déduit de la ligne d&apos;en-tête).</translation>
    </message>
    <message>
        <source>import needs --input FILE, or --input - for standard input</source>
        <translation>import a besoin de --input FICHIER, ou --input - pour l&apos;entrée standard</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>entrée standard</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>c&apos;est un dossier</translation>
    </message>
    <message>
        <source>columns not imported (not columns of %1): %2</source>
        <translation>colonnes non importées (pas des colonnes de %1) : %2</translation>
    </message>
    <message>
        <source>%1: %2 to add, %3 to update, %4 unchanged (dry run: nothing written)</source>
        <translation>%1 : %2 à ajouter, %3 à mettre à jour, %4 inchangées (essai : rien n&apos;a été écrit)</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 unchanged in %5</source>
        <translation>%1 : %2 ajoutées, %3 mises à jour, %4 inchangées dans %5</translation>
    </message>
    <message>
        <source>--db is empty: give the database (%1), or leave --db out for the embedded one</source>
        <translation>--db est vide : indiquez la base de données (%1), ou omettez --db pour la base intégrée</translation>
    </message>
    <message>
        <source>there is no database file at %1: check the path (agency-os migrate up --db sqlite:%1 makes a new one)</source>
        <translation>il n&apos;y a pas de fichier de base de données à %1 : vérifiez le chemin (agency-os migrate up --db sqlite:%1 en crée un nouveau)</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande inconnue « %1 »</translation>
    </message>
    <message>
        <source>export: %1 rows</source>
        <translation>export : %1 lignes</translation>
    </message>
    <message>
        <source>import: line %1</source>
        <translation>import : ligne %1</translation>
    </message>
    <message>
        <source>line %1: %2 %3: %4 -&gt; %5</source>
        <translation>ligne %1 : %2 %3 : %4 -&gt; %5</translation>
    </message>
    <message>
        <source>… and %1 more changed fields</source>
        <translation>… et %1 autres champs modifiés</translation>
    </message>
    <message>
        <source>history prune: %1 rows</source>
        <translation>history prune : %1 lignes</translation>
    </message>
    <message>
        <source>deleted %1 history rows from before %2
</source>
        <translation>%1 lignes d’historique antérieures au %2 supprimées
</translation>
    </message>
    <message>
        <source>Writes the change history of the agency tables for an audit: one row per changed column, oldest first, with changed_at, table, row_id, operation, column, old_value, new_value, db_role, app_user and source (app, cli-import or other). Changes made outside the app are there too.

  agency-os history prune --before DATE   deletes the history from before DATE.</source>
        <translation>Écrit l’historique des modifications des tables de l’agence pour un audit : une ligne par colonne modifiée, la plus ancienne d’abord, avec changed_at, table, row_id, operation, column, old_value, new_value, db_role, app_user et source (app, cli-import ou other). Les modifications faites hors de l’application y sont aussi.

  agency-os history prune --before DATE   supprime l’historique antérieur à DATE.</translation>
    </message>
    <message>
        <source>TABLE</source>
        <translation>TABLE</translation>
    </message>
    <message>
        <source>Only the row with this id.</source>
        <translation>Seulement la ligne de cet identifiant.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>From this day (YYYY-MM-DD, UTC) or instant (ISO 8601) on.</source>
        <translation>À partir de ce jour (AAAA-MM-JJ, UTC) ou de cet instant (ISO 8601).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Up to and including this day (YYYY-MM-DD, UTC), or before this instant.</source>
        <translation>Jusqu’à ce jour inclus (AAAA-MM-JJ, UTC), ou avant cet instant.</translation>
    </message>
    <message>
        <source>csv or json.</source>
        <translation>csv ou json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Where to write: a file (written atomically) or - for standard output.</source>
        <translation>Où écrire : un fichier (écrit de façon atomique) ou - pour la sortie standard.</translation>
    </message>
    <message>
        <source>With prune: delete what was changed before this day (YYYY-MM-DD, UTC) or instant (ISO 8601).</source>
        <translation>Avec prune : supprime ce qui a été modifié avant ce jour (AAAA-MM-JJ, UTC) ou cet instant (ISO 8601).</translation>
    </message>
    <message>
        <source>Delete the history from before --before.</source>
        <translation>Supprimer l’historique antérieur à --before.</translation>
    </message>
    <message>
        <source>history takes no &apos;%1&apos; (did you mean: agency-os history prune --before DATE?)</source>
        <translation>history ne prend pas « %1 » (vouliez-vous dire : agency-os history prune --before DATE ?)</translation>
    </message>
    <message>
        <source>history prune needs --before DATE (YYYY-MM-DD or an ISO 8601 instant)%1</source>
        <translation>history prune demande --before DATE (AAAA-MM-JJ ou un instant ISO 8601)%1</translation>
    </message>
    <message>
        <source>, not &apos;%1&apos;</source>
        <translation>, pas « %1 »</translation>
    </message>
    <message>
        <source>--before goes with prune: agency-os history prune --before DATE</source>
        <translation>--before va avec prune : agency-os history prune --before DATE</translation>
    </message>
    <message>
        <source>--id must be a row&apos;s id (a UUID), not &apos;%1&apos;</source>
        <translation>--id doit être l’identifiant d’une ligne (un UUID), pas « %1 »</translation>
    </message>
    <message>
        <source>--%1 must be a day (YYYY-MM-DD) or an ISO 8601 instant, not &apos;%2&apos;</source>
        <translation>--%1 doit être un jour (AAAA-MM-JJ) ou un instant ISO 8601, pas « %2 »</translation>
    </message>
    <message>
        <source>--format must be csv or json%1</source>
        <translation>--format doit être csv ou json%1</translation>
    </message>
    <message>
        <source>this database keeps no history this role may read (agency-os migrate up adds it; an administrator grants SELECT on agency_change_log)</source>
        <translation>cette base ne tient aucun historique que ce rôle peut lire (agency-os migrate up l’ajoute ; un administrateur accorde SELECT sur agency_change_log)</translation>
    </message>
    <message>
        <source>history to standard output failed: %1</source>
        <translation>l’historique vers la sortie standard a échoué : %1</translation>
    </message>
    <message>
        <source>standard output is closed</source>
        <translation>la sortie standard est fermée</translation>
    </message>
    <message>
        <source>history failed, no file written: %1</source>
        <translation>l’historique a échoué, aucun fichier écrit : %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <source>import of time entries refused: %1 problem(s), nothing written</source>
        <translation>import des saisies de temps refusé : %1 problème(s), rien n’a été écrit</translation>
    </message>
    <message>
        <source>time entries from %1: %2 to add, %3 imported before (dry run: nothing written)</source>
        <translation>saisies de temps de %1 : %2 à ajouter, %3 déjà importées (essai : rien n’a été écrit)</translation>
    </message>
    <message>
        <source>time entries from %1: %2 added, %3 imported before</source>
        <translation>saisies de temps de %1 : %2 ajoutées, %3 déjà importées</translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation>… et %1 autres problèmes</translation>
    </message>
    <message>
        <source>export of %1 left out %2: your database role may not read them</source>
        <translation>export de %1 sans %2 : votre rôle de base de données ne peut pas lire ces colonnes</translation>
    </message>
    <message>
        <source>sla-tiers, clients, campaigns or channels; or time-entries: a Harvest, Toggl Track or Clockify export of a detailed report, matched to clients by name, each entry once however often it is imported; or spend: an ad platform&apos;s report (Google Ads, Meta, Microsoft Advertising, or the generic layout) into the channels&apos; spend, matched by their external account and campaign ids.</source>
        <translation>sla-tiers, clients, campaigns ou channels ; ou time-entries : un rapport détaillé exporté de Harvest, Toggl Track ou Clockify, rapproché des clients par leur nom, chaque entrée une fois quel que soit le nombre d&apos;imports ; ou spend : le rapport d&apos;une plateforme publicitaire (Google Ads, Meta, Microsoft Advertising ou le format générique) vers les dépenses des canaux, rapproché par leurs identifiants de compte et de campagne externes.</translation>
    </message>
    <message>
        <source>import spend: the report&apos;s platform, auto (from its header), google-ads, meta, microsoft or generic.</source>
        <translation>import spend : la plateforme du rapport, auto (d&apos;après son en-tête), google-ads, meta, microsoft ou generic.</translation>
    </message>
    <message>
        <source>import spend: CUR=RATE, what 1 unit of the report&apos;s currency is in the campaign&apos;s (USD=0.92); once per currency.</source>
        <translation>import spend : DEV=TAUX, ce que vaut 1 unité de la devise du rapport dans celle de la campagne (USD=0.92) ; une fois par devise.</translation>
    </message>
    <message>
        <source>CUR=RATE</source>
        <translation>DEV=TAUX</translation>
    </message>
    <message>
        <source>--format and --rate are for import spend only</source>
        <translation>--format et --rate ne servent qu&apos;à import spend</translation>
    </message>
    <message>
        <source>--format must be auto, google-ads, meta, microsoft or generic, not &apos;%1&apos;</source>
        <translation>--format doit être auto, google-ads, meta, microsoft ou generic, et non « %1 »</translation>
    </message>
    <message>
        <source>import of spend refused: %1 problem(s), nothing written</source>
        <translation>import des dépenses refusé : %1 problème(s), rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>spend from %1: %2 lines, %3 matched, %4 unmatched; periods: %5 added, %6 changed, %7 unchanged; %8 channels changed%9</source>
        <translation>dépenses de %1 : %2 lignes, %3 rapprochées, %4 non rapprochées ; périodes : %5 ajoutées, %6 modifiées, %7 inchangées ; %8 canaux modifiés%9</translation>
    </message>
    <message>
        <source> (dry run: nothing written)</source>
        <translation> (essai : rien n&apos;a été écrit)</translation>
    </message>
    <message>
        <source>channel %1: spend %2 → %3; %4 → %5</source>
        <translation>canal %1 : dépenses %2 → %3 ; %4 → %5</translation>
    </message>
    <message>
        <source>unmatched: line %1 (%2): %3</source>
        <translation>non rapprochée : ligne %1 (%2) : %3</translation>
    </message>
    <message>
        <source>csv (default) or xlsx: a workbook of real number, date and boolean cells (an output ending in .xlsx chooses it too).</source>
        <translation>csv (par défaut) ou xlsx : un classeur de vraies cellules de nombres, de dates et de booléens (une sortie se terminant par .xlsx le choisit aussi).</translation>
    </message>
    <message>
        <source>--format must be csv or xlsx, not &apos;%1&apos;</source>
        <translation>--format doit être csv ou xlsx, et non « %1 »</translation>
    </message>
    <message>
        <source>%1 needs one table: sla-tiers, clients, campaigns, channels or time-entries (for example: agency-os %2)</source>
        <translation>%1 a besoin d&apos;une table : sla-tiers, clients, campaigns, channels ou time-entries (par exemple : agency-os %2)</translation>
    </message>
    <message>
        <source>sla-tiers, clients, campaigns, channels or time-entries.</source>
        <translation>sla-tiers, clients, campaigns, channels ou time-entries.</translation>
    </message>
    <message>
        <source>Only this table: sla-tiers, clients, campaigns, channels or time-entries.</source>
        <translation>Seulement cette table : sla-tiers, clients, campaigns, channels ou time-entries.</translation>
    </message>
    <message>
        <source>--table must be sla-tiers, clients, campaigns, channels or time-entries, not &apos;%1&apos;</source>
        <translation>--table doit être sla-tiers, clients, campaigns, channels ou time-entries, pas « %1 »</translation>
    </message>
    <message>
        <source>Amounts and percentages with a decimal comma (1234,56), as German and French spreadsheets read them; with --delimiter semicolon and --bom, a German Excel opens the file as it is.</source>
        <translation>Montants et pourcentages avec une virgule décimale (1234,56), comme les tableurs allemands et français les lisent ; avec --delimiter semicolon et --bom, un Excel français ouvre le fichier tel quel.</translation>
    </message>
    <message>
        <source>Amounts and percentages have a decimal comma (1.234,56); the default when the file is separated by semicolons.</source>
        <translation>Les montants et pourcentages ont une virgule décimale (1.234,56) ; par défaut quand le fichier est séparé par des points-virgules.</translation>
    </message>
    <message>
        <source>%1: %2; nothing written</source>
        <translation>%1 : %2 ; rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>unmatched: %1 more lines not shown</source>
        <translation>non rapprochées : %1 lignes de plus non affichées</translation>
    </message>
</context>
<context>
    <name>ConnectionString</name>
    <message>
        <source>the password has a broken %-escape (write %40 for @, %3A for :, %25 for %)</source>
        <translation>le mot de passe a un échappement % incorrect (écrivez %40 pour @, %3A pour :, %25 pour %)</translation>
    </message>
    <message>
        <source>the user name has a broken %-escape</source>
        <translation>le nom d&apos;utilisateur a un échappement % incorrect</translation>
    </message>
    <message>
        <source>an IPv6 host must be closed with &apos;]&apos; (for example [::1]:5432)</source>
        <translation>un hôte IPv6 doit être fermé par « ] » (par exemple [::1]:5432)</translation>
    </message>
    <message>
        <source>unexpected text after the IPv6 host; expected &apos;:port&apos;</source>
        <translation>texte inattendu après l&apos;hôte IPv6 ; attendu : « :port »</translation>
    </message>
    <message>
        <source>the port after &apos;:&apos; is empty</source>
        <translation>le port après « : » est vide</translation>
    </message>
    <message>
        <source>the IPv6 host between &apos;[&apos; and &apos;]&apos; is empty</source>
        <translation>l&apos;hôte IPv6 entre « [ » et « ] » est vide</translation>
    </message>
    <message>
        <source>the host has a broken %-escape</source>
        <translation>l&apos;hôte a un échappement % incorrect</translation>
    </message>
    <message>
        <source>the host name contains &apos;%1&apos;, which no host name may contain</source>
        <translation>le nom d&apos;hôte contient « %1 », qu&apos;aucun nom d&apos;hôte ne peut contenir</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>le port doit être un nombre de 1 à 65535</translation>
    </message>
    <message>
        <source>the database name has a broken %-escape</source>
        <translation>le nom de la base de données a un échappement % incorrect</translation>
    </message>
    <message>
        <source>the option &apos;%1&apos; has no value; write key=value</source>
        <translation>l&apos;option « %1 » n&apos;a pas de valeur ; écrivez clé=valeur</translation>
    </message>
    <message>
        <source>an option has a broken %-escape</source>
        <translation>une option a un échappement % incorrect</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection option name (lowercase letters and _)</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;option de connexion (lettres minuscules et _)</translation>
    </message>
    <message>
        <source>the value of option &apos;%1&apos; may not contain &apos;;&apos;</source>
        <translation>la valeur de l&apos;option « %1 » ne peut pas contenir « ; »</translation>
    </message>
    <message>
        <source>connect_timeout must be a whole number of seconds</source>
        <translation>connect_timeout doit être un nombre entier de secondes</translation>
    </message>
    <message>
        <source>the database location is empty; expected %1</source>
        <translation>l&apos;emplacement de la base de données est vide ; attendu : %1</translation>
    </message>
    <message>
        <source>sqlite: needs a file path after it, for example sqlite:/home/me/agency.db</source>
        <translation>sqlite: doit être suivi d&apos;un chemin de fichier, par exemple sqlite:/home/moi/agency.db</translation>
    </message>
    <message>
        <source>unknown kind of database location; expected %1</source>
        <translation>type d&apos;emplacement de base de données inconnu ; attendu : %1</translation>
    </message>
    <message>
        <source>postgresql://user[:password]@host[:port]/dbname[?sslmode=…], sqlite:PATH, or a file path ending in .db or .sqlite</source>
        <translation>postgresql://utilisateur[:motdepasse]@hôte[:port]/base[?sslmode=…], sqlite:CHEMIN, ou un chemin de fichier se terminant par .db ou .sqlite</translation>
    </message>
    <message>
        <source>a host of the list is empty (write host1,host2)</source>
        <translation>un hôte de la liste est vide (écrivez hote1,hote2)</translation>
    </message>
</context>
<context>
    <name>ConnectionWatch</name>
    <message>
        <source>the connection is closed</source>
        <translation>la connexion est fermée</translation>
    </message>
    <message>
        <source>the server does not answer</source>
        <translation>le serveur ne répond pas</translation>
    </message>
</context>
<context>
    <name>ContractReport</name>
    <message>
        <source>ends today</source>
        <translation>se termine aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>ends in %n day(s)</source>
        <translation>
            <numerusform>se termine dans %n jour</numerusform>
            <numerusform>se termine dans %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ended %n day(s) ago, still marked active</source>
        <translation>
            <numerusform>terminé il y a %n jour, encore marqué actif</numerusform>
            <numerusform>terminé il y a %n jours, encore marqué actif</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the clients&apos; contracts</source>
        <translation>Lecture des contrats des clients</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Ending within 90 days, or ended while marked active, as of %1</source>
        <translation>Se terminant dans les 90 jours, ou terminés mais marqués actifs, au %1</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Fin de contrat</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
</context>
<context>
    <name>CsvExportJob</name>
    <message>
        <source>Export options</source>
        <translation>Options d&apos;export</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Virgule</translation>
    </message>
    <message>
        <source>Semicolon (spreadsheets in many European locales)</source>
        <translation>Point-virgule (tableurs dans de nombreuses langues européennes)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>Byte-order mark (for spreadsheet programs)</source>
        <translation>Marque d&apos;ordre des octets (pour les tableurs)</translation>
    </message>
    <message>
        <source>Protect against formulas (prefix &apos; to text starting with = + - @)</source>
        <translation>Protéger contre les formules (préfixer &apos; au texte commençant par = + - @)</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Séparateur</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Export de %1…</translation>
    </message>
    <message>
        <source>Decimal comma in amounts and percentages (1234,56)</source>
        <translation>Virgule décimale dans les montants et pourcentages (1234,56)</translation>
    </message>
    <message>
        <source>As my spreadsheet expects</source>
        <translation>Comme mon tableur l&apos;attend</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>ligne %1 : un champ entre guillemets n&apos;est jamais fermé</translation>
    </message>
    <message>
        <source>line %1: text after a closing quote</source>
        <translation>ligne %1 : texte après un guillemet fermant</translation>
    </message>
    <message>
        <source>line %1, field %2: a NUL byte, which no text may hold</source>
        <translation>ligne %1, champ %2 : un octet NUL, qu&apos;aucun texte ne peut contenir</translation>
    </message>
    <message>
        <source>line %1, field %2: not UTF-8 text (save the file as UTF-8 and import it again)</source>
        <translation>ligne %1, champ %2 : texte non UTF-8 (enregistrez le fichier en UTF-8 et importez-le à nouveau)</translation>
    </message>
    <message>
        <source>line %1, field %2: a byte order mark in the middle of the file (two files joined into one?): remove it, or import the files one at a time</source>
        <translation>ligne %1, champ %2 : une marque d’ordre des octets (BOM) au milieu du fichier (deux fichiers réunis en un ?) : supprimez-la, ou importez les fichiers un par un</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>the Qt SQL driver %1 is not installed (Debian: libqt6sql6-%2)</source>
        <translation>le pilote SQL de Qt %1 n&apos;est pas installé (Debian : libqt6sql6-%2)</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the database file</source>
        <translation>impossible de créer le dossier %1 pour le fichier de base de données</translation>
    </message>
    <message>
        <source>Could not prepare %1</source>
        <translation>Impossible de préparer %1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>impossible d&apos;ouvrir %1 : %2</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Starting the demo data</source>
        <translation>Début des données de démonstration</translation>
    </message>
    <message>
        <source>Committing the demo data</source>
        <translation>Validation des données de démonstration</translation>
    </message>
    <message>
        <source>Looking for existing data</source>
        <translation>Recherche de données existantes</translation>
    </message>
</context>
<context>
    <name>DeskReports</name>
    <message>
        <source>--month must be a month as YYYY-MM (for example 2026-11), not &apos;%1&apos;</source>
        <translation>--month doit être un mois au format AAAA-MM (par exemple 2026-11), pas « %1 »</translation>
    </message>
    <message>
        <source>, not &apos;%1&apos;</source>
        <translation>, pas « %1 »</translation>
    </message>
    <message>
        <source>report %1 needs --output FILE, or - for standard output</source>
        <translation>report %1 attend --output FICHIER, ou - pour la sortie standard</translation>
    </message>
    <message>
        <source>--client must be a client&apos;s id (a UUID), not &apos;%1&apos;</source>
        <translation>--client doit être l’identifiant d’un client (un UUID), pas « %1 »</translation>
    </message>
    <message>
        <source>report %1 failed, nothing written: %2</source>
        <translation>report %1 a échoué, rien n’a été écrit : %2</translation>
    </message>
    <message>
        <source>report %1 to standard output failed: %2</source>
        <translation>report %1 vers la sortie standard a échoué : %2</translation>
    </message>
    <message>
        <source>standard output is closed</source>
        <translation>la sortie standard est fermée</translation>
    </message>
    <message>
        <source>report %1 failed, no file written: %2</source>
        <translation>report %1 a échoué, aucun fichier écrit : %2</translation>
    </message>
    <message>
        <source>--business-hours: %1</source>
        <translation>--business-hours : %1</translation>
    </message>
    <message>
        <source>report %1 needs --format csv, xlsx or pdf%2</source>
        <translation>report %1 a besoin de --format csv, xlsx ou pdf%2</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 et %2 autres</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <source>There is no delete to undo.</source>
        <translation>Il n&apos;y a aucune suppression à annuler.</translation>
    </message>
    <message>
        <source>the edits of %1 could not be taken back</source>
        <translation>les modifications de %1 n’ont pas pu être récupérées</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Fichier %1</translation>
    </message>
</context>
<context>
    <name>FinanceReport</name>
    <message>
        <source>the warning threshold must lie between %1</source>
        <translation>le seuil d&apos;alerte doit être compris entre %1</translation>
    </message>
    <message>
        <source>the limit must lie between %1</source>
        <translation>la limite doit être comprise entre %1</translation>
    </message>
    <message>
        <source>the warning threshold (%1) must not lie above the limit (%2)</source>
        <translation>le seuil d&apos;alerte (%1) ne doit pas dépasser la limite (%2)</translation>
    </message>
    <message>
        <source>OVERSPENT by %1</source>
        <translation>DÉPASSÉ de %1</translation>
    </message>
    <message>
        <source>%1 of the budget spent: over the %2 limit</source>
        <translation>%1 du budget dépensé : au-delà de la limite de %2</translation>
    </message>
    <message>
        <source>%1 of the budget spent: warning at %2</source>
        <translation>%1 du budget dépensé : alerte à %2</translation>
    </message>
    <message>
        <source>will spend %1 of %2 by %3 at this pace</source>
        <translation>dépensera %1 sur %2 d&apos;ici le %3 à ce rythme</translation>
    </message>
    <message>
        <source>; runs out on %1</source>
        <translation> ; épuisé le %1</translation>
    </message>
    <message>
        <source>spent %1 of the budget in %2 of its time</source>
        <translation>%1 du budget dépensé en %2 de sa durée</translation>
    </message>
    <message>
        <source>Adding up budgets</source>
        <translation>Addition des budgets</translation>
    </message>
    <message>
        <source>Listing campaigns</source>
        <translation>Liste des campagnes</translation>
    </message>
    <message>
        <source>Adding up retainers</source>
        <translation>Addition des forfaits</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>Lecture de la campagne</translation>
    </message>
    <message>
        <source>no campaign with id %1</source>
        <translation>aucune campagne avec l&apos;identifiant %1</translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s channels</source>
        <translation>Lecture des canaux de la campagne</translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s KPIs</source>
        <translation>Lecture des KPI de la campagne</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Could not read the history</source>
        <translation>Impossible de lire l’historique</translation>
    </message>
    <message>
        <source>Could not prune the history</source>
        <translation>Impossible d’élaguer l’historique</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>%1 (import)</source>
        <translation>%1 (import)</translation>
    </message>
    <message>
        <source>%1 (outside Agency OS)</source>
        <translation>%1 (hors d’Agency OS)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Removed for good</source>
        <translation>Retiré définitivement</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>KeysetPager</name>
    <message>
        <source>Reading rows of %1</source>
        <translation>Lecture des lignes de %1</translation>
    </message>
    <message>
        <source>Counting rows of %1</source>
        <translation>Comptage des lignes de %1</translation>
    </message>
</context>
<context>
    <name>Kpis</name>
    <message>
        <source>%1: not valid JSON (%2 at character %3)</source>
        <translation>%1 : JSON non valide (%2 au caractère %3)</translation>
    </message>
    <message>
        <source>%1: must be an object of metric names and numbers, like {&quot;clicks&quot;: 2500}</source>
        <translation>%1 : doit être un objet de noms d&apos;indicateurs et de nombres, comme {&quot;clicks&quot;: 2500}</translation>
    </message>
    <message>
        <source>%1: a metric has an empty name</source>
        <translation>%1 : un indicateur a un nom vide</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a number</source>
        <translation>%1 : « %2 » doit être un nombre</translation>
    </message>
    <message>
        <source>features: must be a list of texts, like [&quot;24/7 support&quot;]</source>
        <translation>prestations : doit être une liste de textes, comme [&quot;Support 24h/24&quot;]</translation>
    </message>
    <message>
        <source>features: every entry must be a text</source>
        <translation>prestations : chaque entrée doit être un texte</translation>
    </message>
    <message>
        <source>%1: must be a JSON object, like {&quot;name&quot;: &quot;Spring launch&quot;}</source>
        <translation>%1 : doit être un objet JSON, comme {&quot;name&quot;: &quot;Lancement de printemps&quot;}</translation>
    </message>
</context>
<context>
    <name>LookupNames</name>
    <message>
        <source>Looking up a name in %1</source>
        <translation>Recherche d&apos;un nom dans %1</translation>
    </message>
    <message>
        <source>Listing %1 to choose from</source>
        <translation>Liste de %1 à choisir</translation>
    </message>
    <message>
        <source>Reading the client&apos;s Plane workspace</source>
        <translation>Lecture de l&apos;espace de travail Plane du client</translation>
    </message>
    <message>
        <source>Looking up names in %1</source>
        <translation>Recherche des noms dans %1</translation>
    </message>
    <message>
        <source>Finding %1</source>
        <translation>Recherche de %1</translation>
    </message>
    <message>
        <source>%1 (archived in Plane)</source>
        <translation>%1 (archivé dans Plane)</translation>
    </message>
    <message>
        <source>%1 (deleted in Plane)</source>
        <translation>%1 (supprimé dans Plane)</translation>
    </message>
    <message>
        <source>%1 (its Plane workspace is deleted)</source>
        <translation>%1 (son espace de travail Plane est supprimé)</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Checking the right to change the schema</source>
        <translation>Vérification du droit de modifier le schéma</translation>
    </message>
    <message>
        <source>Waiting for other desktops to finish migrating</source>
        <translation>Attente de la fin de la migration sur les autres postes</translation>
    </message>
    <message>
        <source>Rolling back a failed migration</source>
        <translation>Annulation d&apos;une migration échouée</translation>
    </message>
    <message>
        <source>Reading the schema version</source>
        <translation>Lecture de la version du schéma</translation>
    </message>
    <message>
        <source>Creating the migration table agency_schema_migrations</source>
        <translation>Création de la table de migrations agency_schema_migrations</translation>
    </message>
    <message>
        <source>Reading applied migrations</source>
        <translation>Lecture des migrations appliquées</translation>
    </message>
    <message>
        <source>the database schema is at version %1, newer than this app knows (%2): update Agency OS before changing the schema</source>
        <translation>le schéma de la base de données est à la version %1, plus récente que celles que connaît cette application (%2) : mettez à jour Agency OS avant de modifier le schéma</translation>
    </message>
    <message>
        <source>migration %1 was edited after it was applied (checksum differs): restore the original file; an applied migration is never changed, add a new one instead</source>
        <translation>la migration %1 a été modifiée après son application (somme de contrôle différente) : restaurez le fichier d&apos;origine ; une migration appliquée n&apos;est jamais modifiée, ajoutez-en une nouvelle</translation>
    </message>
    <message>
        <source>your database role %1 may not read %2 in this database: ask an administrator to grant it SELECT on the agency_ tables (and INSERT, UPDATE to edit them)</source>
        <translation>votre rôle de base de données %1 ne peut pas lire %2 dans cette base : demandez à un administrateur de lui accorder SELECT sur les tables agency_ (et INSERT, UPDATE pour les modifier)</translation>
    </message>
    <message>
        <source>Starting migration %1</source>
        <translation>Début de la migration %1</translation>
    </message>
    <message>
        <source>Checking migration %1</source>
        <translation>Vérification de la migration %1</translation>
    </message>
    <message>
        <source>Finishing migration %1</source>
        <translation>Fin de la migration %1</translation>
    </message>
    <message>
        <source>Migration %1 %2, statement %3</source>
        <translation>Migration %1 %2, instruction %3</translation>
    </message>
    <message>
        <source>up</source>
        <translation>appliquée</translation>
    </message>
    <message>
        <source>down</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>Recording migration %1</source>
        <translation>Enregistrement de la migration %1</translation>
    </message>
    <message>
        <source>Committing migration %1</source>
        <translation>Validation de la migration %1</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>%1 appliquée</translation>
    </message>
    <message>
        <source>rolled back %1</source>
        <translation>%1 annulée</translation>
    </message>
    <message>
        <source>--to must be a version number of 0 or more</source>
        <translation>--to doit être un numéro de version de 0 ou plus</translation>
    </message>
    <message>
        <source>Removing the migration table agency_schema_migrations</source>
        <translation>Suppression de la table de migration agency_schema_migrations</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>enter a number, for example 1234.50</source>
        <translation>saisissez un nombre, par exemple 1234,50</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; use digits and one decimal point</source>
        <translation>« %1 » n&apos;est pas un nombre ; utilisez des chiffres et un séparateur décimal</translation>
    </message>
    <message>
        <source>at most two decimals (cents) are allowed</source>
        <translation>au plus deux décimales (centimes) sont permises</translation>
    </message>
    <message>
        <source>too large: at most %1 digits before the decimal point</source>
        <translation>trop grand : au plus %1 chiffres avant la virgule</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>une espace</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not how numbers are written in this language: write %2 (%3 before the decimals, %4 between thousands, or nothing)</source>
        <translation>« %1 » n&apos;est pas la façon d&apos;écrire les nombres dans cette langue : écrivez %2 (%3 avant les décimales, %4 entre les milliers, ou rien)</translation>
    </message>
    <message>
        <source>a percentage must be from 0 to 100</source>
        <translation>un pourcentage doit être compris entre 0 et 100</translation>
    </message>
</context>
<context>
    <name>MoneyScale</name>
    <message>
        <source>amount (thousands)</source>
        <translation>montant (milliers)</translation>
    </message>
    <message>
        <source>amount (millions)</source>
        <translation>montant (millions)</translation>
    </message>
    <message>
        <source>amount (billions)</source>
        <translation>montant (milliards)</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>montant</translation>
    </message>
</context>
<context>
    <name>PacingReport</name>
    <message>
        <source>on pace</source>
        <translation>dans le rythme</translation>
    </message>
    <message>
        <source>under</source>
        <translation>en dessous</translation>
    </message>
    <message>
        <source>over</source>
        <translation>au-dessus</translation>
    </message>
    <message>
        <source>Reading the imported spend</source>
        <translation>Lecture des dépenses importées</translation>
    </message>
    <message>
        <source>Reading the channels</source>
        <translation>Lecture des canaux</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Rythme des dépenses</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Au %1</translation>
    </message>
    <message>
        <source>Channel id</source>
        <translation>Identifiant du canal</translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation>Identifiant de la campagne</translation>
    </message>
    <message>
        <source>Planned to date</source>
        <translation>Prévu à ce jour</translation>
    </message>
    <message>
        <source>Spent to date</source>
        <translation>Dépensé à ce jour</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation>Projeté à la fin</translation>
    </message>
    <message>
        <source>Runs out on</source>
        <translation>Épuisé le</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Feu</translation>
    </message>
    <message>
        <source>No spend has been imported for these channels yet (agency-os import spend).</source>
        <translation>Aucune dépense n&apos;a encore été importée pour ces canaux (agency-os import spend).</translation>
    </message>
    <message>
        <source>your database role may not read the imported spend (agency_channel_spend)</source>
        <translation>votre rôle de base de données ne peut pas lire les dépenses importées (agency_channel_spend)</translation>
    </message>
    <message>
        <source>Reading the channels&apos; pace</source>
        <translation>Lecture du rythme des canaux</translation>
    </message>
    <message>
        <source>%1 of plan: over</source>
        <translation>%1 du plan : au-dessus</translation>
    </message>
    <message>
        <source>%1 of plan: under</source>
        <translation>%1 du plan : en dessous</translation>
    </message>
    <message>
        <source>%1 of plan: on pace</source>
        <translation>%1 du plan : dans le rythme</translation>
    </message>
    <message>
        <source>No pace: the channel has no budget, or its campaign no start and end date</source>
        <translation>Pas de rythme : le canal n&apos;a pas de budget, ou sa campagne pas de dates de début et de fin</translation>
    </message>
    <message>
        <source>No spend imported yet; %1 planned to date</source>
        <translation>Aucune dépense importée ; %1 prévus à ce jour</translation>
    </message>
    <message>
        <source>Spent %1 of %2 planned to date</source>
        <translation>%1 dépensés sur %2 prévus à ce jour</translation>
    </message>
    <message>
        <source>%1 projected at the end</source>
        <translation>%1 projetés à la fin</translation>
    </message>
    <message>
        <source>the budget runs out on %1</source>
        <translation>le budget sera épuisé le %1</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>the desktop keychain did not answer</source>
        <translation>le trousseau du bureau n&apos;a pas répondu</translation>
    </message>
</context>
<context>
    <name>PlaneDirectory</name>
    <message>
        <source>Looking for Plane&apos;s tables</source>
        <translation>Recherche des tables de Plane</translation>
    </message>
    <message>
        <source>Listing Plane workspaces</source>
        <translation>Liste des espaces de travail Plane</translation>
    </message>
    <message>
        <source>Listing Plane projects</source>
        <translation>Liste des projets Plane</translation>
    </message>
    <message>
        <source>Reading a Plane workspace</source>
        <translation>Lecture d&apos;un espace de travail Plane</translation>
    </message>
    <message>
        <source>Reading a Plane project</source>
        <translation>Lecture d&apos;un projet Plane</translation>
    </message>
    <message>
        <source>Checking references to Plane</source>
        <translation>Vérification des références à Plane</translation>
    </message>
</context>
<context>
    <name>PlaneWork</name>
    <message>
        <source>Plane&apos;s work is read from its PostgreSQL database; this is an SQLite file.</source>
        <translation>Le travail de Plane se lit dans sa base PostgreSQL ; ceci est un fichier SQLite.</translation>
    </message>
    <message>
        <source>Plane&apos;s tables could not be read: %1</source>
        <translation>Les tables de Plane n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>This Plane database has no %1 table (or this role may not read it).</source>
        <translation>Cette base Plane n’a pas de table %1 (ou ce rôle ne peut pas la lire).</translation>
    </message>
    <message>
        <source>Plane&apos;s %1 table has no %2 column in this Plane version.</source>
        <translation>La table %1 de Plane n’a pas de colonne %2 dans cette version de Plane.</translation>
    </message>
    <message>
        <source>%1 cannot be told apart in this Plane version (no issues.%2): they are counted.</source>
        <translation>%1 ne se distinguent pas dans cette version de Plane (pas de issues.%2) : ils sont comptés.</translation>
    </message>
    <message>
        <source>Deleted issues</source>
        <translation>Les tâches supprimées</translation>
    </message>
    <message>
        <source>Archived issues</source>
        <translation>Les tâches archivées</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Les brouillons</translation>
    </message>
    <message>
        <source>Reading the project&apos;s issues from Plane</source>
        <translation>Lecture des tâches du projet dans Plane</translation>
    </message>
    <message>
        <source>The project estimates in categories, not points: its progress is counted in issues.</source>
        <translation>Le projet estime en catégories, pas en points : son avancement se compte en tâches.</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>Lecture de la campagne</translation>
    </message>
    <message>
        <source>The campaign is not there.</source>
        <translation>La campagne n’existe pas.</translation>
    </message>
    <message>
        <source>This campaign is not linked to a Plane project.</source>
        <translation>Cette campagne n’est liée à aucun projet Plane.</translation>
    </message>
</context>
<context>
    <name>Plausibility</name>
    <message>
        <source>%1 goes from %2 to %3, %4 times as much.</source>
        <translation>%1 passe de %2 à %3, %4 fois plus.</translation>
    </message>
    <message>
        <source>%1 of %2 is more than ten times the budget of %3.</source>
        <translation>%1 de %2 représente plus de dix fois le budget de %3.</translation>
    </message>
    <message>
        <source>This channel takes 0 % of its campaign&apos;s budget, and has no fixed amount.</source>
        <translation>Ce canal prend 0 % du budget de sa campagne et n&apos;a pas de montant fixe.</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>Reading the campaigns</source>
        <translation>Lecture des campagnes</translation>
    </message>
    <message>
        <source>Work progress</source>
        <translation>Avancement du travail</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Au %1</translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation>ID campagne</translation>
    </message>
    <message>
        <source>Plane project</source>
        <translation>Projet Plane</translation>
    </message>
    <message>
        <source>In Plane</source>
        <translation>Dans Plane</translation>
    </message>
    <message>
        <source>Issues done</source>
        <translation>Tâches terminées</translation>
    </message>
    <message>
        <source>Issues counted</source>
        <translation>Tâches comptées</translation>
    </message>
    <message>
        <source>Points done</source>
        <translation>Points terminés</translation>
    </message>
    <message>
        <source>Points total</source>
        <translation>Points au total</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
    <message>
        <source>Time elapsed</source>
        <translation>Temps écoulé</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>the output must end in .png or .svg: %1</source>
        <translation>la sortie doit se terminer par .png ou .svg : %1</translation>
    </message>
    <message>
        <source>could not encode %1 as PNG</source>
        <translation>impossible d&apos;encoder %1 en PNG</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Alloué</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restant</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>OVERSPENT</source>
        <translation>DÉPASSÉ</translation>
    </message>
    <message>
        <source>off pace</source>
        <translation>hors rythme</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Allocated vs spent by client</source>
        <translation>Alloué et dépensé par client</translation>
    </message>
    <message>
        <source>Overspend</source>
        <translation>Dépassement</translation>
    </message>
    <message>
        <source>Spend by campaign type</source>
        <translation>Dépenses par type de campagne</translation>
    </message>
    <message>
        <source>Monthly retainer value by SLA tier</source>
        <translation>Valeur des forfaits mensuels par niveau de SLA</translation>
    </message>
    <message>
        <source>Retainer × active clients</source>
        <translation>Forfait × clients actifs</translation>
    </message>
    <message>
        <source>Exported %L1 rows…</source>
        <translation>%L1 lignes exportées…</translation>
    </message>
    <message>
        <source>tier (active clients)</source>
        <translation>niveau (clients actifs)</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>Revue financière</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <source>Generated %1 from %2 · figures as of %3 · filters: %4</source>
        <translation>Généré le %1 depuis %2 · chiffres au %3 · filtres : %4</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>la base de données</translation>
    </message>
    <message>
        <source>Burn</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation>Dépassées</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 · %2 de trop</translation>
    </message>
    <message>
        <source>Needing attention</source>
        <translation>À surveiller</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <source>Campaigns needing attention: the %1 most severe of %2 (of %3 campaigns); &apos;agency-os report finance --format csv&apos; lists every one</source>
        <translation>Campagnes à surveiller : les %1 plus graves sur %2 (sur %3 campagnes) ; « agency-os report finance --format csv » les liste toutes</translation>
    </message>
    <message>
        <source>Campaigns needing attention: %1 of %2</source>
        <translation>Campagnes à surveiller : %1 sur %2</translation>
    </message>
    <message>
        <source>Most severe first: over the limit (%1 of the budget; at 100 %: overspent), past the warning threshold (%2), projected to overspend, off pace. Pace: the share of its budget a campaign has spent against the share of its days gone; off pace is more than 15 points ahead or 25 behind. Projected: spent so far ÷ days gone × days in all.</source>
        <translation>Les plus graves d&apos;abord : au-delà de la limite (%1 du budget ; à 100 % : dépassé), au-delà du seuil d&apos;alerte (%2), dépassement prévu, hors rythme. Rythme : la part de son budget qu&apos;une campagne a dépensée face à la part de ses jours écoulés ; hors rythme signifie plus de 15 points d&apos;avance ou 25 de retard. Prévision : dépensé jusqu&apos;ici ÷ jours écoulés × jours au total.</translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation>Prévision à la fin</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Totals by client</source>
        <translation>Totaux par client</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Without a figure</source>
        <translation>Sans chiffre</translation>
    </message>
    <message>
        <source>%1 budget · %2 spent</source>
        <translation>%1 budget · %2 dépensé</translation>
    </message>
    <message>
        <source>Appendix: the %1 campaigns under these filters are too many to list here; &apos;agency-os report finance --format csv&apos; writes each one&apos;s figures.</source>
        <translation>Annexe : les %1 campagnes de ces filtres sont trop nombreuses pour être listées ici ; « agency-os report finance --format csv » écrit les chiffres de chacune.</translation>
    </message>
    <message>
        <source>Appendix: every campaign (%1)</source>
        <translation>Annexe : toutes les campagnes (%1)</translation>
    </message>
    <message>
        <source>Spent / time gone</source>
        <translation>Dépensé / temps écoulé</translation>
    </message>
    <message>
        <source>over the limit</source>
        <translation>au-delà de la limite</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>alerte</translation>
    </message>
    <message>
        <source>will overspend</source>
        <translation>dépassement prévu</translation>
    </message>
    <message>
        <source>spent %1 of %2</source>
        <translation>%1 dépensé sur %2</translation>
    </message>
    <message>
        <source> · OVERSPENT by %1</source>
        <translation> · DÉPASSÉ de %1</translation>
    </message>
    <message>
        <source>%1 campaigns. Allocated and spent add up the campaigns that have the figure: %2 have no budget and %3 no spent figure (counted apart, never as 0); remaining and burn are over the campaigns with both. Deleted campaigns and clients never count.</source>
        <translation>%1 campagnes. Alloué et dépensé additionnent les campagnes qui ont ce chiffre : %2 n&apos;ont pas de budget et %3 pas de montant dépensé (comptées à part, jamais comme 0) ; restant et consommation portent sur les campagnes qui ont les deux. Les campagnes et clients supprimés ne comptent jamais.</translation>
    </message>
    <message>
        <source>%1 of the campaigns are inactive clients&apos;: counted, and marked (inactive).</source>
        <translation>%1 des campagnes sont celles de clients inactifs : comptées, et marquées (inactif).</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.d.</translation>
    </message>
    <message>
        <source>1 other client</source>
        <translation>1 autre client</translation>
    </message>
    <message>
        <source>%1 other clients</source>
        <translation>%1 autres clients</translation>
    </message>
    <message>
        <source>Allocated vs spent: the %1 largest of %2 clients, and the others</source>
        <translation>Alloué et dépensé : les %1 plus grands de %2 clients, et les autres</translation>
    </message>
    <message>
        <source>%1 · over by %2</source>
        <translation>%1 · dépassé de %2</translation>
    </message>
    <message numerus="yes">
        <source>; %n campaign(s) without a budget</source>
        <translation>
            <numerusform> ; %n campagne sans budget</numerusform>
            <numerusform> ; %n campagnes sans budget</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n campaign(s) without a spent figure</source>
        <translation>
            <numerusform> ; %n campagne sans montant dépensé</numerusform>
            <numerusform> ; %n campagnes sans montant dépensé</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation>%1 : %2%3</translation>
    </message>
    <message numerus="yes">
        <source>%1: overspent by %2 in %n campaign(s)</source>
        <translation>
            <numerusform>%1 : dépassé de %2 dans %n campagne</numerusform>
            <numerusform>%1 : dépassé de %2 dans %n campagnes</numerusform>
        </translation>
    </message>
    <message>
        <source>no retainer</source>
        <translation>pas de forfait</translation>
    </message>
    <message>
        <source>%1: %2 active client(s) × %3 = %4</source>
        <translation>%1 : %2 client(s) actif(s) × %3 = %4</translation>
    </message>
</context>
<context>
    <name>RecoveryFile</name>
    <message>
        <source>cannot make the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>%1 is not a recovery file this version can read</source>
        <translation>%1 n’est pas un fichier de récupération que cette version sait lire</translation>
    </message>
    <message>
        <source>%1 is cut short</source>
        <translation>%1 est tronqué</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Database %1, written %2</source>
        <translation>Base de données %1, écrit le %2</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Rien à signaler.</translation>
    </message>
</context>
<context>
    <name>RetainerReport</name>
    <message>
        <source>Reading the time entries</source>
        <translation>Lecture des saisies de temps</translation>
    </message>
    <message>
        <source>Reading the clients and their tiers</source>
        <translation>Lecture des clients et de leurs niveaux</translation>
    </message>
    <message>
        <source>Reading Plane&apos;s time logs</source>
        <translation>Lecture des temps saisis dans Plane</translation>
    </message>
    <message>
        <source>Hours of clients linked to a Plane workspace are Plane&apos;s time logs; the others&apos; are the time entries kept in Agency OS.</source>
        <translation>Les heures des clients liés à un espace de travail Plane sont les temps saisis dans Plane ; celles des autres sont les saisies de temps d’Agency OS.</translation>
    </message>
    <message>
        <source>Hours are the time entries kept in Agency OS (this database has no Plane time logs, or no client is linked to a Plane workspace).</source>
        <translation>Les heures sont les saisies de temps d’Agency OS (cette base n’a pas de temps saisis dans Plane, ou aucun client n’est lié à un espace de travail Plane).</translation>
    </message>
    <message>
        <source>Retainer ledger</source>
        <translation>Relevé du forfait</translation>
    </message>
    <message>
        <source>Hours used in %1 against the hours the tier includes; overage at the tier&apos;s rate</source>
        <translation>Heures utilisées en %1 face aux heures incluses dans le niveau ; dépassement au taux du niveau</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Hours included</source>
        <translation>Heures incluses</translation>
    </message>
    <message>
        <source>Hours used</source>
        <translation>Heures utilisées</translation>
    </message>
    <message>
        <source>Overage (h)</source>
        <translation>Dépassement (h)</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Taux horaire</translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <source>Overage</source>
        <translation>Dépassement</translation>
    </message>
    <message>
        <source>To invoice</source>
        <translation>À facturer</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>%1 (%2) is before %3 (%4)</source>
        <translation>%1 (%2) est avant %3 (%4)</translation>
    </message>
</context>
<context>
    <name>SheetReader</name>
    <message>
        <source>the workbook could not be read: %1</source>
        <translation>le classeur n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>the file starts as a workbook (a zip) but its table of contents is missing</source>
        <translation>le fichier commence comme un classeur (un zip) mais sa table des matières manque</translation>
    </message>
    <message>
        <source>the workbook is larger than 4 GB (ZIP64): save it as CSV instead</source>
        <translation>le classeur dépasse 4 Go (ZIP64) : enregistrez-le plutôt en CSV</translation>
    </message>
    <message>
        <source>the workbook&apos;s table of contents could not be read</source>
        <translation>la table des matières du classeur n&apos;a pas pu être lue</translation>
    </message>
    <message>
        <source>the workbook is encrypted: open it and save it without a password first</source>
        <translation>le classeur est chiffré : ouvrez-le et enregistrez-le d&apos;abord sans mot de passe</translation>
    </message>
    <message>
        <source>the workbook has no %1</source>
        <translation>le classeur n&apos;a pas de %1</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 could not be found in it</source>
        <translation>%1 du classeur est introuvable</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 could not be read</source>
        <translation>%1 du classeur n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 is packed in a way this cannot read</source>
        <translation>%1 du classeur est compressé d&apos;une façon illisible ici</translation>
    </message>
    <message>
        <source>zlib could not start</source>
        <translation>zlib n&apos;a pas pu démarrer</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 is damaged (zlib: %2)</source>
        <translation>%1 du classeur est endommagé (zlib : %2)</translation>
    </message>
    <message>
        <source>could not write the sheet as CSV: %1</source>
        <translation>la feuille n&apos;a pas pu être écrite en CSV : %1</translation>
    </message>
    <message>
        <source>the workbook&apos;s sheet is not well-formed XML (line %1): %2</source>
        <translation>la feuille du classeur n&apos;est pas du XML bien formé (ligne %1) : %2</translation>
    </message>
    <message>
        <source>the workbook&apos;s first sheet is empty</source>
        <translation>la première feuille du classeur est vide</translation>
    </message>
    <message>
        <source>no temporary file for the sheet: %1</source>
        <translation>pas de fichier temporaire pour la feuille : %1</translation>
    </message>
</context>
<context>
    <name>SlaReport</name>
    <message>
        <source>Reading the clients</source>
        <translation>Lecture des clients</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) linked to no Plane workspace: not measured.</source>
        <translation>
            <numerusform>%n client lié à aucun espace de travail Plane : non mesuré.</numerusform>
            <numerusform>%n clients liés à aucun espace de travail Plane : non mesurés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plane&apos;s work is read from its PostgreSQL database; this is an SQLite file.</source>
        <translation>Le travail dans Plane se lit dans sa base PostgreSQL ; ceci est un fichier SQLite.</translation>
    </message>
    <message>
        <source>Plane&apos;s tables could not be read: %1</source>
        <translation>Les tables de Plane n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>This Plane database has no issues table (or this role may not read it).</source>
        <translation>Cette base Plane n’a pas de table issues (ou ce rôle ne peut pas la lire).</translation>
    </message>
    <message>
        <source>Plane&apos;s issues table has no %1 column in this Plane version.</source>
        <translation>La table issues de Plane n’a pas de colonne %1 dans cette version de Plane.</translation>
    </message>
    <message>
        <source>Deleted issues cannot be told apart in this Plane version: they are counted.</source>
        <translation>Les tâches supprimées ne se distinguent pas dans cette version de Plane : elles sont comptées.</translation>
    </message>
    <message>
        <source>Drafts cannot be told apart in this Plane version: they are counted.</source>
        <translation>Les brouillons ne se distinguent pas dans cette version de Plane : ils sont comptés.</translation>
    </message>
    <message>
        <source>This Plane database keeps no comments: only moves into a started state count.</source>
        <translation>Cette base Plane ne garde pas de commentaires : seuls les passages à un état commencé comptent.</translation>
    </message>
    <message>
        <source>This Plane database keeps no state changes: only comments count.</source>
        <translation>Cette base Plane ne garde pas les changements d’état : seuls les commentaires comptent.</translation>
    </message>
    <message>
        <source>Reading the issues from Plane</source>
        <translation>Lecture des tâches de Plane</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Délais de réponse</translation>
    </message>
    <message>
        <source>Requests written in %1 (UTC), first responses against the tier&apos;s response time</source>
        <translation>Demandes écrites en %1 (UTC), premières réponses face au délai de réponse du niveau</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>Répondues</translation>
    </message>
    <message>
        <source>Median (h)</source>
        <translation>Médiane (h)</translation>
    </message>
    <message>
        <source>90th percentile (h)</source>
        <translation>90e centile (h)</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Dépassements</translation>
    </message>
    <message>
        <source>Allowed (h)</source>
        <translation>Permis (h)</translation>
    </message>
    <message>
        <source>%1: breach %2 %3</source>
        <translation>%1 : dépassement %2 %3</translation>
    </message>
    <message>
        <source>%1: about to breach %2 %3</source>
        <translation>%1 : dépassement imminent %2 %3</translation>
    </message>
    <message>
        <source>%1: %2 more breaches</source>
        <translation>%1 : %2 autres dépassements</translation>
    </message>
    <message>
        <source>Requests written in %1 (UTC), first responses against the tier&apos;s response time in business hours: %2</source>
        <translation>Demandes écrites en %1 (UTC), premières réponses face au délai de réponse du niveau en heures ouvrées : %2</translation>
    </message>
</context>
<context>
    <name>SoftDeletion</name>
    <message>
        <source>Starting a transaction</source>
        <translation>Début d&apos;une transaction</translation>
    </message>
    <message>
        <source>Committing</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Deleting what belongs to it</source>
        <translation>Suppression de ce qui lui appartient</translation>
    </message>
    <message>
        <source>Restoring what belongs to it</source>
        <translation>Restauration de ce qui lui appartient</translation>
    </message>
    <message>
        <source>Counting what belongs to it</source>
        <translation>Comptage de ce qui lui appartient</translation>
    </message>
    <message>
        <source>Checking what uses it</source>
        <translation>Vérification de ce qui l&apos;utilise</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Checking the parent row</source>
        <translation>Vérification de la ligne parente</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>The SLA tier &quot;%1&quot; is used by %2 live client(s): move them to another tier first</source>
        <translation>Le niveau de SLA « %1 » est utilisé par %2 client(s) actif(s) : déplacez-les d&apos;abord vers un autre niveau</translation>
    </message>
    <message>
        <source>The client &quot;%1&quot; is deleted: restore the client first</source>
        <translation>Le client « %1 » est supprimé : restaurez d&apos;abord le client</translation>
    </message>
    <message>
        <source>The channel&apos;s campaign is deleted: restore the campaign first</source>
        <translation>La campagne du canal est supprimée : restaurez d&apos;abord la campagne</translation>
    </message>
    <message>
        <source>The entry&apos;s client is deleted: restore the client first</source>
        <translation>Le client de l&apos;entrée est supprimé : restaurez d&apos;abord le client</translation>
    </message>
</context>
<context>
    <name>SpendCurve</name>
    <message>
        <source>Reading the campaign</source>
        <translation>Lecture de la campagne</translation>
    </message>
    <message>
        <source>Hidden: your database role may not read the imported spend.</source>
        <translation>Masqué : votre rôle de base de données ne peut pas lire les dépenses importées.</translation>
    </message>
    <message>
        <source>Reading the imported spend</source>
        <translation>Lecture des dépenses importées</translation>
    </message>
</context>
<context>
    <name>SpendCurveChart</name>
    <message>
        <source>No pacing: the campaign needs a start and an end date</source>
        <translation>Pas de rythme : la campagne a besoin d&apos;une date de début et de fin</translation>
    </message>
    <message>
        <source>No pacing: the campaign has no budget</source>
        <translation>Pas de rythme : la campagne n&apos;a pas de budget</translation>
    </message>
    <message>
        <source>No pacing yet: no spend imported (agency-os import spend)</source>
        <translation>Pas encore de rythme : aucune dépense importée (agency-os import spend)</translation>
    </message>
    <message>
        <source>Spent %1 of %2; planned by now %3</source>
        <translation>%1 dépensés sur %2 ; prévu à ce jour %3</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
</context>
<context>
    <name>SpendImport</name>
    <message>
        <source>--rate takes CUR=RATE, such as USD=0.92 (1 USD is 0.92 of the campaign&apos;s currency), not &apos;%1&apos;</source>
        <translation>--rate attend DEV=TAUX, par exemple USD=0.92 (1 USD vaut 0,92 de la devise de la campagne), et non « %1 »</translation>
    </message>
    <message>
        <source>Reading the channels</source>
        <translation>Lecture des canaux</translation>
    </message>
    <message>
        <source>the line names no campaign id</source>
        <translation>la ligne ne donne aucun identifiant de campagne</translation>
    </message>
    <message>
        <source>no channel has external campaign %1</source>
        <translation>aucun canal n&apos;a la campagne externe %1</translation>
    </message>
    <message>
        <source>no channel has external account %1 and campaign %2</source>
        <translation>aucun canal n&apos;a le compte externe %1 et la campagne %2</translation>
    </message>
    <message>
        <source>%1 channels have external campaign %2: give each its external account</source>
        <translation>%1 canaux ont la campagne externe %2 : donnez à chacun son compte externe</translation>
    </message>
    <message>
        <source>this line is in %1, line %2 of the same campaign and days in %3</source>
        <translation>cette ligne est en %1, la ligne %2 de la même campagne et des mêmes jours en %3</translation>
    </message>
    <message>
        <source>Reading the spend imported before</source>
        <translation>Lecture des dépenses déjà importées</translation>
    </message>
    <message>
        <source>Reading the campaigns</source>
        <translation>Lecture des campagnes</translation>
    </message>
    <message>
        <source>the report names no currency and its campaign has none yet: add the report&apos;s currency column, or &quot;currency&quot;: &quot;EUR&quot; to the campaign&apos;s metadata</source>
        <translation>le rapport ne donne aucune devise et sa campagne n&apos;en a pas encore : ajoutez la colonne de devise au rapport, ou &quot;currency&quot;: &quot;EUR&quot; aux métadonnées de la campagne</translation>
    </message>
    <message>
        <source>the report is in %1, the campaign in %2: give the rate, e.g. --rate %1=RATE (1 %1 in %2)</source>
        <translation>le rapport est en %1, la campagne en %2 : donnez le taux, par exemple --rate %1=TAUX (1 %1 en %2)</translation>
    </message>
    <message>
        <source>%1 – %2 overlaps %3 – %4 in the same file for this channel</source>
        <translation>%1 – %2 chevauche %3 – %4 dans le même fichier pour ce canal</translation>
    </message>
    <message>
        <source>%1 – %2 overlaps %3 – %4 imported before for this channel: import the same periods again (a report by day matches any report by day)</source>
        <translation>%1 – %2 chevauche %3 – %4 déjà importé pour ce canal : importez de nouveau les mêmes périodes (un rapport par jour correspond à tout rapport par jour)</translation>
    </message>
    <message>
        <source>Starting the import</source>
        <translation>Début de l&apos;import</translation>
    </message>
    <message>
        <source>Replacing a period imported before</source>
        <translation>Remplacement d&apos;une période déjà importée</translation>
    </message>
    <message>
        <source>Saving a channel&apos;s results</source>
        <translation>Enregistrement des résultats d&apos;un canal</translation>
    </message>
    <message>
        <source>Adding up the campaigns&apos; spend</source>
        <translation>Total des dépenses des campagnes</translation>
    </message>
    <message>
        <source>Saving a campaign&apos;s spend</source>
        <translation>Enregistrement des dépenses d&apos;une campagne</translation>
    </message>
    <message>
        <source>Saving the import</source>
        <translation>Enregistrement de l&apos;import</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>not an ad platform&apos;s report this app reads: it reads the campaign reports of Google Ads (Day, Campaign ID, Cost), Meta Ads Manager (Campaign ID, Amount spent, Day or Reporting starts and ends) and Microsoft Advertising (Gregorian date, Campaign ID, Spend), in English or German, and the generic layout (date, account_id, campaign_id, spend, currency)</source>
        <translation>ce n&apos;est pas un rapport de plateforme publicitaire que cette application lit : elle lit les rapports de campagne de Google Ads (Day, Campaign ID, Cost), du Gestionnaire de publicités Meta (Campaign ID, Amount spent, Day ou Reporting starts et ends) et de Microsoft Advertising (Gregorian date, Campaign ID, Spend), en anglais ou en allemand, et le format générique (date, account_id, campaign_id, spend, currency)</translation>
    </message>
    <message>
        <source>the amount spent &apos;%1&apos; cannot be read%2</source>
        <translation>le montant dépensé « %1 » est illisible%2</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; cannot be read</source>
        <translation>%1 « %2 » est illisible</translation>
    </message>
    <message>
        <source>the date &apos;%1&apos; cannot be read</source>
        <translation>la date « %1 » est illisible</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a currency code (three letters, such as EUR)</source>
        <translation>« %1 » n’est pas un code de devise (trois lettres, comme EUR)</translation>
    </message>
    <message>
        <source>the lines of %1 – %2 add up to %3, more than a spend holds (%4)</source>
        <translation>les lignes du %1 au %2 totalisent %3, plus qu’une dépense ne peut contenir (%4)</translation>
    </message>
    <message>
        <source>Making room for the report&apos;s lines</source>
        <translation>Préparation de la place pour les lignes du rapport</translation>
    </message>
    <message>
        <source>Adding up the report&apos;s lines by channel and period</source>
        <translation>Addition des lignes du rapport par canal et période</translation>
    </message>
    <message>
        <source>Adding up the report&apos;s lines</source>
        <translation>Addition des lignes du rapport</translation>
    </message>
    <message>
        <source>Reading the report&apos;s currencies</source>
        <translation>Lecture des devises du rapport</translation>
    </message>
    <message>
        <source>Reading the report&apos;s periods</source>
        <translation>Lecture des périodes du rapport</translation>
    </message>
    <message>
        <source>Adding up the channels&apos; spend</source>
        <translation>Addition des dépenses des canaux</translation>
    </message>
</context>
<context>
    <name>SqlError</name>
    <message>
        <source>the database connection is closed</source>
        <translation>la connexion à la base de données est fermée</translation>
    </message>
    <message>
        <source>your database role is not allowed to do this; ask an administrator for the right (%1)</source>
        <translation>votre rôle de base de données n&apos;y est pas autorisé ; demandez ce droit à un administrateur (%1)</translation>
    </message>
    <message>
        <source>another program is writing the database file and has not finished after 5 seconds; nothing was written here, try again in a moment</source>
        <translation>un autre programme écrit dans le fichier de base de données et n&apos;a pas fini après 5 secondes ; rien n&apos;a été écrit ici, réessayez dans un instant</translation>
    </message>
    <message>
        <source>another program wrote the database file since it was read here; nothing was written here, try again</source>
        <translation>un autre programme a écrit dans le fichier de base de données depuis sa lecture ici ; rien n&apos;a été écrit ici, réessayez</translation>
    </message>
    <message>
        <source>the disk the database is on is full; nothing was written: make room on it and try again</source>
        <translation>le disque de la base de données est plein ; rien n’a été écrit : libérez de la place et réessayez</translation>
    </message>
    <message>
        <source>the server is read-only (a standby, or a read-only session); nothing was written: connect to the primary (with several hosts, add target_session_attrs=read-write)</source>
        <translation>le serveur est en lecture seule (un serveur de secours, ou une session en lecture seule) ; rien n’a été écrit : connectez-vous au serveur principal (avec plusieurs hôtes, ajoutez target_session_attrs=read-write)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>the last database used</source>
        <translation>la dernière base de données utilisée</translation>
    </message>
    <message>
        <source>the embedded database</source>
        <translation>la base de données intégrée</translation>
    </message>
    <message>
        <source>cannot prepare the database %1: %2</source>
        <translation>impossible de préparer la base de données %1 : %2</translation>
    </message>
    <message>
        <source>the Agency OS schema in %1 is not up to date (this app needs version %2): ask an administrator to run: agency-os migrate up --db %1</source>
        <translation>le schéma d&apos;Agency OS dans %1 n&apos;est pas à jour (cette application a besoin de la version %2) : demandez à un administrateur d&apos;exécuter : agency-os migrate up --db %1</translation>
    </message>
    <message>
        <source>an applied migration in %1 differs from this app&apos;s copy: run agency-os migrate status</source>
        <translation>une migration appliquée dans %1 diffère de la copie de cette application : exécutez agency-os migrate status</translation>
    </message>
    <message>
        <source>the Agency OS schema in %1 is newer than this app (version %2): it can be read (export, report, history) but not changed; update Agency OS to change it</source>
        <translation>le schéma Agency OS de %1 est plus récent que cette application (version %2) : il peut être lu (export, rapport, historique) mais pas modifié ; mettez Agency OS à jour pour le modifier</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>unknown export column &apos;%1&apos;</source>
        <translation>colonne d&apos;export inconnue « %1 »</translation>
    </message>
    <message>
        <source>unknown table &apos;%1&apos;</source>
        <translation>table inconnue « %1 »</translation>
    </message>
    <message>
        <source>cannot sort by &apos;%1&apos;: not a column of %2</source>
        <translation>impossible de trier par « %1 » : ce n&apos;est pas une colonne de %2</translation>
    </message>
    <message>
        <source>could not write the file: %1</source>
        <translation>impossible d&apos;écrire le fichier : %1</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Export de %1</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>export annulé</translation>
    </message>
    <message>
        <source>Exporting %1: %2</source>
        <translation>Export de %1 : %2</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>impossible d&apos;écrire sur la sortie standard : %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>a sheet holds at most %L1 rows below its header</source>
        <translation>une feuille contient au plus %L1 lignes sous son en-tête</translation>
    </message>
    <message>
        <source>could not write the workbook: %1</source>
        <translation>impossible d&apos;écrire le classeur : %1</translation>
    </message>
    <message>
        <source>Counting %1</source>
        <translation>Comptage de %1</translation>
    </message>
    <message>
        <source>%L1 rows are more than a sheet holds (%L2 below its header): export them as CSV, or narrow the view first</source>
        <translation>%L1 lignes, c&apos;est plus que ne contient une feuille (%L2 sous son en-tête) : exportez-les en CSV, ou réduisez d&apos;abord la vue</translation>
    </message>
    <message>
        <source>the workbook would pass 4 GB, more than a ZIP file without ZIP64 holds: export as CSV</source>
        <translation>le classeur dépasserait 4 Go, plus qu&apos;un fichier ZIP sans ZIP64 ne peut contenir : exportez en CSV</translation>
    </message>
    <message>
        <source>could not start compressing the workbook</source>
        <translation>impossible de commencer la compression du classeur</translation>
    </message>
    <message>
        <source>could not compress the workbook</source>
        <translation>impossible de compresser le classeur</translation>
    </message>
</context>
<context>
    <name>TableImport</name>
    <message>
        <source>%1: &apos;%2&apos; is not true or false</source>
        <translation>%1 : « %2 » n&apos;est ni true ni false</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date (YYYY-MM-DD)</source>
        <translation>%1 : « %2 » n&apos;est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a whole number</source>
        <translation>%1 : « %2 » n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>import works for SLA tiers, clients, campaigns and channels</source>
        <translation>l&apos;import fonctionne pour les niveaux de SLA, clients, campagnes et canaux</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the header names the column %1 twice (fields %2 and %3)</source>
        <translation>l&apos;en-tête nomme la colonne %1 deux fois (champs %2 et %3)</translation>
    </message>
    <message>
        <source>no column of the header names a column of %1</source>
        <translation>aucune colonne de l&apos;en-tête ne nomme une colonne de %1</translation>
    </message>
    <message>
        <source>Starting the import</source>
        <translation>Début de l&apos;import</translation>
    </message>
    <message>
        <source>%1 fields, where the header has %2</source>
        <translation>%1 champs, alors que l&apos;en-tête en a %2</translation>
    </message>
    <message>
        <source>this row was changed in the database at %1, after the file&apos;s version (%2): export again and redo the edit</source>
        <translation>cette ligne a été modifiée dans la base de données le %1, après la version du fichier (%2) : exportez à nouveau et refaites la modification</translation>
    </message>
    <message>
        <source>the row changed while importing</source>
        <translation>la ligne a changé pendant l&apos;import</translation>
    </message>
    <message>
        <source>cancelled: nothing was written</source>
        <translation>annulé : rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>Committing the import</source>
        <translation>Validation de l&apos;import</translation>
    </message>
    <message>
        <source>Finding the parent by name</source>
        <translation>Recherche du parent par son nom</translation>
    </message>
    <message>
        <source>no campaign_id, and no client_name and campaign_label to find the campaign by</source>
        <translation>pas de campaign_id, ni de client_name et campaign_label pour trouver la campagne</translation>
    </message>
    <message>
        <source>no client_id, and no client_name to find the client by</source>
        <translation>pas de client_id, ni de client_name pour trouver le client</translation>
    </message>
    <message>
        <source>%1 campaigns match “%2”: %3; give campaign_id</source>
        <translation>%1 campagnes correspondent à « %2 » : %3 ; indiquez campaign_id</translation>
    </message>
    <message>
        <source>%1 clients are named “%2”: %3; give client_id</source>
        <translation>%1 clients s&apos;appellent « %2 » : %3 ; indiquez client_id</translation>
    </message>
    <message>
        <source>the campaign “%1” is deleted: restore it first</source>
        <translation>la campagne « %1 » est supprimée : restaurez-la d&apos;abord</translation>
    </message>
    <message>
        <source>the client “%1” is deleted: restore it first</source>
        <translation>le client « %1 » est supprimé : restaurez-le d&apos;abord</translation>
    </message>
    <message>
        <source>no campaign “%1”</source>
        <translation>aucune campagne « %1 »</translation>
    </message>
    <message>
        <source>no client named “%1”</source>
        <translation>aucun client nommé « %1 »</translation>
    </message>
    <message>
        <source>the database ended the import at line %1: nothing was written</source>
        <translation>la base de données a mis fin à l’import à la ligne %1 : rien n’a été écrit</translation>
    </message>
</context>
<context>
    <name>TableRights</name>
    <message>
        <source>Checking the right to change %1</source>
        <translation>Vérification du droit de modifier %1</translation>
    </message>
</context>
<context>
    <name>TableSpec</name>
    <message numerus="yes">
        <source>%n SLA tier(s)</source>
        <translation>
            <numerusform>%n niveau de SLA</numerusform>
            <numerusform>%n niveaux de SLA</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campagne</numerusform>
            <numerusform>%n campagnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canal</numerusform>
            <numerusform>%n canaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time entry(ies)</source>
        <translation>
            <numerusform>%n entrée de temps</numerusform>
            <numerusform>%n entrées de temps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableStore</name>
    <message>
        <source>Reading the current version of a row</source>
        <translation>Lecture de la version actuelle d&apos;une ligne</translation>
    </message>
    <message>
        <source>The connection to the database is lost: nothing was saved, and your edits are kept. Save again once it is back.</source>
        <translation>La connexion à la base de données est perdue : rien n&apos;a été enregistré, et vos modifications sont conservées. Enregistrez à nouveau dès qu&apos;elle est rétablie.</translation>
    </message>
    <message>
        <source>Starting to save</source>
        <translation>Début de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <source>Rolling back a failed save</source>
        <translation>Annulation d&apos;un enregistrement échoué</translation>
    </message>
    <message>
        <source>Adding a row to %1</source>
        <translation>Ajout d&apos;une ligne à %1</translation>
    </message>
    <message>
        <source>Saving a row of %1</source>
        <translation>Enregistrement d&apos;une ligne de %1</translation>
    </message>
    <message>
        <source>This row was deleted on another desktop: keep your version or let it go</source>
        <translation>Cette ligne a été supprimée sur un autre poste : gardez votre version ou abandonnez-la</translation>
    </message>
    <message>
        <source>This row was changed on another desktop at %1: review both versions</source>
        <translation>Cette ligne a été modifiée sur un autre poste le %1 : examinez les deux versions</translation>
    </message>
    <message>
        <source>This row was changed by %1 at %2: review both versions</source>
        <translation>Cette ligne a été modifiée par %1 à %2 : comparez les deux versions</translation>
    </message>
</context>
<context>
    <name>TimeImport</name>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the date &apos;%1&apos; cannot be read</source>
        <translation>la date « %1 » est illisible</translation>
    </message>
    <message>
        <source>the duration &apos;%1&apos; cannot be read</source>
        <translation>la durée « %1 » est illisible</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>Reading the clients</source>
        <translation>Lecture des clients</translation>
    </message>
    <message>
        <source>no client: every entry must name one</source>
        <translation>aucun client : chaque saisie doit en nommer un</translation>
    </message>
    <message>
        <source>no live client is called &quot;%1&quot;</source>
        <translation>aucun client actif ne s’appelle « %1 »</translation>
    </message>
    <message>
        <source>%1 clients are called &quot;%2&quot;: rename one</source>
        <translation>%1 clients s’appellent « %2 » : renommez-en un</translation>
    </message>
    <message>
        <source>Starting the import</source>
        <translation>Début de l’import</translation>
    </message>
    <message>
        <source>Reading the entries</source>
        <translation>Lecture des saisies</translation>
    </message>
    <message>
        <source>Adding the entry</source>
        <translation>Ajout de la saisie</translation>
    </message>
    <message>
        <source>Saving the import</source>
        <translation>Enregistrement de l’import</translation>
    </message>
    <message>
        <source>not a time tracker&apos;s export this app reads: it reads the detailed report of Harvest (Date, Client, Hours, First Name), Toggl Track (User, Client, Start date, Duration) or Clockify (User, Client, Start Date, Duration (h))</source>
        <translation>pas un export de suivi du temps que cette application lit : elle lit le rapport détaillé de Harvest (Date, Client, Hours, First Name), Toggl Track (User, Client, Start date, Duration) ou Clockify (User, Client, Start Date, Duration (h))</translation>
    </message>
</context>
<context>
    <name>ValueMerge</name>
    <message>
        <source>Listing the values in use</source>
        <translation>Liste des valeurs utilisées</translation>
    </message>
    <message>
        <source>Choose two different values to merge</source>
        <translation>Choisissez deux valeurs différentes à fusionner</translation>
    </message>
    <message>
        <source>%1: at most %2 characters</source>
        <translation>%1 : au plus %2 caractères</translation>
    </message>
    <message>
        <source>Merging values</source>
        <translation>Fusion des valeurs</translation>
    </message>
</context>
<context>
    <name>ValueText</name>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybride</translation>
    </message>
    <message>
        <source>SEO</source>
        <translation>SEO</translation>
    </message>
    <message>
        <source>Paid search (PPC)</source>
        <translation>Référencement payant (PPC)</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Display ads</source>
        <translation>Publicité display</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Google Ads</source>
        <translation>Google Ads</translation>
    </message>
    <message>
        <source>Meta Ads</source>
        <translation>Meta Ads</translation>
    </message>
    <message>
        <source>LinkedIn Ads</source>
        <translation>LinkedIn Ads</translation>
    </message>
    <message>
        <source>TikTok Ads</source>
        <translation>TikTok Ads</translation>
    </message>
    <message>
        <source>Microsoft Advertising</source>
        <translation>Microsoft Advertising</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Lettre d&apos;information</translation>
    </message>
    <message>
        <source>SEO content</source>
        <translation>Contenu SEO</translation>
    </message>
    <message>
        <source>YouTube</source>
        <translation>YouTube</translation>
    </message>
    <message>
        <source>Display network</source>
        <translation>Réseau display</translation>
    </message>
    <message>
        <source>Influencers</source>
        <translation>Influenceurs</translation>
    </message>
    <message>
        <source>Podcasts</source>
        <translation>Podcasts</translation>
    </message>
</context>
<context>
    <name>agency::db::ChangeFeed</name>
    <message>
        <source>connected through a connection pooler, which does not pass on the server&apos;s change notifications</source>
        <translation>connecté via un pooler de connexions, qui ne transmet pas les notifications de changement du serveur</translation>
    </message>
    <message>
        <source>the server did not accept LISTEN (%1)</source>
        <translation>le serveur n&apos;a pas accepté LISTEN (%1)</translation>
    </message>
</context>
<context>
    <name>agency::tables::AgencyTableModel</name>
    <message>
        <source>Rows are deleted softly: use Delete, which can be undone</source>
        <translation>Les lignes sont supprimées en douceur : utilisez Supprimer, qui peut être annulé</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Rien n&apos;a été enregistré : %1</translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be saved</source>
        <translation>Cette base de données est ouverte en lecture seule : rien ne peut être enregistré</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message numerus="yes">
        <source>Saved, except %n row(s) deleted on another desktop while you edited them: save yours as a new row or discard them</source>
        <translation>
            <numerusform>Enregistré, sauf %n ligne supprimée sur un autre poste pendant que vous la modifiiez : enregistrez la vôtre comme nouvelle ligne ou abandonnez-la</numerusform>
            <numerusform>Enregistré, sauf %n lignes supprimées sur un autre poste pendant que vous les modifiiez : enregistrez les vôtres comme nouvelles lignes ou abandonnez-les</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::tables::BackgroundReader</name>
    <message>
        <source>Cannot open a second connection to read in the background</source>
        <translation>Impossible d&apos;ouvrir une seconde connexion pour lire en arrière-plan</translation>
    </message>
</context>
<context>
    <name>agency::tables::CampaignModel</name>
    <message>
        <source>Overspent by %1</source>
        <translation>Dépassé de %1</translation>
    </message>
</context>
<context>
    <name>agency::tables::ChannelModel</name>
    <message>
        <source>Pace</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Imported spend to date against the straight line from the campaign&apos;s start to its end: within 10 % on pace, else under or over</source>
        <translation>Dépenses importées à ce jour face à la droite du début à la fin de la campagne : à 10 % près dans le rythme, sinon en dessous ou au-dessus</translation>
    </message>
    <message>
        <source>no connection to read the paces on</source>
        <translation>aucune connexion pour lire les rythmes</translation>
    </message>
</context>
<context>
    <name>agency::ui::BudgetSplitChart</name>
    <message numerus="yes">
        <source>Other (%n channels)</source>
        <translation>
            <numerusform>Autres (%n canal)</numerusform>
            <numerusform>Autres (%n canaux)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Non alloué</translation>
    </message>
    <message>
        <source>Budget split</source>
        <translation>Répartition du budget</translation>
    </message>
    <message>
        <source> — budget %1</source>
        <translation> — budget %1</translation>
    </message>
    <message>
        <source> — OVER-ALLOCATED by %1</source>
        <translation> — SURALLOUÉ de %1</translation>
    </message>
</context>
<context>
    <name>agency::ui::BudgetSplitPanel</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Effective amount</source>
        <translation>Montant effectif</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>&lt;b&gt;Budget split&lt;/b&gt;</source>
        <translation>&lt;b&gt;Répartition du budget&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation> (inactif)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Channels take %1; the campaign has no budget allocated.</source>
        <translation>Les canaux prennent %1 ; aucun budget n&apos;est alloué à la campagne.</translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · OVER-ALLOCATED by %3</source>
        <translation>Alloué %1 · canaux %2 · SURALLOUÉ de %3</translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · Unallocated %3</source>
        <translation>Alloué %1 · canaux %2 · Non alloué %3</translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · Unallocated %3 (%4)</source>
        <translation>Alloué %1 · canaux %2 · Non alloué %3 (%4)</translation>
    </message>
</context>
<context>
    <name>agency::ui::BusinessHoursDialog</name>
    <message>
        <source>Business hours</source>
        <translation>Heures ouvrées</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Jours ouvrés</translation>
    </message>
    <message>
        <source>&amp;Opens at</source>
        <translation>&amp;Ouvre à</translation>
    </message>
    <message>
        <source>&amp;Closes at</source>
        <translation>&amp;Ferme à</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>Fuseau &amp;horaire</translation>
    </message>
</context>
<context>
    <name>agency::ui::CampaignDetailPanel</name>
    <message>
        <source>Budget split</source>
        <translation>Répartition du budget</translation>
    </message>
    <message>
        <source>Split chart</source>
        <translation>Graphique de répartition</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <source>Hidden: your database role may not read %1.</source>
        <translation>Masqué : votre rôle de base de données ne peut pas lire %1.</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>No pacing: the imported spend could not be read</source>
        <translation>Pas de rythme : les dépenses importées n&apos;ont pas pu être lues</translation>
    </message>
</context>
<context>
    <name>agency::ui::ChoiceCombo</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot;</source>
        <translation>Rien ne correspond à « %1 »</translation>
    </message>
</context>
<context>
    <name>agency::ui::ClientOverviewDialog</name>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Client overview</source>
        <translation>Vue d’ensemble du client</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Needs a word</source>
        <translation>À surveiller</translation>
    </message>
    <message>
        <source>Tier and contract</source>
        <translation>Niveau et contrat</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Response time (h)</source>
        <translation>Délai de réponse (h)</translation>
    </message>
    <message>
        <source>Hours included / month</source>
        <translation>Heures incluses / mois</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Taux horaire</translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation>Forfait mensuel</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Retainer ledger</source>
        <translation>Relevé du forfait</translation>
    </message>
    <message>
        <source>Hours used</source>
        <translation>Heures utilisées</translation>
    </message>
    <message>
        <source>Hours over</source>
        <translation>Heures en dépassement</translation>
    </message>
    <message>
        <source>Overage</source>
        <translation>Dépassement</translation>
    </message>
    <message>
        <source>To invoice</source>
        <translation>À facturer</translation>
    </message>
    <message>
        <source>Hours from Plane&apos;s time logs.</source>
        <translation>Heures issues des temps saisis dans Plane.</translation>
    </message>
    <message>
        <source>Hours from the time entries kept in Agency OS.</source>
        <translation>Heures issues des saisies de temps d’Agency OS.</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Délais de réponse</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondues</translation>
    </message>
    <message>
        <source>Median (h)</source>
        <translation>Médiane (h)</translation>
    </message>
    <message>
        <source>90th percentile (h)</source>
        <translation>90e centile (h)</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Dépassements</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
    <message>
        <source>Spent %</source>
        <translation>Dépensé %</translation>
    </message>
    <message>
        <source>Time %</source>
        <translation>Temps %</translation>
    </message>
    <message>
        <source>Issues done</source>
        <translation>Tâches terminées</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>&amp;Business hours only</source>
        <translation>Heures &amp;ouvrées seulement</translation>
    </message>
    <message>
        <source>Hours…</source>
        <translation>Heures…</translation>
    </message>
    <message>
        <source>The working days and hours response times count in</source>
        <translation>Les jours et heures ouvrés dans lesquels comptent les délais de réponse</translation>
    </message>
    <message>
        <source>Counted in calendar hours.</source>
        <translation>Compté en heures calendaires.</translation>
    </message>
    <message>
        <source>Counted in business hours: %1.</source>
        <translation>Compté en heures ouvrées : %1.</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>CSV (*.csv);;Classeurs Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>agency::ui::ConflictDialog</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>À l&apos;ouverture</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>La vôtre</translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation>La leur (maintenant)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>(not edited)</source>
        <translation>(non modifié)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>La leur</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Garder toutes les miennes</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre la leur</translation>
    </message>
    <message>
        <source>Use my choices</source>
        <translation>Utiliser mes choix</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Décider plus tard</translation>
    </message>
    <message>
        <source>Changed on another desktop</source>
        <translation>Modifié sur un autre poste</translation>
    </message>
    <message>
        <source>This record was &lt;b&gt;removed&lt;/b&gt; from the database on another desktop after you started editing; your other edits were saved. Save your version as a new record, or discard it.</source>
        <translation>Cet enregistrement a été &lt;b&gt;retiré&lt;/b&gt; de la base de données sur un autre poste après le début de votre modification ; vos autres modifications ont été enregistrées. Enregistrez votre version comme nouvel enregistrement, ou abandonnez-la.</translation>
    </message>
    <message>
        <source>This record was &lt;b&gt;deleted&lt;/b&gt; on another desktop after you started editing. Keep your version to save your values anyway, or let it go.</source>
        <translation>Cet enregistrement a été &lt;b&gt;supprimé&lt;/b&gt; sur un autre poste après le début de votre modification. Gardez votre version pour enregistrer quand même vos valeurs, ou abandonnez-la.</translation>
    </message>
    <message>
        <source>This record was changed on another desktop at &lt;b&gt;%1&lt;/b&gt;, after you opened it. Your edits are kept until you choose: compare the versions below.</source>
        <translation>Cet enregistrement a été modifié sur un autre poste le &lt;b&gt;%1&lt;/b&gt;, après que vous l&apos;avez ouvert. Vos modifications sont conservées jusqu&apos;à votre choix : comparez les versions ci-dessous.</translation>
    </message>
    <message>
        <source>Save mine as a new row</source>
        <translation>Enregistrer la mienne comme nouvelle ligne</translation>
    </message>
    <message>
        <source>Discard mine</source>
        <translation>Abandonner la mienne</translation>
    </message>
    <message>
        <source> (an import on the command line)</source>
        <translation> (un import en ligne de commande)</translation>
    </message>
    <message>
        <source> (outside Agency OS)</source>
        <translation> (hors d’Agency OS)</translation>
    </message>
    <message>
        <source>This record was changed by &lt;b&gt;%2&lt;/b&gt;%3 at &lt;b&gt;%1&lt;/b&gt;, after you opened it. Your edits are kept until you choose: compare the versions below.</source>
        <translation>Cet enregistrement a été modifié par &lt;b&gt;%2&lt;/b&gt;%3 à &lt;b&gt;%1&lt;/b&gt;, après que vous l’avez ouvert. Vos modifications sont gardées jusqu’à votre choix : comparez les versions ci-dessous.</translation>
    </message>
</context>
<context>
    <name>agency::ui::ConnectionDialog</name>
    <message>
        <source>PostgreSQL server (shared with Plane)</source>
        <translation>Serveur PostgreSQL (partagé avec Plane)</translation>
    </message>
    <message>
        <source>SQLite file (this computer only)</source>
        <translation>Fichier SQLite (cet ordinateur uniquement)</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>Se connecter à une base de données</translation>
    </message>
    <message>
        <source>localhost (empty: libpq&apos;s default)</source>
        <translation>localhost (vide : valeur par défaut de libpq)</translation>
    </message>
    <message>
        <source>plane</source>
        <translation>plane</translation>
    </message>
    <message>
        <source>empty: ~/.pgpass or the environment</source>
        <translation>vide : ~/.pgpass ou l&apos;environnement</translation>
    </message>
    <message>
        <source>Recent connections…</source>
        <translation>Connexions récentes…</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>Mode SSL</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>Fichier de base de données SQLite</translation>
    </message>
    <message>
        <source>Databases (*.db *.sqlite)</source>
        <translation>Bases de données (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Host: &apos;%1&apos; cannot be part of a host name</source>
        <translation>Hôte : « %1 » ne peut pas faire partie d&apos;un nom d&apos;hôte</translation>
    </message>
    <message>
        <source>Database: a database name cannot contain / or ;</source>
        <translation>Base de données : un nom de base ne peut contenir ni / ni ;</translation>
    </message>
    <message>
        <source>User: a user name cannot contain ;</source>
        <translation>Utilisateur : un nom d&apos;utilisateur ne peut pas contenir ;</translation>
    </message>
    <message>
        <source>File: choose where the SQLite database is (or should be created)</source>
        <translation>Fichier : choisissez où se trouve la base SQLite (ou où la créer)</translation>
    </message>
    <message>
        <source>File: %1 is a folder; give a file name such as agency.db</source>
        <translation>Fichier : %1 est un dossier ; indiquez un nom de fichier comme agency.db</translation>
    </message>
    <message>
        <source>File: %1 cannot be written</source>
        <translation>Fichier : impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <source>Remember the password in the desktop keychain</source>
        <translation>Mémoriser le mot de passe dans le trousseau du bureau</translation>
    </message>
    <message>
        <source>No desktop keychain is running (%1): the password is asked each time and never stored</source>
        <translation>Aucun trousseau du bureau n&apos;est actif (%1) : le mot de passe est demandé à chaque fois et jamais enregistré</translation>
    </message>
    <message>
        <source>Type the password of %1 above.</source>
        <translation>Saisissez ci-dessus le mot de passe de %1.</translation>
    </message>
    <message>
        <source>your user</source>
        <translation>votre utilisateur</translation>
    </message>
</context>
<context>
    <name>agency::ui::ContractsPanel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Fin de contrat</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
</context>
<context>
    <name>agency::ui::DashboardPage</name>
    <message>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Starting from</source>
        <translation>Début à partir du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>Finance review PDF…</source>
        <translation>Revue financière en PDF…</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À surveiller</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Alloué</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Allocated vs spent by client</source>
        <translation>Alloué et dépensé par client</translation>
    </message>
    <message>
        <source>Spend by campaign type</source>
        <translation>Dépenses par type de campagne</translation>
    </message>
    <message>
        <source>Retainer value by tier</source>
        <translation>Valeur des forfaits par niveau</translation>
    </message>
    <message>
        <source>Save as PNG or SVG…</source>
        <translation>Enregistrer en PNG ou SVG…</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>Images (*.png *.svg)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Chart copied</source>
        <translation>Graphique copié</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>Revue financière</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>état %1</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>client %1</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>type %1</translation>
    </message>
    <message>
        <source>starting from %1</source>
        <translation>début à partir du %1</translation>
    </message>
    <message>
        <source>starting until %1</source>
        <translation>début jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation>Alerte à</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>limite</translation>
    </message>
    <message>
        <source>A live campaign that has spent this share of its budget is flagged</source>
        <translation>Une campagne en cours qui a dépensé cette part de son budget est signalée</translation>
    </message>
    <message>
        <source>A campaign past this share of its budget is over its limit (at 100 %: overspent)</source>
        <translation>Une campagne au-delà de cette part de son budget dépasse sa limite (à 100 % : dépassée)</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restant</translation>
    </message>
    <message>
        <source>Burn</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation>Dépassées</translation>
    </message>
    <message>
        <source>Without a figure</source>
        <translation>Sans chiffre</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Share of spend</source>
        <translation>Part des dépenses</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Active clients</source>
        <translation>Clients actifs</translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation>Forfait mensuel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Spend by type</source>
        <translation>Dépenses par type</translation>
    </message>
    <message>
        <source>Type figures</source>
        <translation>Chiffres par type</translation>
    </message>
    <message>
        <source>Retainer by tier</source>
        <translation>Forfait par niveau</translation>
    </message>
    <message>
        <source>Tier figures</source>
        <translation>Chiffres par niveau</translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation>Prévision à la fin</translation>
    </message>
    <message>
        <source>Pace: the share of its budget a campaign has spent against the share of its days gone; off pace is more than 15 points ahead or 25 behind. Projected: spent so far ÷ days gone × days in all.</source>
        <translation>Rythme : la part de son budget qu&apos;une campagne a dépensée face à la part de ses jours écoulés ; hors rythme signifie plus de 15 points d&apos;avance ou 25 de retard. Prévision : dépensé jusqu&apos;ici ÷ jours écoulés × jours au total.</translation>
    </message>
    <message>
        <source>Needs attention: the %1 most severe of %2</source>
        <translation>À surveiller : les %1 plus graves sur %2</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 · %2 de trop</translation>
    </message>
    <message>
        <source>%1 budget · %2 spent</source>
        <translation>%1 budget · %2 dépensé</translation>
    </message>
    <message>
        <source>no retainer</source>
        <translation>pas de forfait</translation>
    </message>
    <message>
        <source>Writing the finance review…</source>
        <translation>Écriture de la revue financière…</translation>
    </message>
    <message>
        <source>Finance review cancelled: nothing was written</source>
        <translation>Revue financière annulée : rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>Finance figures CSV…</source>
        <translation>Chiffres financiers en CSV…</translation>
    </message>
    <message>
        <source>The review&apos;s figures for this filter as one CSV table: the total, each client, each campaign</source>
        <translation>Les chiffres de la revue pour ce filtre en un tableau CSV : le total, chaque client, chaque campagne</translation>
    </message>
    <message>
        <source>Finance figures</source>
        <translation>Chiffres financiers</translation>
    </message>
    <message>
        <source>Writing the finance figures…</source>
        <translation>Écriture des chiffres financiers…</translation>
    </message>
    <message>
        <source>Finance figures cancelled: nothing was written</source>
        <translation>Chiffres financiers annulés : rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Contracts (%1)</source>
        <translation>Contrats (%1)</translation>
    </message>
    <message>
        <source>Budgets and spend are hidden: your database role may not read %1.</source>
        <translation>Budgets et dépenses masqués : votre rôle de base de données ne peut pas lire %1.</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>masqué</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Rythme des dépenses</translation>
    </message>
    <message>
        <source>Pacing (%1 off)</source>
        <translation>Rythme des dépenses (%1 hors rythme)</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>CSV (*.csv);;Classeurs Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>agency::ui::DecimalEdit</name>
    <message>
        <source>no amount</source>
        <translation>aucun montant</translation>
    </message>
    <message>
        <source>no percentage</source>
        <translation>aucun pourcentage</translation>
    </message>
</context>
<context>
    <name>agency::ui::HistoryPanel</name>
    <message>
        <source>Revert this field</source>
        <translation>Rétablir ce champ</translation>
    </message>
    <message>
        <source>Revert this change</source>
        <translation>Annuler cette modification</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>History of this record</source>
        <translation>Historique de cet enregistrement</translation>
    </message>
    <message>
        <source>Put the selected field back to its value before this change, and save</source>
        <translation>Remettre le champ choisi à sa valeur d’avant cette modification, et enregistrer</translation>
    </message>
    <message>
        <source>Put every field of the selected change back to its value before it, and save</source>
        <translation>Remettre chaque champ de la modification choisie à sa valeur d’avant, et enregistrer</translation>
    </message>
    <message>
        <source>Select a record to see its history.</source>
        <translation>Choisissez un enregistrement pour voir son historique.</translation>
    </message>
    <message>
        <source>This database keeps no history you may read (it needs migration 0008, and on a server SELECT on agency_change_log).</source>
        <translation>Cette base ne tient aucun historique que vous pouvez lire (il faut la migration 0008 et, sur un serveur, SELECT sur agency_change_log).</translation>
    </message>
    <message>
        <source>No changes recorded for this record.</source>
        <translation>Aucune modification enregistrée pour cet enregistrement.</translation>
    </message>
    <message>
        <source>The newest %1 changes, newest first.</source>
        <translation>Les %1 modifications les plus récentes, la plus récente d’abord.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n modification, la plus récente d’abord.</numerusform>
            <numerusform>%n modifications, la plus récente d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <source>%1
Before: %2
After: %3</source>
        <translation>%1
Avant : %2
Après : %3</translation>
    </message>
</context>
<context>
    <name>agency::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import CSV into %1</source>
        <translation>Importer un CSV dans %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Rows whose id exists update only what changed (refused if someone changed the row since it was exported); other rows are added. Nothing is written unless every row is right.</source>
        <translation>Les lignes dont l&apos;identifiant existe ne mettent à jour que ce qui a changé (refusé si quelqu&apos;un a modifié la ligne depuis l&apos;export) ; les autres lignes sont ajoutées. Rien n&apos;est écrit tant que chaque ligne n&apos;est pas correcte.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): nothing will be written until the file is corrected.</source>
        <translation>
            <numerusform>%n problème : rien ne sera écrit tant que le fichier n&apos;est pas corrigé.</numerusform>
            <numerusform>%n problèmes : rien ne sera écrit tant que le fichier n&apos;est pas corrigé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation>Importé : %1 ajoutées, %2 mises à jour, %3 inchangées.</translation>
    </message>
    <message>
        <source>Ready: %1 to add, %2 to update, %3 unchanged.</source>
        <translation>Prêt : %1 à ajouter, %2 à mettre à jour, %3 inchangées.</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Colonnes non importées : %1.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing… line %1</source>
        <translation>Import… ligne %1</translation>
    </message>
    <message>
        <source>Checking… line %1</source>
        <translation>Vérification… ligne %1</translation>
    </message>
    <message>
        <source>cancelled: nothing was written</source>
        <translation>annulé : rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé : rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Check cancelled: choose the file again.</source>
        <translation>Vérification annulée : choisissez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Après l&apos;importation</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) would change, listed below.</source>
        <translation>
            <numerusform>%n champ changerait, listé ci-dessous.</numerusform>
            <numerusform>%n champs changeraient, listés ci-dessous.</numerusform>
        </translation>
    </message>
    <message>
        <source>(The first %1 are listed.)</source>
        <translation>(Les %1 premiers sont listés.)</translation>
    </message>
    <message>
        <source>CSV files and workbooks (*.csv *.tsv *.txt *.xlsx)</source>
        <translation>Fichiers CSV et classeurs (*.csv *.tsv *.txt *.xlsx)</translation>
    </message>
</context>
<context>
    <name>agency::ui::KeyValueEdit</name>
    <message>
        <source>Metric</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a metric</source>
        <translation>Ajouter un indicateur</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected metric</source>
        <translation>Retirer l&apos;indicateur sélectionné</translation>
    </message>
</context>
<context>
    <name>agency::ui::KpiChart</name>
    <message>
        <source>Metric</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Atteinte</translation>
    </message>
    <message>
        <source>KPIs: attainment of target</source>
        <translation>KPI : atteinte de l&apos;objectif</translation>
    </message>
    <message>
        <source>%1 — KPIs: attainment of target</source>
        <translation>%1 — KPI : atteinte de l&apos;objectif</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Dans l&apos;objectif</translation>
    </message>
    <message>
        <source>Off track</source>
        <translation>Hors objectif</translation>
    </message>
    <message>
        <source> (lower is better)</source>
        <translation> (plus bas est meilleur)</translation>
    </message>
    <message>
        <source>Target (100 %)</source>
        <translation>Cible (100 %)</translation>
    </message>
    <message>
        <source>%1
target %2, actual %3</source>
        <translation>%1
cible %2, réel %3</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.d.</translation>
    </message>
    <message>
        <source>n/a: no target</source>
        <translation>n.d. : pas de cible</translation>
    </message>
    <message>
        <source>n/a: no actual yet</source>
        <translation>n.d. : pas encore de réel</translation>
    </message>
    <message>
        <source>n/a: actual is 0</source>
        <translation>n.d. : le réel est 0</translation>
    </message>
    <message>
        <source>n/a: target is 0</source>
        <translation>n.d. : la cible est 0</translation>
    </message>
</context>
<context>
    <name>agency::ui::ListEdit</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>New feature</source>
        <translation>Nouvelle prestation</translation>
    </message>
</context>
<context>
    <name>agency::ui::MainWindow</name>
    <message>
        <source>Agency OS</source>
        <translation>Agency OS</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>SLA tiers</source>
        <translation>Niveaux de SLA</translation>
    </message>
    <message>
        <source>Agency OS (read-only)</source>
        <translation>Agency OS (lecture seule)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Revert row</source>
        <translation>&amp;Rétablir la ligne</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>Res&amp;taurer</translation>
    </message>
    <message>
        <source>Show de&amp;leted</source>
        <translation>Afficher les supprimé&amp;s</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>Se &amp;connecter à…</translation>
    </message>
    <message>
        <source>Export the current view</source>
        <translation>Exporter la vue actuelle</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>Exported to %1.
Open the folder?</source>
        <translation>Exporté vers %1.
Ouvrir le dossier ?</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Agency OS</source>
        <translation>À &amp;propos d&apos;Agency OS</translation>
    </message>
    <message>
        <source>About Agency OS</source>
        <translation>À propos d&apos;Agency OS</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Agency OS %1&lt;/h3&gt;&lt;p&gt;Clients, campaigns, channels and budgets for agencies running Plane.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Agency OS %1&lt;/h3&gt;&lt;p&gt;Clients, campagnes, canaux et budgets pour les agences qui travaillent avec Plane.&lt;/p&gt;&lt;p&gt;Sous licence GNU GPL, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Read-only: </source>
        <translation>Lecture seule : </translation>
    </message>
    <message>
        <source>Connected to </source>
        <translation>Connecté à </translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 supprimé</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>You have changes that are not saved yet.</source>
        <translation>Vous avez des modifications qui ne sont pas encore enregistrées.</translation>
    </message>
    <message>
        <source>Save them before leaving?</source>
        <translation>Les enregistrer avant de quitter ?</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>Export failed, no file written: %1</source>
        <translation>Échec de l&apos;export, aucun fichier écrit : %1</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Connexion impossible</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Connection lost — retrying every few seconds; your edits are kept</source>
        <translation>Connexion perdue — nouvel essai toutes les quelques secondes ; vos modifications sont conservées</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1</source>
        <translation>La connexion à la base de données a été perdue : %1</translation>
    </message>
    <message>
        <source>Reconnected. Unsaved edits are still here: save them when ready.</source>
        <translation>Reconnecté. Les modifications non enregistrées sont toujours là : enregistrez-les quand vous êtes prêt.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Unsaved changes (Ctrl+S saves them)</source>
        <translation>Modifications non enregistrées (Ctrl+S les enregistre)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Bring back what was just deleted (Ctrl+Z)</source>
        <translation>Rétablir ce qui vient d&apos;être supprimé (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>· others&apos; changes checked every %n s</source>
        <translation>
            <numerusform>· modifications des autres vérifiées toutes les %n s</numerusform>
            <numerusform>· modifications des autres vérifiées toutes les %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available: %1. Other desktops&apos; changes are looked for every %n s instead.</source>
        <translation>
            <numerusform>L&apos;actualisation en direct n&apos;est pas disponible : %1. Les modifications des autres postes sont recherchées toutes les %n s à la place.</numerusform>
            <numerusform>L&apos;actualisation en direct n&apos;est pas disponible : %1. Les modifications des autres postes sont recherchées toutes les %n s à la place.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available (%1): other desktops&apos; changes are looked for every %n s instead.</source>
        <translation>
            <numerusform>L&apos;actualisation en direct n&apos;est pas disponible (%1) : les modifications des autres postes sont recherchées toutes les %n s à la place.</numerusform>
            <numerusform>L&apos;actualisation en direct n&apos;est pas disponible (%1) : les modifications des autres postes sont recherchées toutes les %n s à la place.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Agency OS speaks %1 from its next start. Restart it now?</source>
        <translation>Agency OS parlera %1 à partir de son prochain démarrage. Le redémarrer maintenant ?</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d&apos;utilisation</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) of type “%1” now “%2”</source>
        <translation>
            <numerusform>%n canal de type « %1 » désormais « %2 »</numerusform>
            <numerusform>%n canaux de type « %1 » désormais « %2 »</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Merge channel types…</source>
        <translation>&amp;Fusionner des types de canaux…</translation>
    </message>
    <message>
        <source>That record is no longer there (removed for good).</source>
        <translation>Cet enregistrement n’existe plus (retiré définitivement).</translation>
    </message>
    <message>
        <source>Recent &amp;changes…</source>
        <translation>Modifications &amp;récentes…</translation>
    </message>
    <message>
        <source>Record &amp;history</source>
        <translation>&amp;Historique de l’enregistrement</translation>
    </message>
    <message>
        <source>Client &amp;overview…</source>
        <translation>&amp;Vue d’ensemble du client…</translation>
    </message>
    <message>
        <source>Select a client on the Clients page first</source>
        <translation>Sélectionnez d’abord un client sur la page Clients</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Edits kept when Agency OS was last stopped could not be read: %1</source>
        <translation>Les modifications conservées au dernier arrêt d’Agency OS n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>Agency OS was stopped on %1 before these edits were saved. Take them back? They are written when you save.</source>
        <translation>Agency OS a été arrêté le %1 avant l’enregistrement de ces modifications. Les récupérer ? Elles seront écrites à l’enregistrement.</translation>
    </message>
    <message>
        <source>Take them back</source>
        <translation>Les récupérer</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Les abandonner</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with unsaved edits taken back: Save (Ctrl+S) writes them</source>
        <translation>
            <numerusform>%n ligne avec des modifications non enregistrées récupérée : Enregistrer (Ctrl+S) l’écrit</numerusform>
            <numerusform>%n lignes avec des modifications non enregistrées récupérées : Enregistrer (Ctrl+S) les écrit</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>Fichiers CSV (*.csv);;Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
</context>
<context>
    <name>agency::ui::MergeValuesDialog</name>
    <message>
        <source>Merge channel types</source>
        <translation>Fusionner des types de canaux</translation>
    </message>
    <message>
        <source>Every channel whose type is the first becomes the second, in one step; the other desktops see the change. Reports then count them as one type.</source>
        <translation>Chaque canal du premier type prend le second, en une seule étape ; les autres postes voient le changement. Les rapports les comptent alors comme un seul type.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>with</source>
        <translation>par</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
</context>
<context>
    <name>agency::ui::OptionalDateEdit</name>
    <message>
        <source>Has a date</source>
        <translation>A une date</translation>
    </message>
</context>
<context>
    <name>agency::ui::PacingPanel</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Spent / planned to date</source>
        <translation>Dépensé / prévu à ce jour</translation>
    </message>
    <message>
        <source>Budget runs out</source>
        <translation>Budget épuisé le</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>agency::ui::RecentChangesDialog</name>
    <message>
        <source>SLA tier</source>
        <translation>Niveau de SLA</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>Show &amp;older</source>
        <translation>Afficher les plus &amp;anciennes</translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation>Modifications récentes</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Toutes les tables</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Qui :</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Table :</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>C&amp;hamp :</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Any field</source>
        <translation>Tout champ</translation>
    </message>
    <message>
        <source>This database keeps no history you may read.</source>
        <translation>Cette base ne tient aucun historique que vous pouvez lire.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No changes match.</source>
        <translation>Aucune modification ne correspond.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n modification, la plus récente d’abord.</numerusform>
            <numerusform>%n modifications, la plus récente d’abord.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::RecordForm</name>
    <message>
        <source>Plane UUID, e.g. 3f2b6c1e-…</source>
        <translation>UUID Plane, p. ex. 3f2b6c1e-…</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>e.g. Harbour relaunch (else shown as client · type · start)</source>
        <translation>p. ex. Relance du port (sinon affichée comme client · type · début)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Type to find a campaign by name, client or type</source>
        <translation>Tapez pour trouver une campagne par nom, client ou type</translation>
    </message>
    <message>
        <source>The name of its Plane project: rename it in Plane</source>
        <translation>Le nom de son projet Plane : renommez-le dans Plane</translation>
    </message>
    <message>
        <source>Metadata below is not valid JSON: correct it, then name the campaign</source>
        <translation>Les métadonnées ci-dessous ne sont pas du JSON valide : corrigez-les, puis nommez la campagne</translation>
    </message>
    <message>
        <source>Did you mean “%1” (%2)? Another spelling of it splits the reports by type.</source>
        <translation>Vouliez-vous dire « %1 » (%2) ? Une autre orthographe divise les rapports par type.</translation>
    </message>
    <message>
        <source>Read-only: your database role may not change %1 (an administrator can grant it)</source>
        <translation>Lecture seule : votre rôle de base de données ne peut pas modifier %1 (un administrateur peut l’y autoriser)</translation>
    </message>
</context>
<context>
    <name>agency::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Ce qu&apos;elles font</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <source>The next or previous field of a form, in the order it is filled in</source>
        <translation>Le champ suivant ou précédent d&apos;un formulaire, dans l&apos;ordre où on le remplit</translation>
    </message>
    <message>
        <source>Down (in the search box)</source>
        <translation>Flèche bas (dans le champ de recherche)</translation>
    </message>
    <message>
        <source>Into the results, at the first match; Down and Up move through them</source>
        <translation>Dans les résultats, au premier trouvé ; les flèches bas et haut les parcourent</translation>
    </message>
    <message>
        <source>Enter (on a child row)</source>
        <translation>Entrée (sur une ligne enfant)</translation>
    </message>
    <message>
        <source>Open a client&apos;s campaign or a campaign&apos;s channel on its own page</source>
        <translation>Ouvrir la campagne d&apos;un client ou le canal d&apos;une campagne sur sa propre page</translation>
    </message>
    <message>
        <source>Enter, Right, Tab (in the KPI table)</source>
        <translation>Entrée, flèche droite, Tab (dans le tableau des KPI)</translation>
    </message>
    <message>
        <source>Name a metric, then go on to its value; Tab from the value leaves the table</source>
        <translation>Nommer un indicateur, puis passer à sa valeur ; Tab depuis la valeur quitte le tableau</translation>
    </message>
    <message>
        <source>Right-click a column header</source>
        <translation>Clic droit sur un en-tête de colonne</translation>
    </message>
    <message>
        <source>Show or hide columns</source>
        <translation>Afficher ou masquer des colonnes</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Cette liste</translation>
    </message>
    <message>
        <source>Dashboard, Clients, Campaigns, Channels, SLA tiers, Time</source>
        <translation>Tableau de bord, Clients, Campagnes, Canaux, Niveaux de SLA, Temps</translation>
    </message>
</context>
<context>
    <name>agency::ui::TablePage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <source>This database is open read-only</source>
        <translation>Cette base de données est ouverte en lecture seule</translation>
    </message>
    <message>
        <source>Could not add a row</source>
        <translation>Impossible d&apos;ajouter une ligne</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Changes to this row were reverted</source>
        <translation>Les modifications de cette ligne ont été annulées</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a deleted row to restore</source>
        <translation>Sélectionnez une ligne supprimée à restaurer</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Reading the rows for this search or sort…</source>
        <translation>Lecture des lignes pour cette recherche ou ce tri…</translation>
    </message>
    <message>
        <source>Reading rows</source>
        <translation>Lecture des lignes</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Nothing here matches “%1”.</source>
        <translation>Rien ici ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Rien ici pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Nothing here yet: Ctrl+N adds a row, Ctrl+I imports a CSV file.</source>
        <translation>Rien ici pour l&apos;instant : Ctrl+N ajoute une ligne, Ctrl+I importe un fichier CSV.</translation>
    </message>
    <message>
        <source>A row</source>
        <translation>Une ligne</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>“%1” was deleted on another desktop %2 while you were editing it. Your edits are kept: Save asks what to do with them, Discard lets them go.</source>
        <translation>« %1 » a été supprimé sur un autre poste %2 pendant que vous le modifiiez. Vos modifications sont conservées : Enregistrer demande quoi en faire, Abandonner les laisse partir.</translation>
    </message>
    <message>
        <source>“%1” was deleted on another desktop %2 (Show deleted lists it; Restore brings it back).</source>
        <translation>« %1 » a été supprimé sur un autre poste %2 (Afficher les supprimés le liste ; Restaurer le rétablit).</translation>
    </message>
    <message>
        <source>“%1” was changed on another desktop %2 while you were editing it. Its fields show their values with your edits over them; Save asks which to keep where you both changed a field.</source>
        <translation>« %1 » a été modifié sur un autre poste %2 pendant que vous le modifiiez. Ses champs montrent leurs valeurs avec vos modifications par-dessus ; Enregistrer demande quoi garder là où vous avez tous deux modifié un champ.</translation>
    </message>
    <message>
        <source>“%1” was changed on another desktop %2: the form shows the new values.</source>
        <translation>« %1 » a été modifié sur un autre poste %2 : le formulaire montre les nouvelles valeurs.</translation>
    </message>
    <message numerus="yes">
        <source>%n more row(s) here were changed on another desktop.</source>
        <translation>
            <numerusform>%n autre ligne ici a été modifiée sur un autre poste.</numerusform>
            <numerusform>%n autres lignes ici ont été modifiées sur un autre poste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: your database role&apos;s rights on this table could not be checked.</source>
        <translation>Lecture seule : les droits de votre rôle de base de données sur cette table n&apos;ont pas pu être vérifiés.</translation>
    </message>
    <message>
        <source>Read-only: this database is open read-only, nothing here can be changed.</source>
        <translation>Lecture seule : cette base de données est ouverte en lecture seule, rien ici ne peut être modifié.</translation>
    </message>
    <message>
        <source>Read-only: your database role may look at these rows but not change them. An administrator can grant it the right (INSERT, UPDATE).</source>
        <translation>Lecture seule : votre rôle de base de données peut consulter ces lignes mais pas les modifier. Un administrateur peut lui accorder ce droit (INSERT, UPDATE).</translation>
    </message>
    <message>
        <source>Your database role may add rows here but not change saved ones.</source>
        <translation>Votre rôle de base de données peut ajouter des lignes ici mais pas modifier celles enregistrées.</translation>
    </message>
    <message>
        <source>Your database role may change only: %1; the other fields are read-only.</source>
        <translation>Votre rôle de base de données ne peut modifier que : %1 ; les autres champs sont en lecture seule.</translation>
    </message>
    <message>
        <source>It may not add rows.</source>
        <translation>Il ne peut pas ajouter de lignes.</translation>
    </message>
    <message>
        <source>Your database role may change these rows but not add new ones.</source>
        <translation>Votre rôle de base de données peut modifier ces lignes mais pas en ajouter.</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 avec %2</translation>
    </message>
    <message>
        <source>%1 with %2 and %3</source>
        <translation>%1 avec %2 et %3</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) or Restore brings them back.</source>
        <translation>Annuler (Ctrl+Z) ou Restaurer les rétablit.</translation>
    </message>
    <message>
        <source>Showing only “%1”, opened from elsewhere: it lies far down this list.</source>
        <translation>Seul « %1 » est affiché, ouvert depuis ailleurs : il se trouve loin dans cette liste.</translation>
    </message>
    <message>
        <source>Save these figures?</source>
        <translation>Enregistrer ces chiffres ?</translation>
    </message>
    <message>
        <source>Before saving, is this what you meant?</source>
        <translation>Avant d&apos;enregistrer : est-ce bien ce que vous vouliez ?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message>
        <source>Go back and correct</source>
        <translation>Revenir et corriger</translation>
    </message>
    <message>
        <source>Not saved: correct the figure, or save again and confirm it</source>
        <translation>Non enregistré : corrigez le chiffre, ou enregistrez à nouveau et confirmez-le</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Who changed this record, when and what (Ctrl+Shift+Y)</source>
        <translation>Qui a modifié cet enregistrement, quand et quoi (Ctrl+Maj+Y)</translation>
    </message>
    <message>
        <source>%1 is now %2 (changed by %3, %4)</source>
        <translation>%1 vaut maintenant %2 (modifié par %3, %4)</translation>
    </message>
    <message>
        <source>Changed again since</source>
        <translation>Modifié de nouveau depuis</translation>
    </message>
    <message>
        <source>Since this change, the record was changed again:</source>
        <translation>Depuis cette modification, l’enregistrement a été modifié de nouveau :</translation>
    </message>
    <message>
        <source>Put the older value back anyway?</source>
        <translation>Remettre quand même l’ancienne valeur ?</translation>
    </message>
    <message>
        <source>Revert anyway</source>
        <translation>Rétablir quand même</translation>
    </message>
    <message>
        <source>Some columns are hidden: your database role may not read %1.</source>
        <translation>Certaines colonnes sont masquées : votre rôle de base de données ne peut pas lire %1.</translation>
    </message>
</context>
<context>
    <name>agency::ui::UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Finding a row&lt;/h3&gt;&lt;p&gt;Ctrl+F searches the page for what its table shows: names, types, notes, the client of a campaign. The first match is selected; Down goes into the results. Click a column header to sort by it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trouver une ligne&lt;/h3&gt;&lt;p&gt;Ctrl+F cherche dans la page ce que montre son tableau : noms, types, notes, le client d&apos;une campagne. Le premier résultat est sélectionné ; la flèche bas entre dans les résultats. Un clic sur un en-tête de colonne trie selon elle.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Editing&lt;/h3&gt;&lt;p&gt;Ctrl+N adds a row, Tab moves from field to field, Ctrl+S saves every page&apos;s edits. Nothing is lost by changing rows or pages; closing the window asks about unsaved edits. If someone else saved the same record first, you see both versions and choose.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Modifier&lt;/h3&gt;&lt;p&gt;Ctrl+N ajoute une ligne, Tab passe d&apos;un champ à l&apos;autre, Ctrl+S enregistre les modifications de toutes les pages. Rien ne se perd en changeant de ligne ou de page ; fermer la fenêtre demande quoi faire des modifications non enregistrées. Si quelqu&apos;un d&apos;autre a enregistré la même fiche avant vous, vous voyez les deux versions et choisissez.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Money&lt;/h3&gt;&lt;p&gt;Amounts are typed as your language writes them and kept exactly, to the cent. A field left empty stays empty: it is not a zero.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Argent&lt;/h3&gt;&lt;p&gt;Les montants se saisissent comme votre langue les écrit et sont gardés exactement, au centime près. Un champ laissé vide reste vide : ce n&apos;est pas un zéro.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Budgets and the dashboard&lt;/h3&gt;&lt;p&gt;A campaign&apos;s channels share its budget by percentage or a fixed amount; the campaign&apos;s page shows the split, what is unallocated, and its KPIs against their targets. The dashboard (Ctrl+1) shows allocated, spent and remaining for the filter you choose, the campaigns that need attention, and writes the finance review as PDF or CSV.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Budgets et tableau de bord&lt;/h3&gt;&lt;p&gt;Les canaux d&apos;une campagne se partagent son budget par pourcentage ou montant fixe ; la page de la campagne montre la répartition, ce qui n&apos;est pas alloué et ses KPI face à leurs objectifs. Le tableau de bord (Ctrl+1) montre l&apos;alloué, le dépensé et le restant pour le filtre choisi, les campagnes à surveiller, et écrit la revue financière en PDF ou CSV.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Files&lt;/h3&gt;&lt;p&gt;Ctrl+E exports the current view to CSV; Ctrl+I imports a CSV file, after a dry run that lists every problem by line. An import is all or nothing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Fichiers&lt;/h3&gt;&lt;p&gt;Ctrl+E exporte la vue courante en CSV ; Ctrl+I importe un fichier CSV, après un essai à blanc qui liste chaque problème avec sa ligne. Une importation se fait entièrement ou pas du tout.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deleting&lt;/h3&gt;&lt;p&gt;Delete removes a row softly, with what belongs to it; Undo delete in the status bar or Ctrl+Z brings it back, and Ctrl+Shift+D shows deleted rows to restore them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Supprimer&lt;/h3&gt;&lt;p&gt;Suppr retire une ligne en douceur, avec ce qui lui appartient ; « Annuler la suppression » dans la barre d&apos;état ou Ctrl+Z la ramène, et Ctrl+Maj+D montre les lignes supprimées pour les restaurer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Agency OS in five minutes&lt;/h2&gt;&lt;p&gt;Agency OS keeps your clients, their campaigns, the campaigns&apos; channels, the SLA tiers and the hours worked for each client beside Plane&apos;s own data. Each has a page (Ctrl+1 to Ctrl+6): a table on the left, the selected row&apos;s form on the right.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Agency OS en cinq minutes&lt;/h2&gt;&lt;p&gt;Agency OS tient vos clients, leurs campagnes, les canaux des campagnes, les niveaux de SLA et les heures travaillées pour chaque client à côté des données de Plane. Chacun a sa page (Ctrl+1 à Ctrl+6) : un tableau à gauche, le formulaire de la ligne choisie à droite.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>agency::ui::WorkPanel</name>
    <message>
        <source>Issues done: %1 of %2 (%3)</source>
        <translation>Tâches terminées : %1 sur %2 (%3)</translation>
    </message>
    <message>
        <source>Estimate points done: %1 of %2 (%3)</source>
        <translation>Points d’estimation terminés : %1 sur %2 (%3)</translation>
    </message>
    <message>
        <source>Counted: not deleted, archived, drafts, in triage or cancelled.</source>
        <translation>Comptées : ni supprimées, ni archivées, ni brouillons, ni en triage, ni annulées.</translation>
    </message>
    <message>
        <source>Budget spent: %1</source>
        <translation>Budget dépensé : %1</translation>
    </message>
    <message>
        <source>Time elapsed: %1</source>
        <translation>Temps écoulé : %1</translation>
    </message>
    <message>
        <source>The spend runs ahead of the work: %1 of the budget spent for %2 of the work done.</source>
        <translation>La dépense devance le travail : %1 du budget dépensé pour %2 du travail fait.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation>Base de données : postgresql://…, sqlite:CHEMIN ou FICHIER.db.</translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1).</source>
        <translation>Messages sur stderr à partir de ce niveau (%1).</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (voir --help)</translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation>--log-level doit être l&apos;une de ces valeurs : %1</translation>
    </message>
    <message>
        <source>Agency OS</source>
        <translation>Agency OS</translation>
    </message>
    <message>
        <source>Newer schema</source>
        <translation>Schéma plus récent</translation>
    </message>
    <message>
        <source>The Agency OS schema in this database is newer than this app. It opens read-only; update Agency OS to edit.</source>
        <translation>Le schéma d&apos;Agency OS dans cette base de données est plus récent que cette application. Elle s&apos;ouvre en lecture seule ; mettez à jour Agency OS pour modifier.</translation>
    </message>
    <message>
        <source>An applied migration in this database differs from this app&apos;s copy: run agency-os migrate status</source>
        <translation>Une migration appliquée dans cette base de données diffère de la copie de cette application : exécutez agency-os migrate status</translation>
    </message>
    <message>
        <source>The Agency OS schema in this database is not up to date (this app needs version %1). Ask an administrator to run: agency-os migrate up</source>
        <translation>Le schéma d&apos;Agency OS dans cette base de données n&apos;est pas à jour (cette application a besoin de la version %1). Demandez à un administrateur d&apos;exécuter : agency-os migrate up</translation>
    </message>
    <message>
        <source>Upgrade the schema?</source>
        <translation>Mettre à jour le schéma ?</translation>
    </message>
    <message>
        <source>The Agency OS tables in %1 are not up to date (this app needs version %2). Other desktops share this database: upgrade it now?</source>
        <translation>Les tables d&apos;Agency OS dans %1 ne sont pas à jour (cette application a besoin de la version %2). D&apos;autres postes partagent cette base de données : la mettre à jour maintenant ?</translation>
    </message>
    <message>
        <source>The schema was not upgraded</source>
        <translation>Le schéma n&apos;a pas été mis à jour</translation>
    </message>
    <message>
        <source>Agency OS desktop: clients, campaigns, channels and budgets over Plane.

Commands (each has --help):
  agency-os migrate status|up|down [--to N] [--db DSN]
  agency-os export sla-tiers|clients|campaigns|channels [--db DSN] [--output FILE|-] [--include-deleted]
                   [--delimiter comma|semicolon|tab] [--bom] [--no-formula-guard]
  agency-os import sla-tiers|clients|campaigns|channels --input FILE|- [--db DSN] [--dry-run]
                   [--delimiter comma|semicolon|tab]
  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed S]
  agency-os chart budget-split|kpi --campaign ID --output FILE.png|FILE.svg [--db DSN] [--size WxH]
  agency-os report finance --output FILE [--format pdf|csv] [--db DSN] [--client ID] [--status S]
  agency-os history [--table T] [--id ID] [--since DATE] [--until DATE] [--db DSN] --format csv|json
                    --output FILE|-
  agency-os history prune --before DATE [--db DSN]</source>
        <translation>Agency OS bureau : clients, campagnes, canaux et budgets sur Plane.

Commandes (chacune a --help) :
  agency-os migrate status|up|down [--to N] [--db DSN]
  agency-os export sla-tiers|clients|campaigns|channels [--db DSN] [--output FICHIER|-] [--include-deleted]
                   [--delimiter comma|semicolon|tab] [--bom] [--no-formula-guard]
  agency-os import sla-tiers|clients|campaigns|channels --input FICHIER|- [--db DSN] [--dry-run]
                   [--delimiter comma|semicolon|tab]
  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed S]
  agency-os chart budget-split|kpi --campaign ID --output FICHIER.png|FICHIER.svg [--db DSN] [--size LxH]
  agency-os report finance --output FICHIER [--format pdf|csv] [--db DSN] [--client ID] [--status S]
  agency-os history [--table T] [--id ID] [--since DATE] [--until DATE] [--db DSN] --format csv|json
                    --output FICHIER|-
  agency-os history prune --before DATE [--db DSN]</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; the commands are: migrate, export, import, demo-data, chart, report, history</source>
        <translation>commande inconnue « %1 » ; les commandes sont : migrate, export, import, demo-data, chart, report, history</translation>
    </message>
</context>
</TS>
