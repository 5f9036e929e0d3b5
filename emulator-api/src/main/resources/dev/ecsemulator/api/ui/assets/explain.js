// Plain-language explanations of ECS messages, stop codes and states: the catalogue is the emulator's
// (GET /_emulator/ui/api/explanations, from Explanations.java), each entry a pattern matched against the whole value.

let catalogue = [];

/** Takes the catalogue as the endpoint sends it: [{topic, pattern, text}]. */
export function useCatalogue(entries) {
  catalogue = entries.map(e => ({topic: e.topic, pattern: new RegExp('^(?:' + e.pattern + ')$'), text: e.text}));
}

/** Loads the catalogue from the emulator. */
export async function loadCatalogue() {
  const response = await fetch('api/explanations', {headers: {Accept: 'application/json'}});
  if (!response.ok) throw new Error('explanations: HTTP ' + response.status);
  useCatalogue(await response.json());
}

/** The explanation of `value` as a `topic` (EVENT, STOP_CODE, ...), or null. */
export function explain(topic, value) {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const entry = catalogue.find(e => e.topic === topic && e.pattern.test(text));
  return entry ? entry.text : null;
}
