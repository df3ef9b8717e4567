/**
 * Everything the customer reads at the kiosk, in every language it speaks. English is written out
 * here; every other language must give the same keys (the type says so, and i18n.test.ts checks
 * that no entry is empty or left in English by mistake). `{name}` placeholders are filled by `t`.
 * The staff-only screens (pairing, the staff exit) stay in English: the customer never sees them.
 *
 * No imports, so the e2e tests can read the Spanish names of the controls from here; the test
 * checks that the languages are the contract's KIOSK_LANGUAGES.
 */
const en = {
  'language.en': 'English',
  'language.es': 'Español',
  'language.choose': 'Language',

  'action.continue': 'Continue',
  'action.back': 'Back',
  'action.startOver': 'Start over',
  'action.checkIn': 'Check in',
  'action.checkingIn': 'Checking you in…',
  'action.done': 'Done',
  'action.deleteDigit': 'Delete',

  'welcome.heading': 'Welcome to {shop}',
  'welcome.lead': 'Check in here. It takes about a minute.',
  'welcome.appointment': 'I have an appointment',
  'welcome.walkIn': 'Walk-in',

  'phone.heading': 'What is your phone number?',
  'phone.label': 'Phone number',
  'phone.scanQr': 'Scan the QR from your reminder',
  'phone.keypad': 'Number keys',

  'fact.heading': 'Your last name or your plate',
  'fact.label': 'Last name or plate',
  'fact.lead': 'We ask so nobody else can see your visit.',

  'scan.qrHeading': 'Hold the QR code from your reminder up to the camera',
  'scan.vinHeading': 'Hold the VIN barcode up to the camera',
  'scan.vinHint': 'It is on the driver’s door frame or at the bottom of the windshield.',
  'scan.starting': 'Starting the camera…',
  'scan.noCamera': 'The camera is not available. Please type it instead.',

  'matches.heading': 'Is this you?',
  'matches.none': 'None of these',
  'matches.yes': 'Yes, this is me',
  'matches.appointmentAt': 'Appointment at {time}',
  'matches.noAppointment': 'No appointment today: we will check you in as a walk-in.',

  'noMatch.heading': 'We could not find your appointment',
  'noMatch.lead': 'Check the phone number and the name or plate, or check in as a walk-in.',
  'noMatch.tryAgain': 'Try again',
  'noMatch.walkIn': 'Check in as a walk-in',

  'newCustomer.heading': 'Welcome! Tell us about you',
  'newCustomer.lead': 'We did not find you with that phone number.',
  'newCustomer.firstName': 'First name',
  'newCustomer.lastName': 'Last name',
  'newCustomer.email': 'Email',
  'newCustomer.emailHint': 'Optional',
  'newCustomer.phone': 'Phone: {phone}',

  'vehicle.heading': 'Which car is it?',
  'vehicle.other': 'A different car',
  'newVehicle.heading': 'Tell us about the car',
  'newVehicle.lead': 'The plate, or the VIN.',
  'newVehicle.plate': 'Plate',
  'newVehicle.state': 'State',
  'newVehicle.vin': 'VIN',
  'newVehicle.scanVin': 'Scan VIN',
  'newVehicle.typeVin': 'Type VIN',
  'newVehicle.vinDecoded': 'We read: {vehicle}',
  'newVehicle.vinCheck':
    'Please check the VIN: it does not look right. You can continue, the advisor will check it.',

  'concerns.heading': 'What does the car need?',
  'concerns.lead': 'Tap everything that applies.',
  'concerns.somethingElse': 'Something else',
  'concerns.otherLabel': 'Tell us what is going on',

  'odometer.heading': 'How many miles are on the car?',
  'odometer.label': 'Odometer',
  'odometer.hint': 'Leave it empty if you are not sure.',

  'waiting.heading': 'Almost done',
  'waiting.contactLegend': 'When the car is ready, we reach you by',
  'waiting.waitLegend': 'Will you wait here?',
  'waiting.wait': "I'll wait",
  'waiting.leave': "I'll leave the car",
  'waiting.readyByLegend': 'Leaving the car? Need it back by (optional)',
  'waiting.readyByToday': 'Today {time}',
  'waiting.readyByTomorrow': 'Tomorrow {time}',
  'contact.sms': 'Text message',
  'contact.email': 'Email',
  'contact.phone': 'Phone call',

  'authorize.heading': 'Please read and sign',
  'authorize.name': 'Your name',
  'authorize.signature': 'Signature',
  'authorize.signHere': 'Sign here with your finger',
  'authorize.clear': 'Clear signature',

  'thanks.heading': 'Thank you, {name}! Please hand your keys to the counter, your tag number is {tag}',
  'thanks.headingNoName': 'Thank you! Please hand your keys to the counter, your tag number is {tag}',
  'thanks.printed': 'Your key tag is printing now.',
  'thanks.resetSoon': 'This screen starts over in a few seconds.',

  'idle.heading': 'Still there?',
  'idle.lead': 'We will clear the screen in {seconds} seconds to protect your information.',
  'idle.stillHere': 'Still here',

  'error.phone': 'Please enter a 10-digit phone number.',
  'error.fact': 'Please enter your last name or your plate.',
  'error.name': 'Please use letters only (no emoji or symbols).',
  'error.nameMissing': 'Please enter your name.',
  'error.email': 'Please check the email address.',
  'error.vehicleMissing': 'Please enter the plate or the VIN.',
  'error.vin': 'Please check the VIN: it has 17 letters and numbers.',
  'error.plate': 'Please check the plate.',
  'error.state': 'Please check the state (two letters, like TX).',
  'error.concernsMissing': 'Please choose at least one thing the car needs.',
  'error.concernTooLong': 'That is too long. Please keep it under {max} characters.',
  'error.tooManyConcerns': 'Please choose at most {max}.',
  'error.odometer': 'Please enter the miles as a number.',
  'error.signature': 'Please sign in the box with your finger.',
  'error.refExpired': 'That took a while. Please look yourself up again.',
  'error.vinOnFile': 'This VIN is on file for another customer. Please ask at the counter.',
  'error.field': 'Something here is not right. Please check it.',
  'error.readyBy': 'That time has passed. Please choose another one.',
  'error.authorizationChanged': 'The shop just updated this text. Please read it again, then check in.',
  'error.rateLimited': 'Too many tries. Please ask at the counter.',
  'error.unreachable': 'We could not reach the shop’s server. Trying again…',
  'error.unknown': 'Something went wrong. Please ask at the counter.',
};

