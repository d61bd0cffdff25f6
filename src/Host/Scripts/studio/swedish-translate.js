// Swedish for bpmn-js's own palette, context pad and menus; what has no translation here stays in English.
const SWEDISH = {
  'Activate create/remove space tool': 'Skapa eller ta bort utrymme',
  'Activate global connect tool': 'Koppla ihop element',
  'Activate hand tool': 'Handverktyg (flytta diagrammet)',
  'Activate lasso tool': 'Lassoverktyg (markera flera)',
  'Add lane above': 'Lägg till bana ovanför',
  'Add lane below': 'Lägg till bana nedanför',
  'Add text annotation': 'Lägg till kommentar',
  'Append compensation activity': 'Lägg till kompensationsaktivitet',
  'Append conditional intermediate catch event': 'Lägg till villkorshändelse',
  'Append end event': 'Lägg till slut',
  'Append gateway': 'Lägg till grind',
  'Append intermediate/boundary event': 'Lägg till mellanhändelse',
  'Append message intermediate catch event': 'Lägg till väntan på meddelande',
  'Append receive task': 'Lägg till mottagningsuppgift',
  'Append signal intermediate catch event': 'Lägg till väntan på signal',
  'Append task': 'Lägg till manuellt steg',
  'Append timer intermediate catch event': 'Lägg till väntan på tid',
  'Change element': 'Byt elementtyp',
  'Connect to other element': 'Koppla till annat element',
  'Connect using association': 'Koppla med association',
  'Connect using data input association': 'Koppla med dataassociation',
  'Create data object reference': 'Skapa dataobjekt',
  'Create data store reference': 'Skapa datalager',
  'Create end event': 'Skapa slut',
  'Create expanded sub-process': 'Skapa delprocess',
  'Create gateway': 'Skapa grind',
  'Create group': 'Skapa grupp',
  'Create intermediate/boundary event': 'Skapa mellanhändelse eller kanthändelse',
  'Create pool/participant': 'Skapa pool',
  'Create start event': 'Skapa start',
  'Create task': 'Skapa manuellt steg',
  'Delete': 'Ta bort',
  'Divide into three lanes': 'Dela i tre banor',
  'Divide into two lanes': 'Dela i två banor',
  'Search in diagram': 'Sök i diagrammet',
  'No matching entries found.': 'Inget matchar.',
};

export default function swedishTranslate(template, replacements) {
  const text = SWEDISH[template] || template;
  return text.replace(/{([^}]+)}/g, (_, key) => (replacements && key in replacements ? replacements[key] : `{${key}}`));
}
