// The lists of codes with their labels, the field rules, patterns and messages: web/js/rules.json,
// generated from the Java validators. The lists below are filled in place when it arrives; `ready`
// resolves then (with the rules, also readable as `rules` from that moment).
export let rules = null;
export const PROGRAMS = {};
export const REGION_STATUS = {};
export const APPLICATION_STATUS = {};
export const APPLICATION_STATUSES = [];
export const STATES = [];

function labels(choices) {
  var map = {};
  choices.forEach(function (choice) { map[choice.code] = choice.label; });
  return map;
}

export const ready = fetch(new URL("rules.json", import.meta.url)).then(function (response) {
  if (!response.ok) {
    throw new Error("rules.json: HTTP " + response.status);
  }
  return response.json();
}).then(function (loaded) {
  rules = loaded;
  Object.assign(PROGRAMS, labels(loaded.choices.programs));
  Object.assign(REGION_STATUS, labels(loaded.choices.regionStatuses));
  Object.assign(APPLICATION_STATUS, labels(loaded.choices.applicationStatuses));
  loaded.choices.applicationStatuses.forEach(function (status) { APPLICATION_STATUSES.push(status.code); });
  loaded.choices.usStates.forEach(function (state) { STATES.push([state.code, state.label]); });
  return loaded;
});
