/*
 * Partnerflow: Tasklist lists tasks by due date, the most urgent first, unless the person picked
 * another order. Tasklist keeps its sort order in the address (parameter "sorting"), and where the
 * address names none it writes its own default there, the creation date newest first: when a
 * filter is first opened, and again whenever the logo (a link to "#/") is clicked. So an order
 * counts as the person's choice only when it follows their click or key press on the sort control;
 * Tasklist's default arriving any other way becomes the due date. A person who did choose the
 * creation date, newest first, keeps it until they log out.
 */
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);
const TASKLIST_DEFAULT = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);
const CHOSEN = 'partnerflow.chosenSorting';
// the address changes within milliseconds of the click; a second is ample on a slow machine
const CHOICE_WINDOW_MS = 1000;

let sortControlUsedAt = 0;

function rememberWhetherTheSortControlWasUsed(event) {
  const onSortControl = event.target instanceof Element && event.target.closest('[cam-sorting-choices]') !== null;
  sortControlUsedAt = onSortControl ? Date.now() : 0;
}

/** The sorting the address names, as Tasklist writes it, or null where it names none. */
function sortingIn(hash) {
  const match = /[?&]sorting=([^&]*)/.exec(hash);
  if (!match) {
    return null;
  }
  try {
    return JSON.stringify(JSON.parse(decodeURIComponent(match[1])));
  } catch (notJson) {
    return match[1];
  }
}

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash;
  if (hash.startsWith('#/login')) {
    window.sessionStorage.removeItem(CHOSEN);
    return;
  }
  if (!hash.startsWith('#/')) {
    return;
  }
  const sorting = sortingIn(hash);
  if (sorting !== null && Date.now() - sortControlUsedAt < CHOICE_WINDOW_MS) {
    window.sessionStorage.setItem(CHOSEN, sorting);
    return;
  }
  const dueDateFirst = 'sorting=' + encodeURIComponent(DUE_DATE_FIRST);
  if (sorting === null) {
    window.location.replace(hash + (hash.includes('?') ? '&' : '?') + dueDateFirst);
  } else if (sorting === TASKLIST_DEFAULT && window.sessionStorage.getItem(CHOSEN) !== TASKLIST_DEFAULT) {
    window.location.replace(hash.replace(/([?&])sorting=[^&]*/, '$1' + dueDateFirst));
  }
}

document.addEventListener('click', rememberWhetherTheSortControlWasUsed, true);
document.addEventListener('keydown', rememberWhetherTheSortControlWasUsed, true);
window.addEventListener('hashchange', sortByDueDateUnlessChosen);
sortByDueDateUnlessChosen();

export default [];
