//! The command line's help texts in Dutch, by their English (the clap
//! definition in `cli::args` is the English). A test in `cli::localize`
//! fails for any help text without its Dutch here.

/// clap's help layout with Dutch headings.
pub const TEMPLATE_NL: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";
pub const COMMANDS_NL: &str = "Opdrachten";
pub const COMMAND_NL: &str = "OPDRACHT";
pub const OPTIONS_NL: &str = "Opties";
pub const ARGUMENTS_NL: &str = "Argumenten";

/// What clap writes as `[default: md] [possible values: json, md]`.
pub fn values_nl(possible: &[String], default: &[String]) -> String {
    let mut s = String::new();
    if !possible.is_empty() {
        s += &format!(" [mogelijk: {}]", possible.join(", "));
    }
    if !default.is_empty() {
        s += &format!(" [standaard: {}]", default.join(", "));
    }
    s
}

pub fn dutch(en: &str) -> Option<&'static str> {
    HELP.iter().find(|(e, _)| *e == en).map(|(_, nl)| *nl)
}

/// (English, Dutch).
const HELP: &[(&str, &str)] = &[
    (
        "A category of data affected (repeat for more; replaces the list)",
        "Een soort gegevens die getroffen is (herhaal voor meer; vervangt de lijst)",
    ),
    (
        "A column the header names differently: COLUMN=FIELD (email, name, first_name, infix, last_name, phone, organisation, date, ignore); may be repeated",
        "Een kolom die de kopregel anders noemt: KOLOM=VELD (email, name, first_name, infix, last_name, phone, organisation, date, ignore); mag herhaald worden",
    ),
    (
        "A fresh vault with fictional demo data, opened in the UI",
        "Een nieuwe kluis met verzonnen demogegevens, geopend in de interface",
    ),
    (
        "A public communication instead of informing each (art. 34(3)(c))",
        "Een openbare mededeling in plaats van ieder apart te informeren (art. 34 lid 3 sub c)",
    ),
    (
        "Access export (GDPR art. 15 and 20): everything about one person",
        "Inzage-export (AVG art. 15 en 20): alles over één persoon",
    ),
    (
        "Also record the answers on this breach (ticks the assessment step)",
        "Leg de antwoorden ook vast bij dit datalek (vinkt de stap beoordeling af)",
    ),
    (
        "An art. 9/10 category: racial_or_ethnic_origin, political_opinions, religious_or_philosophical_beliefs, trade_union_membership, genetic, biometric, health, sex_life_or_orientation, criminal (repeat; replaces the list)",
        "Een categorie van art. 9/10: racial_or_ethnic_origin, political_opinions, religious_or_philosophical_beliefs, trade_union_membership, genetic, biometric, health, sex_life_or_orientation, criminal (herhaal; vervangt de lijst)",
    ),
    (
        "Approximate number of people affected",
        "Geschat aantal getroffen personen",
    ),
    (
        "Approximate number of records affected",
        "Geschat aantal getroffen records",
    ),
    (
        "CSV for the newsletter tool: email,name,source,subscribed_on",
        "CSV voor het nieuwsbriefprogramma: email,name,source,subscribed_on",
    ),
    (
        "Change the entered fields of a breach; what is not given stays",
        "Wijzig ingevulde velden van een datalek; wat niet gegeven wordt, blijft",
    ),
    (
        "Change the passphrase (prompts when no file is given)",
        "Wijzig de wachtwoordzin (vraagt erom als er geen bestand gegeven is)",
    ),
    (
        "Contact person for the AP (the coach)",
        "Contactpersoon voor de AP (de coach)",
    ),
    (
        "Counts, expired records, upcoming deadlines, open requests and breaches",
        "Aantallen, verlopen records, komende termijnen, open verzoeken en datalekken",
    ),
    ("Create an empty vault", "Maak een lege kluis"),
    (
        "Data breaches: the register, the risk assessment, the AP notification draft",
        "Datalekken: het register, de risicobeoordeling, het concept van de melding aan de AP",
    ),
    (
        "Decrypt every record and verify the audit chain",
        "Ontsleutel elk record en controleer de auditketen",
    ),
    (
        "Delete expired records for good (crypto-shredded), in one change",
        "Verwijder verlopen records definitief (crypto-shredding), in één wijziging",
    ),
    ("Do not ask for confirmation", "Vraag niet om bevestiging"),
    (
        "Encrypted case manager for a coaching practice, with retention deadlines built in",
        "Versleuteld dossierbeheer voor een coachingspraktijk, met de bewaartermijnen ingebouwd",
    ),
    (
        "Erasure request (GDPR art. 17): a person and what exists only through them",
        "Verwijderverzoek (AVG art. 17): een persoon en wat alleen via hem of haar bestaat",
    ),
    (
        "Every record about a person, with purposes, retention, rights and the AP's details",
        "Elk record over een persoon, met doelen, bewaartermijnen, rechten en de gegevens van de AP",
    ),
    (
        "Every record whose retention deadline has come",
        "Elk record waarvan de bewaartermijn verstreken is",
    ),
    (
        "How many days ahead (default 90)",
        "Hoeveel dagen vooruit (standaard 90)",
    ),
    (
        "How the data was made unintelligible (encryption, hashing)",
        "Hoe de gegevens onleesbaar gemaakt zijn (versleuteling, hashing)",
    ),
    (
        "How the people were informed (with people_informed)",
        "Hoe de betrokkenen geïnformeerd zijn (bij people_informed)",
    ),
    (
        "Import records from a JSON file, or people or subscribers from a CSV; all or nothing",
        "Importeer records uit een JSON-bestand, of personen of abonnees uit een CSV; alles of niets",
    ),
    (
        "International aspects: people in other EU/EEA countries, other authorities told",
        "Internationale aspecten: betrokkenen in andere EU/EER-landen, andere toezichthouders ingelicht",
    ),
    (
        "Language of the interface: nl or en (default: from config.toml, else LANG)",
        "Taal van de interface: nl of en (standaard: uit config.toml of LANG)",
    ),
    (
        "Mark a checklist step done (now, or --at); `closed` closes the breach",
        "Vink een stap van de checklist af (nu, of --at); `closed` sluit het datalek",
    ),
    (
        "Measures to prevent it happening again",
        "Maatregelen om herhaling te voorkomen",
    ),
    (
        "Only create the vault and print where it is",
        "Maak alleen de kluis en toon waar hij staat",
    ),
    ("Only list what would go", "Toon alleen wat zou verdwijnen"),
    ("Other remarks for the AP", "Overige opmerkingen voor de AP"),
    (
        "Other sensitive data: coaching_content, questionnaire_results, financial, identity_numbers, login_details (repeat; replaces the list)",
        "Andere gevoelige gegevens: coaching_content, questionnaire_results, financial, identity_numbers, login_details (herhaal; vervangt de lijst)",
    ),
    (
        "Overwrite FILE if it exists",
        "Overschrijf BESTAND als het al bestaat",
    ),
    ("Print help", "Toon de hulp"),
    (
        "Print the configuration in effect, as a config.toml would write it",
        "Toon de instellingen die gelden, zoals een config.toml ze schrijft",
    ),
    (
        "Print this message or the help of the given subcommand(s)",
        "Toon deze hulp of de hulp bij de gegeven opdracht(en)",
    ),
    ("Print version", "Toon de versie"),
    (
        "Print where config.toml is read from",
        "Toon waar config.toml gelezen wordt",
    ),
    (
        "Read assessment answers (JSON) on stdin and print the recommendation",
        "Lees antwoorden van de beoordeling (JSON) van stdin en toon het advies",
    ),
    (
        "Read the passphrase from the first line of FILE",
        "Lees de wachtwoordzin van de eerste regel van BESTAND",
    ),
    (
        "Read the settings from FILE instead of config.toml in the platform config folder",
        "Lees de instellingen uit BESTAND in plaats van config.toml in de configuratiemap van het systeem",
    ),
    (
        "Record why the AP or the people affected are not notified or informed",
        "Leg vast waarom de AP of de betrokkenen niet ingelicht worden",
    ),
    (
        "Register a breach; the 72-hour clock starts at its discovery",
        "Registreer een datalek; de klok van 72 uur loopt vanaf de ontdekking",
    ),
    (
        "Remove a person and what exists only through them, in one change",
        "Verwijder een persoon en wat alleen via hem of haar bestaat, in één wijziging",
    ),
    (
        "Remove addresses from the list; only a keyed hash is kept so they are not re-added",
        "Haal adressen van de lijst; alleen een sleutel-hash blijft, zodat ze niet opnieuw toegevoegd worden",
    ),
    (
        "Replace the fields a JSON file gives (DESIGN.md §13.2); the others stay",
        "Vervang de velden die een JSON-bestand geeft (DESIGN.md §13.2); de andere blijven",
    ),
    (
        "Shell completions for bash, zsh or fish, on standard output",
        "Aanvullingen voor bash, zsh of fish, op de standaarduitvoer",
    ),
    (
        "Subscribers: the evidence of that consent, for the whole file",
        "Abonnees: het bewijs van die toestemming, voor het hele bestand",
    ),
    (
        "Subscribers: where the whole file's consent was given",
        "Abonnees: waar de toestemming van het hele bestand gegeven is",
    ),
    (
        "The AP's reference (with authority_notified)",
        "Het kenmerk van de AP (bij authority_notified)",
    ),
    (
        "The AP's reference of the earlier notification (with --notification follow-up)",
        "Het kenmerk van de AP van de eerdere melding (bij --notification follow-up)",
    ),
    (
        "The breach id (`kluis breach list` shows them)",
        "Het nummer van het datalek (`kluis breach list` toont ze)",
    ),
    (
        "The breach register of GDPR art. 33(5): every breach with its facts, effects, measures and decisions (Markdown unless --json or --csv)",
        "Het datalekregister van AVG art. 33 lid 5: elk datalek met feiten, gevolgen, maatregelen en besluiten (Markdown, tenzij --json of --csv)",
    ),
    (
        "The breach register with the 72-hour clocks",
        "Het datalekregister met de klokken van 72 uur",
    ),
    (
        "The coming deadline days as an iCalendar file (no personal data)",
        "De komende termijndagen als iCalendar-bestand (zonder persoonsgegevens)",
    ),
    (
        "The configuration in effect, and where config.toml is read from",
        "De instellingen die gelden, en waar config.toml gelezen wordt",
    ),
    (
        "The fewest people affected",
        "Het kleinste aantal getroffen personen",
    ),
    (
        "The mailing list: CSV for the newsletter tool, unsubscribe",
        "De e-maillijst: CSV voor het nieuwsbriefprogramma, afmelden",
    ),
    (
        "The manual page (roff) on standard output: `kluis man | man -l -`",
        "De handleiding (roff) op de standaarduitvoer: `kluis man | man -l -`",
    ),
    (
        "The most people affected",
        "Het grootste aantal getroffen personen",
    ),
    (
        "The notification draft for the AP, in Markdown",
        "Het concept van de melding aan de AP, in Markdown",
    ),
    (
        "The person's id, or their e-mail address",
        "Het nummer van de persoon, of het e-mailadres",
    ),
    (
        "The practice profile: name, contact details, processors, shorter retention periods",
        "Het praktijkprofiel: naam, contactgegevens, verwerkers, kortere bewaartermijnen",
    ),
    (
        "The practice's e-mail address, for the practice profile (asked on a terminal when not given)",
        "Het e-mailadres van de praktijk, voor het praktijkprofiel (gevraagd op een terminal als het niet gegeven is)",
    ),
    (
        "The practice's name, for the practice profile (asked on a terminal when not given)",
        "De naam van de praktijk, voor het praktijkprofiel (gevraagd op een terminal als hij niet gegeven is)",
    ),
    (
        "The practice's name, contact details, processors and retention periods",
        "Naam, contactgegevens, verwerkers en bewaartermijnen van de praktijk",
    ),
    (
        "The step to undo (as for `tick`)",
        "De stap om ongedaan te maken (zoals bij `tick`)",
    ),
    (
        "The text sent to the people affected",
        "De tekst die naar de betrokkenen gestuurd is",
    ),
    (
        "The vault folder (default: KLUIS_VAULT, else the platform data folder)",
        "De map van de kluis (standaard: KLUIS_VAULT, anders de gegevensmap van het systeem)",
    ),
    (
        "Undo a checklist step; `closed` reopens the breach",
        "Maak een stap van de checklist ongedaan; `closed` heropent het datalek",
    ),
    (
        "What the CSV holds (default: subscribers when --source is given, else people)",
        "Wat de CSV bevat (standaard: abonnees als --source gegeven is, anders personen)",
    ),
    (
        "When informing the people is planned, RFC 3339",
        "Wanneer het informeren van de betrokkenen gepland is, RFC 3339",
    ),
    (
        "When it was discovered, RFC 3339 (default: now)",
        "Wanneer het ontdekt is, RFC 3339 (standaard: nu)",
    ),
    (
        "When it was done, RFC 3339 (default: now)",
        "Wanneer het gedaan is, RFC 3339 (standaard: nu)",
    ),
    (
        "When the breach ended, RFC 3339",
        "Wanneer het datalek eindigde, RFC 3339",
    ),
    (
        "When the breach started, RFC 3339",
        "Wanneer het datalek begon, RFC 3339",
    ),
    (
        "Whether a processor was involved",
        "Of er een verwerker bij betrokken was",
    ),
    (
        "Whether the breach is still going on",
        "Of het datalek nog doorgaat",
    ),
    (
        "Which processor (implies --processor-involved true)",
        "Welke verwerker (betekent --processor-involved true)",
    ),
    (
        "Who is affected: participants, requesters, prospects, subscribers, team_members, other (repeat; replaces the list)",
        "Wie getroffen is: participants, requesters, prospects, subscribers, team_members, other (herhaal; vervangt de lijst)",
    ),
    (
        "Why the AP is notified after the 72 hours",
        "Waarom de AP na de 72 uur ingelicht wordt",
    ),
    (
        "Write it to FILE (created with mode 0600) instead of stdout",
        "Schrijf het naar BESTAND (gemaakt met modus 0600) in plaats van stdout",
    ),
    (
        "Write to FILE (mode 0600) instead of standard output",
        "Schrijf naar BESTAND (modus 0600) in plaats van de standaarduitvoer",
    ),
    (
        "Write to FILE instead of standard output",
        "Schrijf naar BESTAND in plaats van de standaarduitvoer",
    ),
    (
        "authority_notified or people_informed",
        "authority_notified of people_informed",
    ),
    (
        "expert_contacted, nature_and_cause_established, action_plan_made, assessed, authority_notified, people_informed, action_plan_executed or closed",
        "expert_contacted, nature_and_cause_established, action_plan_made, assessed, authority_notified, people_informed, action_plan_executed of closed",
    ),
    (
        "json (machine-readable) or md (readable Markdown)",
        "json (voor programma's) of md (leesbare Markdown)",
    ),
    (
        "new, or follow-up (an addition to an earlier notification)",
        "new, of follow-up (een aanvulling op een eerdere melding)",
    ),
    (
        "physical, material or immaterial (repeat; replaces the list)",
        "physical, material of immaterial (herhaal; vervangt de lijst)",
    ),
    (
        "read, copied, altered, deleted, destroyed, stolen, lost or other (repeat; replaces the list)",
        "read, copied, altered, deleted, destroyed, stolen, lost of other (herhaal; vervangt de lijst)",
    ),
    (
        "A file to hold (any type, at most 2 GiB); may be given more than once",
        "Een bestand om te bewaren (elk soort, hoogstens 2 GiB); mag vaker gegeven worden",
    ),
    (
        "A new document with a text, files, or both",
        "Een nieuw document met een tekst, bestanden of allebei",
    ),
    (
        "Add files to a document, all or none",
        "Voeg bestanden toe aan een document, alle of geen",
    ),
    (
        "Documents with their files: add, attach, list, get, detach",
        "Documenten met hun bestanden: add, attach, list, get, detach",
    ),
    (
        "Every document with its files: name, size, SHA-256, type",
        "Elk document met zijn bestanden: naam, grootte, SHA-256, soort",
    ),
    ("Print {\"id\": \"…\"}", "Toon {\"id\": \"…\"}"),
    (
        "Remove a file from a document, for good",
        "Verwijder een bestand uit een document, definitief",
    ),
    (
        "Replace a file that exists at PATH",
        "Vervang een bestand dat al op PAD staat",
    ),
    (
        "The document's text, from a UTF-8 file",
        "De tekst van het document, uit een UTF-8-bestand",
    ),
    (
        "The file's name; without it, every file goes into the folder --out",
        "De naam van het bestand; zonder naam gaan alle bestanden naar de map --out",
    ),
    (
        "The participant's id or e-mail address",
        "Het nummer of e-mailadres van de deelnemer",
    ),
    (
        "Where to write: a new file, or a folder",
        "Waar het heen moet: een nieuw bestand, of een map",
    ),
    (
        "Write a file of a document (mode 0600), only once every chunk verified",
        "Schrijf een bestand van een document weg (modus 0600), pas als elk blok gecontroleerd is",
    ),
    (
        "The practice's privacy statement, from the rules kluis enforces and the practice profile",
        "De privacyverklaring van de praktijk, uit de regels die kluis handhaaft en het praktijkprofiel",
    ),
    (
        "The record of processing activities (GDPR art. 30(1)), from the rules kluis enforces",
        "Het register van verwerkingsactiviteiten (AVG art. 30 lid 1), uit de regels die kluis handhaaft",
    ),
    (
        "Disclosures to third parties, only against an active consent (P6)",
        "Verstrekkingen aan derden, alleen bij een geldige toestemming (P6)",
    ),
    (
        "One encrypted backup file, readable with the vault's passphrase, with a destroy-by date",
        "Eén versleuteld back-upbestand, te lezen met de wachtwoordzin van de kluis, met een vernietigdatum",
    ),
    (
        "Record a disclosure; refused without an active consent for that recipient (P6)",
        "Leg een verstrekking vast; geweigerd zonder geldige toestemming voor die ontvanger (P6)",
    ),
    (
        "Restore a backup into a new folder (--vault DIR), without what expired since",
        "Zet een back-up terug in een nieuwe map (--vault MAP), zonder wat sindsdien verlopen is",
    ),
    (
        "The backup file to write (mode 0600)",
        "Het back-upbestand om te schrijven (modus 0600)",
    ),
    (
        "The day it was disclosed (YYYY-MM-DD; default today)",
        "De dag van de verstrekking (JJJJ-MM-DD; standaard vandaag)",
    ),
    (
        "The person's id or e-mail address",
        "Het nummer of e-mailadres van de persoon",
    ),
    ("What was disclosed", "Wat er verstrekt is"),
    (
        "Who received it, as named in the consent",
        "Wie het ontving, zoals genoemd in de toestemming",
    ),
    (
        "Print help (see a summary with '-h')",
        "Toon de hulp (een samenvatting met '-h')",
    ),
    (
        "Print help (see more with '--help')",
        "Toon de hulp (meer met '--help')",
    ),
    (
        "json (machine-readable), md (readable Markdown), or zip (both and the person's files; needs --out)",
        "json (voor programma's), md (leesbare Markdown) of zip (allebei en de bestanden van de persoon; vraagt --out)",
    ),
    (
        "Leave other people's names found in the texts as they are",
        "Laat namen van andere personen in de teksten staan zoals ze zijn",
    ),
    (
        "Replace other people's names found in the texts without asking",
        "Vervang namen van andere personen in de teksten zonder te vragen",
    ),
];
