// Word lists for the boilerplate classifier. Each is used as one graded feature (a share of a
// block's words), never as a list of phrases to delete.

/** Interface words of web pages (EN, DE, FR, ES, PL): one feature among several, never a verdict alone. */
export const UI_WORDS = new Set(
  (
    'share shares shared sharing comment comments commenting reply replies print printer email e-mail mail bookmark bookmarks ' +
    'advertisement advertisements advertising ad ads sponsored promoted related subscribe subscription subscribers newsletter ' +
    'newsletters rss feed login logout log sign signup register username password required enter words captcha font size ' +
    'adjust forum follow twitter facebook instagram linkedin whatsapp pinterest youtube telegram reddit tweet tweets tags ' +
    'tag menu home next previous prev back top click tap cookie cookies privacy policy terms copyright rights reserved ' +
    'read more continue reading view gallery photos photo video videos loading search skip navigation toggle close ' +
    'download app apps mobile contact permalink posted post posts newer older archive archives categories category labels ' +
    'stories send add submit join conversation recommended popular trending most comment(s) editor picks sitemap imprint ' +
    'impressum datenschutz kontakt teilen drucken kommentar kommentare kommentieren weiterlesen mehr zum thema anzeige ' +
    'fotos foto fotoalbum album bilder bildergalerie startseite suche anmelden abmelden newsletter zurück nach oben ' +
    'werbung artikel zusätzliche materialien such-tools datumsangaben herunterladen bewerten eingeloggt einloggen ' +
    'registrieren registriert interessieren weitere empfehlungen favorisieren lesen klicken abonnieren ' +
    'kontaktformular hier dowiedz więcej czytaj też zapraszamy subskrypcji udostępnij ' +
    'signing latest miss unsubscribe inbox sign-up signup donate donation gelesen infos ausblenden einblenden ' +
    'versäumen inhaltsverzeichnis autor autorin quelle quellen externer diskutiert meist-diskutiert ' +
    'produkttest produkttests audios vidéos sujet similar überblick ' +
    'partager imprimer commentaires commentaire publicité accueil rechercher lire aussi suivez-nous ' +
    'compartir imprimir comentarios publicidad inicio buscar'
  ).split(' '),
);

/** Frequent function words, excluded when measuring how much of a block is interface vocabulary. */
export const FUNCTION_WORDS = new Set(
  ('a an the of to in on at for by with and or but is are was were be been it its this that these those ' +
    'i he she they them his her their have has had will would can could do does did not so if than also ' +
    'your our you we us no only all from up as im about into over after ' +
    'der die das und zu von mit den des dem ein eine einen einem einer im am um für auf aus bei über unter nach vor ' +
    'oder aber wenn dass ist sind war hat haben wird werden kann könnte sein sie ihr ich du dich dir wir uns er es ' +
    'auch noch nur schon so wie was wer dieser diese dieses sich nicht ' +
    'le la les de du et en un une des au aux sur pour par dans avec est sont ne pas je tu il elle nous vous ils ' +
    'el los y por para con del al es se lo su')
    .split(' '),
);

/**
 * Words of calls to action and site disclosures ("subscribe", "download the app", "affiliate links",
 * "copyrighted"): a sentence naming several of them, or telling the reader to do one, speaks about
 * the site, not the story. Graded in boilerplate.ts; never a phrase list.
 */
export const CALL_WORDS = new Set(
  (
    'subscribe subscribed subscriber subscribers subscription subscriptions newsletter newsletters signup sign-up signing ' +
    'login log-in register download downloads app apps follow donate donation donations click tap share inbox unsubscribe ' +
    'advertise advertising advertisers advertiser compensation affiliate sponsored copyright copyrighted permission reprint ' +
    'disclaimer disclosure paywall membership twitter facebook instagram whatsapp telegram youtube cookies ' +
    'abonnieren abonniere abonniert abonnement abo newsletter registrieren registriere registriert einloggen eingeloggt ' +
    'herunterladen folgen folgt spende spenden teilen teile klicken klicke kommentar kommentare kommentieren werbung ' +
    'provision affiliate-links urheberrecht lizenz gewähr datenschutzerklärung verpassen ' +
    'suscríbete suscribirse suscripción suscriptores boletín únete descarga descargar síguenos comparte publicidad miembro ' +
    'abonnez-vous abonnez abonnement inscrivez-vous téléchargez suivez-nous partagez publicité ' +
    'subskrypcji zapraszamy autorskim'
  ).split(' '),
);

/** Calls to action usually open on their verb: "Subscribe now", "Follow us", "Abonnieren Sie", "Únete". */
export const CALL_VERBS = new Set(
  (
    'subscribe sign download follow donate click tap share join register get receive help ' +
    'abonnieren abonniere folge folgen teile teilen klicke klicken registriere registrieren lade melde spende unterstütze unterstützen ' +
    'suscríbete únete descarga síguenos comparte abonnez-vous inscrivez-vous téléchargez suivez-nous partagez'
  ).split(' '),
);

/** Addressing the reader: second person (German formal "Sie"/"Ihr" is recognised by its capital, in boilerplate.ts). */
export const READER_WORDS = new Set(
  'you your yours yourself du dich dir dein deine deinen deinem deiner euch euer eure euren eurem tú tu te usted ustedes vous votre vos'.split(' '),
);