export type KioskTextKey = keyof typeof en;
export type KioskDictionary = Record<KioskTextKey, string>;

const es: KioskDictionary = {
  'language.en': 'English',
  'language.es': 'Español',
  'language.choose': 'Idioma',

  'action.continue': 'Continuar',
  'action.back': 'Atrás',
  'action.startOver': 'Empezar de nuevo',
  'action.checkIn': 'Registrarme',
  'action.checkingIn': 'Registrándole…',
  'action.done': 'Listo',
  'action.deleteDigit': 'Borrar',

  'welcome.heading': 'Bienvenido a {shop}',
  'welcome.lead': 'Regístrese aquí. Toma más o menos un minuto.',
  'welcome.appointment': 'Tengo una cita',
  'welcome.walkIn': 'Sin cita',

  'phone.heading': '¿Cuál es su número de teléfono?',
  'phone.label': 'Número de teléfono',
  'phone.scanQr': 'Escanear el código QR de su recordatorio',
  'phone.keypad': 'Teclado numérico',

  'fact.heading': 'Su apellido o su placa',
  'fact.label': 'Apellido o placa',
  'fact.lead': 'Lo pedimos para que nadie más pueda ver su visita.',

  'scan.qrHeading': 'Acerque a la cámara el código QR de su recordatorio',
  'scan.vinHeading': 'Acerque a la cámara el código de barras del VIN',
  'scan.vinHint': 'Está en el marco de la puerta del conductor o abajo del parabrisas.',
  'scan.starting': 'Encendiendo la cámara…',
  'scan.noCamera': 'La cámara no está disponible. Por favor escríbalo.',

  'matches.heading': '¿Es usted?',
  'matches.none': 'Ninguno de estos',
  'matches.yes': 'Sí, soy yo',
  'matches.appointmentAt': 'Cita a las {time}',
  'matches.noAppointment': 'No tiene cita hoy: le registramos sin cita.',

  'noMatch.heading': 'No encontramos su cita',
  'noMatch.lead': 'Revise el número de teléfono y el apellido o la placa, o regístrese sin cita.',
  'noMatch.tryAgain': 'Intentar otra vez',
  'noMatch.walkIn': 'Registrarme sin cita',

  'newCustomer.heading': '¡Bienvenido! Cuéntenos de usted',
  'newCustomer.lead': 'No le encontramos con ese número de teléfono.',
  'newCustomer.firstName': 'Nombre',
  'newCustomer.lastName': 'Apellido',
  'newCustomer.email': 'Correo electrónico',
  'newCustomer.emailHint': 'Opcional',
  'newCustomer.phone': 'Teléfono: {phone}',

  'vehicle.heading': '¿Cuál auto es?',
  'vehicle.other': 'Otro auto',
  'newVehicle.heading': 'Cuéntenos del auto',
  'newVehicle.lead': 'La placa, o el VIN.',
  'newVehicle.plate': 'Placa',
  'newVehicle.state': 'Estado',
  'newVehicle.vin': 'VIN',
  'newVehicle.scanVin': 'Escanear VIN',
  'newVehicle.typeVin': 'Escribir VIN',
  'newVehicle.vinDecoded': 'Leímos: {vehicle}',
  'newVehicle.vinCheck':
    'Por favor revise el VIN: no parece correcto. Puede continuar, el asesor lo revisará.',

  'concerns.heading': '¿Qué necesita el auto?',
  'concerns.lead': 'Toque todo lo que aplique.',
  'concerns.somethingElse': 'Otra cosa',
  'concerns.otherLabel': 'Cuéntenos qué pasa',

  'odometer.heading': '¿Cuántas millas tiene el auto?',
  'odometer.label': 'Odómetro',
  'odometer.hint': 'Déjelo vacío si no está seguro.',

  'waiting.heading': 'Ya casi terminamos',
  'waiting.contactLegend': 'Cuando el auto esté listo, le avisamos por',
  'waiting.waitLegend': '¿Va a esperar aquí?',
  'waiting.wait': 'Voy a esperar',
  'waiting.leave': 'Voy a dejar el auto',
  'waiting.readyByLegend': '¿Deja el auto? Lo necesita para (opcional)',
  'waiting.readyByToday': 'Hoy {time}',
  'waiting.readyByTomorrow': 'Mañana {time}',
  'contact.sms': 'Mensaje de texto',
  'contact.email': 'Correo electrónico',
  'contact.phone': 'Llamada',

  'authorize.heading': 'Por favor lea y firme',
  'authorize.name': 'Su nombre',
  'authorize.signature': 'Firma',
  'authorize.signHere': 'Firme aquí con el dedo',
  'authorize.clear': 'Borrar firma',

  'thanks.heading':
    '¡Gracias, {name}! Por favor entregue sus llaves en el mostrador, su número de etiqueta es {tag}',
  'thanks.headingNoName':
    '¡Gracias! Por favor entregue sus llaves en el mostrador, su número de etiqueta es {tag}',
  'thanks.printed': 'Su etiqueta de llaves se está imprimiendo.',
  'thanks.resetSoon': 'Esta pantalla empieza de nuevo en unos segundos.',

  'idle.heading': '¿Sigue ahí?',
  'idle.lead': 'Borraremos la pantalla en {seconds} segundos para proteger su información.',
  'idle.stillHere': 'Aquí estoy',

  'error.phone': 'Por favor escriba un número de teléfono de 10 dígitos.',
  'error.fact': 'Por favor escriba su apellido o su placa.',
  'error.name': 'Por favor use solo letras (sin emojis ni símbolos).',
  'error.nameMissing': 'Por favor escriba su nombre.',
  'error.email': 'Por favor revise el correo electrónico.',
  'error.vehicleMissing': 'Por favor escriba la placa o el VIN.',
  'error.vin': 'Por favor revise el VIN: tiene 17 letras y números.',
  'error.plate': 'Por favor revise la placa.',
  'error.state': 'Por favor revise el estado (dos letras, como TX).',
  'error.concernsMissing': 'Por favor elija al menos una cosa que necesita el auto.',
  'error.concernTooLong': 'Es demasiado largo. Por favor use menos de {max} caracteres.',
  'error.tooManyConcerns': 'Por favor elija {max} como máximo.',
  'error.odometer': 'Por favor escriba las millas como un número.',
  'error.signature': 'Por favor firme en el recuadro con el dedo.',
  'error.refExpired': 'Pasó un buen rato. Por favor búsquese otra vez.',
  'error.vinOnFile': 'Este VIN está registrado con otro cliente. Por favor pregunte en el mostrador.',
  'error.field': 'Algo aquí no está bien. Por favor revíselo.',
  'error.readyBy': 'Esa hora ya pasó. Por favor elija otra.',
  'error.authorizationChanged':
    'El taller acaba de cambiar este texto. Por favor léalo de nuevo y regístrese.',
  'error.rateLimited': 'Demasiados intentos. Por favor pregunte en el mostrador.',
  'error.unreachable': 'No pudimos comunicarnos con el servidor del taller. Intentando otra vez…',
  'error.unknown': 'Algo salió mal. Por favor pregunte en el mostrador.',
};

/** The kiosk's languages (server/contracts/kiosk.ts KIOSK_LANGUAGES; i18n.test.ts keeps them equal). */
export type KioskLanguage = 'en' | 'es';

export const KIOSK_DICTIONARY: Record<KioskLanguage, KioskDictionary> = { en, es };

/** The text for `key` in `language`, with `{placeholders}` filled from `values`. */
export function t(
  language: KioskLanguage,
  key: KioskTextKey,
  values: Record<string, string | number> = {},
): string {
  const text = KIOSK_DICTIONARY[language][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `t` bound to one language, for a screen's markup: `const tr = translator('es')`. */
export function translator(
  language: KioskLanguage,
): (key: KioskTextKey, values?: Record<string, string | number>) => string {
  return (key, values) => t(language, key, values);
}
